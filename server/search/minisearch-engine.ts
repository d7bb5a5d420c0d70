// The archive's search engine on minisearch. One document per section; each word is indexed under its
// matching key, its compound parts and its topics' terms (in a field of their own, weighted lower) and its synonym groups, with
// stopwords left out — so queries are exact term look-ups, without prefix or fuzzy expansion at query time.
// minisearch holds and persists the postings; term-postings.ts reads them out with their BM25 scores
// (minisearch's formula) and term-scorer.ts ranks from those, party-terms.ts knows which party said which
// terms (the party filter), facet-table.ts and slot-dates.ts hold what filters and facets read per section,
// and snippet.ts cuts the passage. Section texts live beside the index (text-store.ts). Asked to, the engine
// keeps a search's matches for its further pages (match-cache.ts).
import MiniSearch from 'minisearch';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, indexTerms, type AnalyzedWord } from '../../ingest/lang/analysis.ts';
import { normalize } from '../../ingest/lang/swedish.ts';
import { matchKey } from '../../ingest/lang/terms.ts';
import { topicTerm } from '../../ingest/lang/topic-terms.ts';
import type { ProtocolId, SectionRecord } from '../../ingest/store/types.ts';
import { hitFieldsOf, sectionDocOf, type SectionDoc, type SectionWithText } from './documents.ts';
import type { Facets, SearchEngine, SearchFilters, SearchHit, SearchRequest, SearchResponse, SearchSort } from './engine.ts';
import { FacetTable } from './facet-table.ts';
import { MatchCache } from './match-cache.ts';
import { slotFilter } from './filters.ts';
import { packDocs, unpackDocs, type PackedDocs } from './packed-docs.ts';
import { PartyTerms, type PartyTermsSnapshot } from './party-terms.ts';
import { loadPostings, savedPostings, type PostingsHead } from './saved-postings.ts';
import { phraseMatcher } from './phrase.ts';
import { planQuery, type QueryPlan } from './plan.ts';
import { SlotDates } from './slot-dates.ts';
import { TermPostings } from './term-postings.ts';
import { GroupScorer, ScoredList, type ScoredMatches as Found } from './term-scorer.ts';
import { firstK } from './top-k.ts';
import { passageOf } from './snippet.ts';
import { TextStore } from './text-store.ts';
import { Vocabulary, type VocabularySnapshot } from './vocabulary.ts';

/** Bump when analysis or the saved layout changes: older saved indexes are then rebuilt, not loaded. */
export const INDEX_FORMAT = 7;

// Two content fields only: every field multiplies the work of each term look-up. The section title's terms
// are written into `text` twice, which weighs them as a boost would.
const CONTENT_FIELDS = ['text', 'parts'];
const BOOST = { text: 1, parts: 0.4 };

type IndexDocument = Record<string, string | number>;

const MINISEARCH_OPTIONS = {
  fields: CONTENT_FIELDS,
  storeFields: [],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term || null,
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.2, batchSize: 2000, batchWait: 5 },
};

/** What a search finds, kept for its further pages (match-cache.ts). */
interface Matches extends Found {
  plan: QueryPlan;
  relaxed: boolean;
  facets: Facets;
  /** Positions into `slots` in each order, as far as pages were asked. */
  orders: Map<SearchSort, number[]>;
}

export interface MiniSearchEngineOptions {
  /**
   * Searches (words and filters) whose matches are kept for their further pages and the other order, until the
   * index changes; 0, the default, searches anew every time (the benchmarks and tests measure that).
   */
  keptSearches?: number;
}

interface SavedMeta {
  format: number;
  docs: PackedDocs;
  offsets: Array<[number, number] | null>;
  vocabulary: VocabularySnapshot;
  /** The party terms' names; their numbers are in party-terms.bin. */
  partyTerms: Omit<PartyTermsSnapshot, 'data'>;
}

