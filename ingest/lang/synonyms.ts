// Finds abbreviations and their long forms (synonyms.json) in word sequences, so a search for "SAM" finds
// "systematiskt arbetsmiljöarbete" and the other way round. Each group has an id; the index stores that id
// wherever any variant occurs, and a query naming any variant searches the id.
import data from './synonyms.json' with { type: 'json' };
import { isStopword } from './swedish.ts';
import { matchKey, wordSpans } from './terms.ts';

/** A variant of a group as a sequence of matching keys; abbreviations must be capitals in documents. */
interface Variant {
  keys: string[];
  capitals: boolean;
  group: string;
}

export interface SynonymMatch {
  group: string;
  /** Index of the first and one past the last word of the match. */
  from: number;
  to: number;
}

/** A word as the matcher sees it: its matching key and how it was written. */
export interface KeyedWord {
  key: string;
  raw: string;
}

const variantsByFirstKey = new Map<string, Variant[]>();
for (const group of data.groups) {
  const variants: Variant[] = [
    ...group.abbreviations.map((a) => ({ keys: keysOf(a), capitals: true, group: group.id })),
    ...group.forms.map((f) => ({ keys: keysOf(f), capitals: false, group: group.id })),
  ];
  for (const variant of variants) {
    const first = variant.keys[0];
    if (!variantsByFirstKey.has(first)) variantsByFirstKey.set(first, []);
    variantsByFirstKey.get(first)!.push(variant);
  }
}
for (const list of variantsByFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);

function keysOf(text: string): string[] {
  return wordSpans(text).map((w) => matchKey(w.word));
}

/** The index term that stands for a synonym group; never equal to a word's key. */
export function synonymTerm(group: string): string {
  return `=${group}`;
}

/**
 * Longest synonym variants found in a word sequence, left to right, without overlaps.
 * @param inDocument when true, abbreviations only count if written in capitals ("SAM", not "sam").
 */
export function findSynonyms(words: KeyedWord[], inDocument: boolean): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let i = 0;
  while (i < words.length) {
    const match = variantAt(words, i, inDocument);
    if (match) {
      matches.push(match);
      i = match.to;
    } else {
      i++;
    }
  }
  return matches;
}

function variantAt(words: KeyedWord[], i: number, inDocument: boolean): SynonymMatch | null {
  for (const variant of variantsByFirstKey.get(words[i].key) ?? []) {
    if (i + variant.keys.length > words.length) continue;
    if (!variant.keys.every((key, k) => words[i + k].key === key)) continue;
    if (variant.capitals && inDocument && !isCapitals(words[i].raw)) continue;
    if (variant.keys.length === 1 && !variant.capitals && isStopword(words[i].raw)) continue;
    return { group: variant.group, from: i, to: i + variant.keys.length };
  }
  return null;
}

function isCapitals(raw: string): boolean {
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}
