// How much two texts are about the same subject: overlap of content-word stems weighted by rarity, where a
// compound matches its parts ("arbetsbelastningen" ~ "belastning", "friskfaktorsinventering" ~ "friskfaktorer").
import { contentWords, stem } from '../../ingest/lang/swedish.ts';
import { NOT_SUBJECT_WORDS } from './followup-vocabulary.ts';

/** A text reduced to the distinct stems of its subject words. */
export type Subject = string[];

/** Shorter stems than this only match exactly: "bar" must not match "barn" or "arbetsbarometer". */
const MIN_COMPOUND_PART = 5;

export function subjectOf(text: string): Subject {
  const stems = new Set<string>();
  for (const word of contentWords(text)) {
    if (word.length < 3 || NOT_SUBJECT_WORDS.has(word)) continue;
    stems.add(withoutDefiniteEnding(stem(word)));
  }
  return [...stems];
}

/**
 * natural's Swedish stemmer leaves many definite forms alone ("utskicket", "förskolan", "samverkansmötena"),
 * so the endings of the definite article are taken off as well, which lets "utskicket" meet "skickas".
 */
function withoutDefiniteEnding(word: string): string {
  const match = /^(.{4,}?)(erna|arna|orna|na|et|en|an)$/.exec(word);
  return match ? match[1] : word;
}

/** Rarity weights (inverse document frequency) over the texts that will be compared. */
export class SubjectWeights {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  add(subject: Subject): void {
    this.documents += 1;
    for (const s of subject) this.documentFrequency.set(s, (this.documentFrequency.get(s) ?? 0) + 1);
  }

  weight(s: string): number {
    return Math.log((this.documents + 1) / ((this.documentFrequency.get(s) ?? 0) + 0.5));
  }
}

/** Two stems name the same thing: equal, or one is the head or the modifier of a compound containing the other. */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_COMPOUND_PART) return false;
  return long.startsWith(short) || long.endsWith(short);
}

/**
 * Share (0–1) of the question's subject weight that the candidate text covers. A candidate answering several
 * questions at once still covers each of them; a candidate on another subject covers little.
 */
export function coverage(question: Subject, candidate: Subject, weights: SubjectWeights): { share: number; matched: number } {
  let total = 0;
  let covered = 0;
  let matched = 0;
  for (const q of question) {
    const w = weights.weight(q);
    total += w;
    if (candidate.some((c) => stemsMatch(q, c))) {
      covered += w;
      matched += 1;
    }
  }
  return { share: total > 0 ? covered / total : 0, matched };
}