export class MiniSearchEngine implements SearchEngine {
  readonly name = 'minisearch';
  private mini = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS);
  private postings = new TermPostings(this.mini, BOOST);
  private scorer = new GroupScorer(this.postings);
  private docs: Array<SectionDoc | null> = [];
  private readonly slotsByProtocol = new Map<ProtocolId, number[]>();
  private readonly texts = new TextStore();
  private vocabulary = new Vocabulary();
  private facetTable = new FacetTable();
  private dates = new SlotDates();
  private partyTerms = new PartyTerms();
  private readonly kept: MatchCache<Matches>;

  constructor(options: MiniSearchEngineOptions = {}) {
    this.kept = new MatchCache(options.keptSearches ?? 0);
  }

  async index(records: AsyncIterable<SectionRecord> | SectionRecord[]): Promise<void> {
    const all: SectionRecord[] = [];
    for await (const record of records) all.push(record);
    this.useIndex(new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS));
    this.docs = [];
    this.slotsByProtocol.clear();
    this.texts.clear();
    this.vocabulary = new Vocabulary();
    this.facetTable = new FacetTable();
    this.dates = new SlotDates();
    this.partyTerms = new PartyTerms();
    const sections = all.map(sectionDocOf);
    // Count every word before analysing any, so compounds find parts that only occur in later sections.
    for (const section of sections) this.countWords(section);
    for (const section of sections) this.insert(section);
  }

  add(protocolId: ProtocolId, records: SectionRecord[]): void {
    this.remove(protocolId);
    const sections = records.map(sectionDocOf);
    for (const section of sections) this.countWords(section);
    for (const section of sections) this.insert(section);
  }

  remove(protocolId: ProtocolId): void {
    for (const slot of this.slotsByProtocol.get(protocolId) ?? []) {
      this.mini.discard(slot);
      this.docs[slot] = null;
      this.facetTable.set(slot, null);
      this.dates.set(slot, null);
      this.partyTerms.clear(slot);
      this.texts.delete(slot);
    }
    this.slotsByProtocol.delete(protocolId);
    this.indexChanged();
  }

  protocolIds(): ProtocolId[] {
    return [...this.slotsByProtocol.keys()];
  }

  search(request: SearchRequest): SearchResponse {
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 10;
    const matches = this.kept.get(request.query, request.filters ?? {}, () => this.match(request.query, request.filters ?? {}));
    const { slots, scores, plan } = matches;
    const shown = this.ordered(matches, request.sort ?? 'relevance', page * pageSize).slice((page - 1) * pageSize, page * pageSize);
    return {
      total: slots.length,
      page,
      pageSize,
      relaxed: matches.relaxed,
      hits: shown.map((i) => this.hit(slots[i], scores[i], plan)),
      facets: matches.facets,
      corrections: plan.corrections,
      suggestions: slots.length === 0 ? plan.corrections.map((c) => c.to) : [],
    };
  }

  facets(filters: SearchFilters = {}): Facets {
    if (!isFiltering(filters)) return this.facetTable.count(this.browse({}).slots);
    const { source, ...others } = filters;
    const all = this.browse(others);
    return this.facetTable.count(this.ofSource(all, source).slots, all.slots);
  }

  suggest(prefix: string, limit = 10): string[] {
    return this.vocabulary.complete(prefix.normalize('NFC').toLowerCase(), limit);
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const offsets = await this.texts.save(join(dir, 'texts.bin.tmp'), this.docs.length);
    const partyTerms = this.partyTerms.snapshot();
    const meta: SavedMeta = {
      format: INDEX_FORMAT,
      docs: packDocs(this.docs),
      offsets,
      vocabulary: this.vocabulary.snapshot(),
      partyTerms: { terms: partyTerms.terms, parties: partyTerms.parties },
    };
    await writeFile(join(dir, 'meta.json.tmp'), JSON.stringify(meta));
    await writeFile(join(dir, 'party-terms.bin.tmp'), partyTerms.data);
    const postings = savedPostings(this.mini);
    await writeFile(join(dir, 'postings.bin.tmp'), postings.data);
    await writeFile(join(dir, 'postings-head.json.tmp'), JSON.stringify(postings.head));
    const files = ['texts.bin', 'party-terms.bin', 'postings.bin', 'postings-head.json', 'meta.json'];
    for (const name of files) await rename(join(dir, `${name}.tmp`), join(dir, name));
    // The JSON form earlier formats saved the postings in.
    await rm(join(dir, 'minisearch.json'), { force: true });
  }

  async load(dir: string): Promise<boolean> {
    let meta: SavedMeta;
    let postingsHead: PostingsHead;
    let postings: Int32Array;
    let partyTermData: Int32Array;
    try {
      meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as SavedMeta;
      if (meta.format !== INDEX_FORMAT) return false;
      postingsHead = JSON.parse(await readFile(join(dir, 'postings-head.json'), 'utf8')) as PostingsHead;
      postings = int32sOf(await readFile(join(dir, 'postings.bin')));
      partyTermData = int32sOf(await readFile(join(dir, 'party-terms.bin')));
    } catch {
      return false;
    }
    this.useIndex(loadPostings<IndexDocument>(postingsHead, postings, MINISEARCH_OPTIONS));
    await this.texts.load(join(dir, 'texts.bin'), meta.offsets);
    this.docs = unpackDocs(meta.docs);
    this.vocabulary = new Vocabulary(meta.vocabulary);
    this.facetTable = new FacetTable();
    this.dates = new SlotDates();
    this.docs.forEach((doc, slot) => {
      this.facetTable.set(slot, doc);
      this.dates.set(slot, doc?.date ?? null);
    });
    this.partyTerms = new PartyTerms({ ...meta.partyTerms, data: partyTermData });
    this.slotsByProtocol.clear();
    this.docs.forEach((doc, slot) => {
      if (doc) this.slotOwner(doc.protocolId).push(slot);
    });
    return true;
  }

  /** The sections a search finds, scored, with their facets. */
  private match(query: string, allFilters: SearchFilters): Matches {
    // Matches are found under every filter but the source, which is applied last: the source facet counts
    // both sources, so the choice not taken still shows what it holds.
    const { source, ...filters } = allFilters;
    const plan = planQuery(query, this.vocabulary);
    let relaxed = false;
    let found: Found;
    let shown: Found;
    if (plan.groups.length === 0) {
      found = query.trim() ? new ScoredList(0).done() : this.browse(filters);
      shown = this.ofSource(found, source);
    } else {
      found = this.find(plan, 'AND', filters);
      shown = this.ofSource(found, source);
      if (shown.slots.length === 0 && plan.groups.length > 1) {
        found = this.find(plan, 'OR', filters);
        shown = this.ofSource(found, source);
        relaxed = shown.slots.length > 0;
      }
    }
    const facets = this.facetTable.count(shown.slots, found.slots);
    return { ...shown, plan, relaxed, facets, orders: new Map() };
  }

  /**
   * Positions into the matches of at least the first `needed` in an order (all of them when fewer), worked out
   * as far as asked and kept with the matches: the next pages extend it instead of ranking again.
   */
  private ordered(matches: Matches, sort: SearchSort, needed: number): number[] {
    const known = matches.orders.get(sort);
    if (known && (known.length >= needed || known.length === matches.slots.length)) return known;
    const { slots, scores } = matches;
    // Dates as integer keys (slot-dates.ts): string and localeCompare comparisons were a visible cost per match.
    const dates = this.dates.keys();
    const byDate = (a: number, b: number) => dates[slots[b]] - dates[slots[a]];
    const byScore = (a: number, b: number) => scores[b] - scores[a];
    // Equal sections (same score and date) in slot order, so that every page agrees on where each one is.
    const order =
      sort === 'date' ? (a: number, b: number) => byDate(a, b) || byScore(a, b) || a - b : (a: number, b: number) => byScore(a, b) || byDate(a, b) || a - b;
    // Twice as far as before when paging on, so that a user paging through sees the ranking redone rarely.
    const ranked = firstK(slots.length, Math.max(needed, 2 * (known?.length ?? 0)), order);
    matches.orders.set(sort, ranked);
    return ranked;
  }

  /** Sections matching the plan's groups (all of them, or any), filtered, phrases verified. */
  private find(plan: QueryPlan, combineWith: 'AND' | 'OR', filters: SearchFilters): Found {
    const phrases = plan.phrases.map(phraseMatcher);
    const passes = slotFilter(filters, this.facetTable, this.dates);
    const saidByParty = filters.party ? this.partyTerms.saidBy(filters.party, plan.groups, combineWith) : null;
    const accept = saidByParty ? (slot: number) => passes(slot) && saidByParty(slot) : passes;
    const found = this.scorer.score(plan.groups, combineWith, this.docs.length, accept);
    if (phrases.length === 0) return found;
    // Phrases last: reading texts is the dearest check, so it only sees sections that passed the rest. The
    // literal forms are looked for in all candidates at once; the pattern (inflections, other case or
    // punctuation) decodes the text of only the sections the literals did not confirm.
    const literally = phrases.map((p) => this.texts.containsEach(found.slots, p.literals));
    return keep(found, (slot, i) => phrases.every((p, k) => literally[k][i] === 1 || p.matches(this.texts.get(slot))));
  }

  /** The slots of sections from the source (real or generated protocols); all of them for no source. */
  private ofSource(found: Found, source: SearchFilters['source']): Found {
    if (!source) return found;
    return keep(found, slotFilter({ source }, this.facetTable, this.dates));
  }

  /** Every section passing the filters, for an empty query. */
  private browse(filters: SearchFilters): Found {
    const passes = slotFilter(filters, this.facetTable, this.dates);
    const out = new ScoredList(this.docs.length);
    for (let slot = 0; slot < this.docs.length; slot++) if (passes(slot)) out.push(slot, 0);
    return out.done();
  }

  /** minisearch's index, and the postings and scorer that read it. */
  private useIndex(mini: MiniSearch<IndexDocument>): void {
    this.mini = mini;
    this.postings = new TermPostings(mini, BOOST);
    this.scorer = new GroupScorer(this.postings);
    this.kept.clear();
  }

  /** Forgets what was worked out from the index before sections were added or removed. */
  private indexChanged(): void {
    this.postings.clear();
    this.kept.clear();
  }

  private hit(slot: number, score: number, plan: QueryPlan): SearchHit {
    const doc = this.docs[slot]!;
    const text = this.texts.get(slot);
    const words = this.analyzeDocument(text, snippetProbe(plan));
    const passage = passageOf(doc, text, words, plan.terms);
    return {
      ...hitFieldsOf(doc),
      party: passage.party,
      snippet: passage.snippet,
      page: passage.page,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /** Document analysis plus the common spelling of slips ("Svergies" also indexed as "Sveriges"). */
  private analyzeDocument(text: string, keep?: (word: string) => boolean): AnalyzedWord[] {
    const words = analyze(text, this.vocabulary.splitter, true, keep);
    for (const word of words) {
      if (word.stopword) continue;
      const common = this.vocabulary.commonSpelling(normalize(word.raw));
      if (common) word.keys.push(matchKey(common));
    }
    return words;
  }

  private countWords(section: SectionWithText): void {
    this.vocabulary.countWords(section.text);
    this.vocabulary.countWords(section.doc.sectionTitle);
  }

  private insert(section: SectionWithText): void {
    const slot = this.docs.length;
    const { doc, text } = section;
    const splitter = this.vocabulary.splitter;
    const words = this.analyzeDocument(text);
    const title = indexTerms(analyze(doc.sectionTitle, splitter, true));
    const body = indexTerms(words);
    const document: IndexDocument = {
      id: slot,
      text: [...title.direct, ...title.direct, ...body.direct].join(' '),
      // Topic terms beside the compound parts: a section found by its topic alone ranks below one with the words.
      parts: [...title.parts, ...body.parts, ...doc.topics.map(topicTerm)].join(' '),
    };
    const said = new Map<string, string[]>();
    for (const [party, partyWords] of wordsByParty(doc, words)) {
      const terms = indexTerms(partyWords);
      said.set(party, [...terms.direct, ...terms.parts]);
    }
    this.partyTerms.set(slot, said);
    this.vocabulary.addTerms(title.direct);
    this.vocabulary.addTerms(title.parts);
    this.vocabulary.addTerms(body.direct);
    this.vocabulary.addTerms(body.parts);
    this.mini.add(document);
    this.indexChanged();
    // The scorer reads postings by minisearch's short id; both count up from 0 and are never reused.
    if ((this.mini as unknown as { _idToShortId: Map<number, number> })._idToShortId.get(slot) !== slot) {
      throw new Error('search index out of step with its section table; rebuild it');
    }
    this.docs.push(doc);
    this.facetTable.set(slot, doc);
    this.dates.set(slot, doc.date);
    this.texts.set(slot, text);
    this.slotOwner(doc.protocolId).push(slot);
  }

  private slotOwner(protocolId: ProtocolId): number[] {
    let slots = this.slotsByProtocol.get(protocolId);
    if (!slots) this.slotsByProtocol.set(protocolId, (slots = []));
    return slots;
  }
}

/** The matches passing a test (given each slot and its place among the matches), each with its score. */
function keep(found: Found, test: (slot: number, index: number) => boolean): Found {
  const out = new ScoredList(found.slots.length);
  found.slots.forEach((slot, i) => {
    if (test(slot, i)) out.push(slot, found.scores[i]);
  });
  return out.done();
}

/** The file's bytes as 32-bit numbers (copied only when the buffer does not start on a 4-byte boundary). */
function int32sOf(bytes: Buffer): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

function isFiltering(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

/**
 * Which words of a hit can match the plan, decided from their letters alone: every term is a stem (a prefix)
 * of the words it matches or of a part of them, so a word containing none of the terms cannot match and is
 * not analysed for the snippet. Synonym groups match other spellings, so with one in the plan all words are.
 */
function snippetProbe(plan: QueryPlan): ((word: string) => boolean) | undefined {
  const terms = [...plan.terms];
  if (terms.some((t) => t.startsWith('='))) return undefined;
  const probes = terms.flatMap((t) => t.split('-')).filter((p) => p.length > 0);
  return (word) => probes.some((p) => word.includes(p));
}

/** The words of the section said by each party, by where its utterances lie in the text. */
function wordsByParty(doc: SectionDoc, words: AnalyzedWord[]): Map<string, AnalyzedWord[]> {
  const byParty = new Map<string, AnalyzedWord[]>();
  for (const [start, end, , party] of doc.utterances) {
    if (!party) continue;
    const list = byParty.get(party) ?? [];
    for (const word of words) if (word.start >= start && word.end <= end) list.push(word);
    byParty.set(party, list);
  }
  return byParty;
}
