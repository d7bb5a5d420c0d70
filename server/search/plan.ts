// Query planning: turns what a user typed into groups of index terms, all groups required. Each word is looked
// up as it is, and also as its compound parts written apart ("arbetsmiljöutbildning" → "utbildning i arbetsmiljö")
// and as its derived noun or verb ("anställa" → "anställning"); a word the archive lacks is first split as a
// compound into known parts or found as the first part of compounds ("sjuksköterskor" → "sjukskötersketjänster"),
// and otherwise corrected to the nearest archive spelling. Abbreviations and long forms become their synonym
// group's term. A query naming a topic of the taxonomy also finds the sections tagged with it.
import { analyze } from '../../ingest/lang/analysis.ts';
import { derivedForms } from '../../ingest/lang/derivations.ts';
import { isStopword, normalize } from '../../ingest/lang/swedish.ts';
import { matchKey } from '../../ingest/lang/terms.ts';
import { topicNamedBy, topicTerm } from '../../ingest/lang/topic-terms.ts';
import { parseQuery } from './query.ts';
import { apart, unmarked } from './term-postings.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One required concept: any of its alternatives, each alternative a set of terms that must all match. */
export interface TermGroup {
  alternatives: string[][];
}

export interface QueryPlan {
  groups: TermGroup[];
  /** Phrases the section text must contain in this order (inflected forms allowed). */
  phrases: string[];
  /** Every term that counts as a match, for highlighting. */
  terms: Set<string>;
  corrections: Array<{ from: string; to: string }>;
}

export function planQuery(query: string, vocabulary: Vocabulary): QueryPlan {
  const parsed = parseQuery(query);
  const words = analyze(parsed.text, vocabulary.splitter, false);
  const groups: TermGroup[] = [];
  const corrections: QueryPlan['corrections'] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    const synonym = word.synonyms[0];
    if (synonym) {
      let end = i + 1;
      while (end < words.length && words[end].synonyms.includes(synonym)) end++;
      // Every section with a variant of the group carries its term, so the literal words only add
      // something when the archive lacks them and they expand to compounds or a correction.
      const literal = words.slice(i, end).filter((w) => !w.stopword);
      const alternatives = [[synonym]];
      if (literal.length === 1 && !vocabulary.hasTerm(literal[0].keys[0])) {
        alternatives.push(...groupForWord(normalize(literal[0].raw), literal[0].keys[0], vocabulary, corrections).alternatives);
      }
      groups.push({ alternatives });
      i = end;
      continue;
    }
    i++;
    if (word.stopword) continue;
    groups.push(groupForWord(normalize(word.raw), word.keys[0], vocabulary, corrections));
  }
  const topic = parsed.phrases.length === 0 ? topicNamedBy(parsed.text) : null;
  const planned = topic ? withTopic(groups, topicTerm(topic)) : groups;
  // The topic term is no word: it highlights nothing, so it stays out of `terms`.
  const terms = new Set(groups.flatMap((g) => g.alternatives.flat().map(unmarked)));
  return { groups: planned, phrases: parsed.phrases, terms, corrections };
}

/** Literal combinations of a query's alternatives at most: beyond this the topic is not added. */
const MAX_LITERAL_COMBINATIONS = 16;

/**
 * The groups as one: the query's words (every combination of the groups' alternatives, all terms of one
 * required) or the topic's term. A section tagged with the topic matches without the words, and ranks lower:
 * its topic term stands in the lower-weighted field (see minisearch-engine.ts).
 */
function withTopic(groups: TermGroup[], term: string): TermGroup[] {
  let combinations: string[][] = [[]];
  for (const group of groups) {
    combinations = combinations.flatMap((terms) => group.alternatives.map((alternative) => [...terms, ...alternative]));
    if (combinations.length > MAX_LITERAL_COMBINATIONS) return groups;
  }
  return [{ alternatives: [...combinations.filter((c) => c.length > 0), [term]] }];
}

function groupForWord(
  word: string,
  key: string,
  vocabulary: Vocabulary,
  corrections: QueryPlan['corrections'],
): TermGroup {
  const alternatives: string[][] = [];
  const add = (terms: string[]): void => {
    if (!alternatives.some((a) => a.length === terms.length && a.every((t, i) => t === terms[i]))) alternatives.push(terms);
  };
  if (vocabulary.hasTerm(key)) {
    add([key]);
    const common = vocabulary.commonSpelling(word);
    if (common) add([matchKey(common)]);
    for (const pieces of writtenApart(word, vocabulary)) add(pieces.map(apart));
  } else {
    const partKeys = vocabulary.splitter.partKeys(word);
    if (partKeys && partKeys.every((k) => vocabulary.hasTerm(k))) add(partKeys);
    for (const compound of vocabulary.compoundsStartingWith(word)) add([matchKey(compound)]);
    // An inflected form the archive lacks may still begin its compounds ("sjuksköterskor" → "sjukskötersketjänster").
    if (key !== word) for (const compound of vocabulary.compoundsStartingWith(key, undefined, true)) add([matchKey(compound)]);
  }
  for (const form of derivedForms(word)) if (vocabulary.hasTerm(matchKey(form))) add([matchKey(form)]);
  if (alternatives.length > 0) return { alternatives };
  const corrected = vocabulary.correct(word, key);
  if (corrected) {
    corrections.push({ from: word, to: corrected.word });
    return { alternatives: [[corrected.term]] };
  }
  return { alternatives: [[key]] };
}

/** Shortest piece of a compound worth looking for as a word of its own ("hel" in "heltid" is not). */
const MIN_APART_PIECE = 4;

/**
 * A known compound as two words the archive has, split before its last part or after its first
 * ("arbetsmiljö|utbildning", "sjuk|frånvaro"): the keys of each way it may be written apart.
 */
function writtenApart(word: string, vocabulary: Vocabulary): string[][] {
  const written = vocabulary.splitter.split(word);
  if (!written || written.length < 2) return [];
  const cuts = [...new Set([written.length - 1, 1])];
  const ways: string[][] = [];
  for (const cut of cuts) {
    const pieces = [written.slice(0, cut).join(''), written.slice(cut).join('')];
    // The first piece may end in the linking -s- of the compound ("arbets|miljö").
    const keys = pieces.map((piece, i) => keyOfPiece(piece, i === 0, vocabulary));
    if (keys.every((k): k is string => k !== null)) ways.push(keys);
  }
  return ways;
}

function keyOfPiece(piece: string, modifier: boolean, vocabulary: Vocabulary): string | null {
  if (piece.length < MIN_APART_PIECE || isStopword(piece)) return null;
  const forms = modifier && piece.endsWith('s') ? [piece, piece.slice(0, -1)] : [piece];
  return forms.map(matchKey).find((k) => vocabulary.hasTerm(k)) ?? null;
}
