// The archive's vocabulary: how often each word is written, which index terms exist, and the compound
// splitter that learns from both. Query planning asks it whether a word is known and for the nearest known
// spelling of one that is not; autocomplete asks it for words by prefix.
import SearchableMap from 'minisearch/SearchableMap';
import { CompoundSplitter } from '../../ingest/lang/compounds.ts';
import { isStopword } from '../../ingest/lang/swedish.ts';
import { matchKey, wordSpans } from '../../ingest/lang/terms.ts';

/** A word written at most this often may be a slip of a common word. */
const RARE = 2;

export interface VocabularySnapshot {
  words: Array<[string, number]>;
  terms: string[];
}

export class Vocabulary {
  readonly splitter: CompoundSplitter;
  private readonly words = new Map<string, number>();
  private readonly terms = new Set<string>();
  /** Radix tree over the words, built on first use: only typo correction and autocomplete need it. */
  private tree: SearchableMap<number> | null = null;
  private termTree: SearchableMap<number> | null = null;
  private readonly spellings = new Map<string, string | null>();

  constructor(snapshot?: VocabularySnapshot) {
    for (const [word, count] of snapshot?.words ?? []) this.words.set(word, count);
    for (const term of snapshot?.terms ?? []) this.terms.add(term);
    this.splitter = new CompoundSplitter(this.words.keys());
  }

  /** Counts the words of a text (call for every text before analysing any, so compounds find their parts). */
  countWords(text: string): void {
    for (const span of wordSpans(text)) {
      if (/\d/.test(span.word)) continue;
      const count = this.words.get(span.word);
      if (count === undefined) {
        this.splitter.learn(span.word);
        this.tree = null;
        this.spellings.clear();
      }
      this.words.set(span.word, (count ?? 0) + 1);
    }
  }

  addTerms(terms: Iterable<string>): void {
    for (const term of terms) {
      if (this.terms.has(term)) continue;
      this.terms.add(term);
      this.termTree = null;
    }
  }

  /** Whether some indexed section has this term (own word key, compound part key or synonym term). */
  hasTerm(term: string): boolean {
    return this.terms.has(term);
  }

  /**
   * The nearest known spelling of an unknown word (edit distance 1, or 2 from eight letters on), looked for
   * among the archive's words and among its index terms (so "friskvårdsbidarg" finds "friskvårdsbidrag",
   * the stem of "friskvårdsbidraget"); the closest wins, then the more frequent. Null when there is none.
   * @example vocabulary.correct('svergies', matchKey('svergies')) // { word: 'sveriges', term: 'sver' }
   */
  correct(word: string, key: string): { word: string; term: string } | null {
    if (word.length < 4) return null;
    const maxDistance = (w: string) => (w.length >= 8 ? 2 : 1);
    const candidates: Array<{ word: string; term: string; distance: number; count: number }> = [];
    for (const [candidate, [count, distance]] of this.radix().fuzzyGet(word, maxDistance(word))) {
      if (candidate !== word) candidates.push({ word: candidate, term: matchKey(candidate), distance, count });
    }
    if (key.length >= 4) {
      for (const [term, [, distance]] of this.termRadix().fuzzyGet(key, maxDistance(key))) {
        if (term !== key && !term.startsWith('=')) candidates.push({ word: term, term, distance, count: 0 });
      }
    }
    candidates.sort((a, b) => a.distance - b.distance || b.count - a.count);
    return candidates.length > 0 ? { word: candidates[0].word, term: candidates[0].term } : null;
  }

  /**
   * Archive words that are compounds beginning with this word, for a query word the archive only uses as
   * the first part of compounds ("rehabilitering" → "rehabiliteringsprocessen"): the rest must be a word
   * the archive knows, so "rehab" does not expand to every word that merely starts with it. `stem` says the
   * word is a matching key rather than a written word, so a linking vowel may follow it.
   */
  compoundsStartingWith(word: string, limit = 20, stem = false): string[] {
    if (word.length < 4) return [];
    const found: string[] = [];
    // After a stem the compound may carry the vowel a part ends in before another ("sjukskötersk|e|tjänster").
    const linking = stem ? /^[saeou]/ : /^s/;
    for (const [candidate] of this.radix().atPrefix(word)) {
      const rest = candidate.slice(word.length);
      const head = linking.test(rest) && rest.length > 3 && !this.splitter.isHead(rest) ? rest.slice(1) : rest;
      if (head.length >= 3 && this.splitter.isHead(head)) found.push(candidate);
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * The common spelling of a rare word that is a slip of it — "Svergies" written twice beside "Sveriges"
   * written often — so documents with the slip are found under the right word and the other way round.
   * Null for words that are not rare or have no much more frequent neighbour.
   */
  commonSpelling(word: string): string | null {
    const cached = this.spellings.get(word);
    if (cached !== undefined) return cached;
    const count = this.words.get(word) ?? 0;
    let best: string | null = null;
    if (count <= RARE && word.length >= 6 && /^\p{L}+$/u.test(word) && !this.splitter.split(word)) {
      let bestCount = Math.max(count * 3, 5) - 1;
      for (const [candidate, [candidateCount]] of this.radix().fuzzyGet(word, word.length >= 8 ? 2 : 1)) {
        if (candidateCount > bestCount) {
          best = candidate;
          bestCount = candidateCount;
        }
      }
    }
    this.spellings.set(word, best);
    return best;
  }

  /** Words beginning with a prefix, most frequent first, stopwords left out. */
  complete(prefix: string, limit: number): string[] {
    if (!prefix) return [];
    return [...this.radix().atPrefix(prefix)]
      .filter(([word]) => word !== prefix && !isStopword(word))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))
      .slice(0, limit)
      .map(([word]) => word);
  }

  snapshot(): VocabularySnapshot {
    return { words: [...this.words], terms: [...this.terms] };
  }

  private termRadix(): SearchableMap<number> {
    if (!this.termTree) this.termTree = SearchableMap.from([...this.terms].map((t): [string, number] => [t, 0]));
    return this.termTree;
  }

  private radix(): SearchableMap<number> {
    if (!this.tree) this.tree = SearchableMap.from(this.words);
    return this.tree;
  }
}
