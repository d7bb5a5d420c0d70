// What a question is about, as weighted terms: the Swedish analysis of the search engine (match keys, compound
// parts, synonym groups) over the asking text and, weighted lower, the answer, without the words every question
// and answer uses (ingest/data/question-chatter.json). These "features" are what similar questions are found by;
// they are computed once when a protocol is ingested and kept in the store beside the question.
import chatter from '../data/question-chatter.json' with { type: 'json' };
import parties from '../data/parties.json' with { type: 'json' };
import topics from '../data/topics.json' with { type: 'json' };
import { analyze, type AnalyzedWord } from '../lang/analysis.ts';
import { CompoundSplitter } from '../lang/compounds.ts';
import { matchKey, wordSpans } from '../lang/terms.ts';
import type { QuestionRecord } from '../store/types.ts';

/** A question reduced to what it is about; plain data, saved as JSON in the store. */
export interface QuestionFeatures {
  id: string;
  protocolId: string;
  date: string | null;
  /** Term → weight: asked words count more than answer words, a compound part less than a whole word. */
  terms: Record<string, number>;
  /** Term → the word as first written, to say in words why two questions were found alike. */
  words: Record<string, string>;
  topics: string[];
}

/** How much the answer's words count against the asking text's: answers are often generic ("återkommer"). */
export const ANSWER_WEIGHT = 0.35;
/** How much a compound part counts against a whole word: "hot" in "hotbild" says less than "hot" itself. */
export const PART_WEIGHT = 0.5;

const CHATTER = new Set<string>([
  ...chatter.words.map((w) => matchKey(w)),
  ...parties.parties.flatMap((p) => [p.name, ...p.aliases]).flatMap((name) => wordSpans(name).map((s) => matchKey(s.word))),
]);

/**
 * The splitter's vocabulary is fixed (its seed parts and the topic taxonomy's words), not the archive's: the
 * terms of a question must not depend on which protocols happened to be ingested before it.
 */
const splitter = new CompoundSplitter(
  topics.topics.flatMap((t) => [...t.words, ...t.parts, ...(t.supporting ?? []), ...t.phrases]).flatMap((w) => wordSpans(w).map((s) => s.word)),
);

/** The analysed words of a text that say something about its matter. */
export function subjectWords(text: string): AnalyzedWord[] {
  return analyze(text, splitter, true).filter((w) => !w.stopword && !CHATTER.has(w.keys[0]) && !/^\d+$/.test(w.keys[0]));
}

export function questionFeatures(question: QuestionRecord): QuestionFeatures {
  const counts = new Map<string, number>();
  const words: Record<string, string> = {};
  const add = (text: string, weight: number) => {
    for (const word of subjectWords(text)) {
      for (const key of word.keys) {
        counts.set(key, (counts.get(key) ?? 0) + weight);
        words[key] ??= word.raw.toLowerCase();
      }
      for (const part of word.parts) if (!word.keys.includes(part)) counts.set(part, (counts.get(part) ?? 0) + weight * PART_WEIGHT);
      for (const synonym of word.synonyms) counts.set(synonym, (counts.get(synonym) ?? 0) + weight);
    }
  };
  add(question.text, 1);
  if (question.answer) add(question.answer.text, ANSWER_WEIGHT);
  const terms: Record<string, number> = {};
  // Saturated: a word said three times is not three times the matter.
  for (const [term, count] of counts) terms[term] = (2 * count) / (count + 1);
  return { id: question.id, protocolId: question.protocolId, date: question.date, terms, words, topics: [...new Set(question.topics)] };
}
