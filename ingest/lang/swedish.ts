// Swedish text analysis shared by topic tagging and search: normalisation, tokens, stems and stopwords,
// from natural's Swedish modules (imported one by one: natural's main entry pulls in dotenv and more).
import stemmer from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import AggressiveTokenizerSv from 'natural/lib/natural/tokenizers/aggressive_tokenizer_sv.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords_sv.js';
import { perWordForm } from './word-memo.ts';

const tokenizer = new AggressiveTokenizerSv();

/** Words that carry meaning in protocols although natural lists them as stopwords. */
const KEEP = new Set(['beslut', 'beslutat', 'beslutit']);
const STOPWORDS = new Set(naturalStopwords.filter((w) => !KEEP.has(w)));

/** Lower-cases and NFC-normalises, so "Å" typed as A + ring matches the precomposed letter. */
export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Word tokens, lower-cased; hyphens at word ends ("hot-", "sjuk-") are dropped, inner ones kept. */
export function tokenize(text: string): string[] {
  return tokenizer
    .tokenize(normalize(text))
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t.length > 0);
}

/** The Snowball stem of a word form (remembered: see word-memo.ts). */
export const stem: (word: string) => string = perWordForm((word) => stemmer.stem(normalize(word)));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(normalize(word));
}

/** Content words of a text: tokens without stopwords and bare numbers. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((t) => !isStopword(t) && !/^\d+$/.test(t));
}
