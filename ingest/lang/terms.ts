// Index terms for Swedish words: word spans with character offsets, and a matching key per word that
// conflates the inflected forms a search should treat as one ("frånvaron"/"frånvaro", "frågan"/"frågor",
// "friskfaktor"/"friskfaktorer"). Built on natural's stemmer from ./swedish.ts, with the endings it misses.
import { normalize, stem } from './swedish.ts';

export interface WordSpan {
  /** Normalised (NFC, lower-case) word. */
  word: string;
  /** The word as written, e.g. "SAM" or "Sjukfrånvaron". */
  raw: string;
  start: number;
  end: number;
}

// Combining marks: the only way Latin-script text can differ from its NFC form ("a" + ring for "å").
const COMBINING = /\p{M}/u;

// Letters and digits, with inner hyphens or apostrophes kept ("Hägersten-Älvsjö", "e-post").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words of a text with their offsets into it, so matches can be highlighted as ranges of the original. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  // Lower-casing the whole text once is much faster than word by word; it is only safe when it keeps
  // every offset (true for Swedish text) and the text is already NFC, which pdf.js text nearly always is.
  const lower = text.toLowerCase();
  const sameOffsets = lower.length === text.length && !COMBINING.test(text);
  for (const m of text.matchAll(WORD)) {
    const end = m.index + m[0].length;
    spans.push({ word: sameOffsets ? lower.slice(m.index, end) : normalize(m[0]), raw: m[0], start: m.index, end });
  }
  return spans;
}

// Definite endings natural's Snowball port leaves on: -et ("mötet"), -an ("frågan"), and -n after a vowel
// ("frånvaron", "arbetsmiljön"). Applied only while at least three letters remain.
const DEFINITE = [/et$/, /an$/, /(?<=[oöåu])n$/];

const keyCache = new Map<string, string>();

/**
 * The matching key of a word: the same for its inflected forms. Numbers and words with digits are kept as
 * they are. natural's stemmer is applied until it stops changing the word, because one pass leaves plural
 * and singular apart ("friskfaktorer" → "friskfaktor", but "friskfaktor" → "friskfak").
 */
export function matchKey(word: string): string {
  const normalized = normalize(word);
  const cached = keyCache.get(normalized);
  if (cached !== undefined) return cached;
  const key = computeKey(normalized);
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(normalized, key);
  return key;
}

function computeKey(word: string): string {
  if (/\d/.test(word)) return word;
  if (word.includes('-') || word.includes("'") || word.includes('’')) {
    return word.split(/['’-]/).map(computeKey).join('-');
  }
  let current = word;
  for (let pass = 0; pass < 3; pass++) {
    let next = stem(current);
    for (const ending of DEFINITE) {
      const stripped = next.replace(ending, '');
      if (stripped.length >= 3) next = stripped;
    }
    if (next === current) break;
    current = next;
  }
  return current;
}
