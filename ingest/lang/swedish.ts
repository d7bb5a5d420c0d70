// Swedish text analysis shared by topic tagging and search: normalisation, tokens, stems and stopwords,
// from natural's Swedish modules (imported one by one: natural's main entry pulls in dotenv and more).
import stemmer from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import AggressiveTokenizerSv from 'natural/lib/natural/tokenizers/aggressive_tokenizer_sv.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords_sv.js';

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

/**
 * Stems already computed. A protocol archive has a small vocabulary (tens of thousands of word forms) that every
 * document repeats, and the Snowball stemmer's regular expressions cost far more than a lookup. Bounded anyway:
 * past the limit the cache starts over, so a stream of odd tokens cannot grow it without end.
 */
const STEMS = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    if (STEMS.size >= STEM_CACHE_LIMIT) STEMS.clear();
    stemmed = stemmer.stem(normalize(word));
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(normalize(word));
}

/** Content words of a text: tokens without stopwords and bare numbers. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((t) => !isStopword(t) && !/^\d+$/.test(t));
}
