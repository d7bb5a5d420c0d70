// Free-text search over questions and their answers with the search engine's Swedish analysis: stems, compound
// parts ("sjukfrånvaro" finds "korttidssjukfrånvaron") and synonym groups ("SAM" finds "systematiskt
// arbetsmiljöarbete"), leaving out the words every question uses ("undrar", "arbetsgivaren", "svarat"). Short
// queries must match every word, like a filter; a question in a person's own words ("vad har arbetsgivaren svarat
// om hot mot personal i hemtjänsten?") must match a third of its words and is ranked: the more words and the
// rarer, the closer.
import { questionFeatures, subjectWords } from '../../ingest/similar/question-terms.ts';
import type { TrackedQuestion } from './question-stats.ts';

/** Queries of up to this many subject words must match them all. */
const ALL_WORDS_UP_TO = 2;
/**
 * Longer queries must match at least this share of their words: people ask in more words than a protocol
 * records ("hot mot personal i hemtjänsten" finds a question on threats to staff in another unit), and the
 * ranking puts those matching more of them first.
 */
const MIN_SHARE = 0.34;

export class QuestionTextIndex {
  private readonly terms = new Map<string, Map<string, number>>();
  private readonly documentFrequency = new Map<string, number>();

  constructor(questions: TrackedQuestion[]) {
    for (const q of questions) {
      // The answer shown may come from a later meeting; search it as the question's answer.
      const terms = questionFeatures({ ...q, answer: q.answer }).terms;
      this.terms.set(q.id, new Map(Object.entries(terms)));
      for (const term of Object.keys(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  /**
   * Relevance of each matching question to the query (higher is closer); questions that do not match are absent.
   * A query without subject words (only "vad undrar facket?") matches nothing.
   */
  search(query: string): Map<string, number> {
    const words = subjectWords(query).map((w) => [...new Set([...w.keys, ...w.synonyms])]);
    const distinct = words.filter((alternatives, i) => words.findIndex((other) => other[0] === alternatives[0]) === i);
    const scores = new Map<string, number>();
    if (distinct.length === 0) return scores;
    const needed = distinct.length <= ALL_WORDS_UP_TO ? distinct.length : Math.ceil(distinct.length * MIN_SHARE);
    const n = this.terms.size;
    for (const [id, terms] of this.terms) {
      let matched = 0;
      let score = 0;
      for (const alternatives of distinct) {
        let best = 0;
        for (const term of alternatives) {
          const weight = terms.get(term);
          if (weight === undefined) continue;
          const df = this.documentFrequency.get(term) ?? 0;
          best = Math.max(best, weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        if (best > 0) {
          matched++;
          score += best;
        }
      }
      if (matched >= needed) scores.set(id, score);
    }
    return scores;
  }
}
