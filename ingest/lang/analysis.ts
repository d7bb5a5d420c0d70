// Swedish analysis of a text for search and topic matching: each word with its offsets, its matching keys,
// the keys of its compound parts and the synonym groups it belongs to. One function, used at index time,
// for queries and for highlighting, so the three always agree on what matches what.
import type { CompoundSplitter } from './compounds.ts';
import { isStopword } from './swedish.ts';
import { findSynonyms, synonymTerm } from './synonyms.ts';
import { matchKey, wordSpans } from './terms.ts';

export interface AnalyzedWord {
  raw: string;
  start: number;
  end: number;
  stopword: boolean;
  /** The word's own key, plus the keys of the pieces of a hyphenated word ("hägersten-älvsjö"). */
  keys: string[];
  /** Keys of compound parts and runs of parts ("sjukfrånvaro" in "korttidssjukfrånvaron"). */
  parts: string[];
  /** Synonym group terms this word is (part of) a variant of. */
  synonyms: string[];
}

/**
 * Analyses a text.
 * @param inDocument documents need abbreviations in capitals to count as such; queries do not.
 * @param keep analyse only the words it accepts (multi-word synonyms are then only found among those).
 * @example analyze('Korttidssjukfrånvaron ökar', splitter, true)[0].parts // includes 'sjukfrånvaro'
 */
export function analyze(
  text: string,
  splitter: CompoundSplitter,
  inDocument: boolean,
  keep?: (word: string) => boolean,
): AnalyzedWord[] {
  const cache = wordCache(splitter);
  const spans = keep ? wordSpans(text).filter((span) => keep(span.word)) : wordSpans(text);
  const words: AnalyzedWord[] = spans.map((span) => {
    let analysis = cache.get(span.word);
    if (!analysis) {
      analysis = analyzeWord(span.word, splitter);
      cache.set(span.word, analysis);
    }
    const { stopword, keys, parts } = analysis;
    return { raw: span.raw, start: span.start, end: span.end, stopword, keys: [...keys], parts, synonyms: [] };
  });
  const keyed = words.map((w) => ({ key: w.keys[0], raw: w.raw }));
  for (const match of findSynonyms(keyed, inDocument)) {
    for (let i = match.from; i < match.to; i++) words[i].synonyms.push(synonymTerm(match.group));
  }
  // Abbreviations joined to a word by a hyphen count too ("MBL-förhandlingen", "SAM-uppföljningen").
  for (const word of words) {
    if (word.synonyms.length > 0 || !/['’-]/.test(word.raw)) continue;
    const pieces = word.raw.split(/['’-]/).map((raw) => ({ key: matchKey(raw), raw }));
    for (const match of findSynonyms(pieces, inDocument)) word.synonyms.push(synonymTerm(match.group));
  }
  return words;
}

type WordAnalysis = Pick<AnalyzedWord, 'stopword' | 'keys' | 'parts'>;

function analyzeWord(word: string, splitter: CompoundSplitter): WordAnalysis {
  const pieces = word.split(/['’-]/).filter((p) => p.length > 0);
  const keys = [matchKey(word)];
  if (pieces.length > 1) for (const piece of pieces) if (!isStopword(piece)) keys.push(matchKey(piece));
  const parts = pieces.flatMap((piece) => splitter.subterms(piece));
  return { stopword: isStopword(word), keys, parts };
}

// What each word analyses to, per splitter, until its vocabulary grows: texts repeat their words (Zipf), so
// most words of a large archive are analysed once.
const caches = new WeakMap<CompoundSplitter, { version: number; words: Map<string, WordAnalysis> }>();

function wordCache(splitter: CompoundSplitter): Map<string, WordAnalysis> {
  let cache = caches.get(splitter);
  if (!cache || cache.version !== splitter.version || cache.words.size > 500_000) {
    cache = { version: splitter.version, words: new Map() };
    caches.set(splitter, cache);
  }
  return cache.words;
}

/** The index terms of an analysed text: own keys and synonym terms, and compound-part keys apart. */
export function indexTerms(words: AnalyzedWord[]): { direct: string[]; parts: string[] } {
  const direct: string[] = [];
  const parts: string[] = [];
  words.forEach((word, i) => {
    if (!word.stopword) direct.push(...word.keys);
    parts.push(...word.parts);
    // A multi-word variant ("systematiskt arbetsmiljöarbete") counts once, at its first word.
    for (const synonym of word.synonyms) if (!words[i - 1]?.synonyms.includes(synonym)) direct.push(synonym);
  });
  return { direct, parts };
}
