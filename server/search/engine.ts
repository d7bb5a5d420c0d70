// The search engine contract: what the routes and the index service need from any backend. The main
// implementation is on minisearch (minisearch-engine.ts); an SQLite FTS5 one (fts5-engine.ts) implements the
// same interface as the benchmark's reference, and another backend can be swapped in behind it.
import type { ProtocolId, SectionRecord } from '../../ingest/store/types.ts';

export interface SearchFilters {
  forvaltning?: string;
  /** Party that made the matching statement (not merely present in the section). */
  party?: string;
  topic?: string;
  status?: string;
  body?: string;
  /** Inclusive ISO dates; a protocol dated only by month matches when the month overlaps. */
  from?: string;
  to?: string;
  /** Real protocols only, or generated (synthetic) ones only. */
  source?: SearchSource;
}

/** Where a protocol comes from: a real meeting, or the generator that fills the demo archive. */
export type SearchSource = 'real' | 'synthetic';

export type SearchSort = 'relevance' | 'date';

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface Snippet {
  text: string;
  /** Character ranges [start, end) into text that matched the query; never markup. */
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  id: string;
  protocolId: ProtocolId;
  forvaltning: string | null;
  date: string | null;
  body: string | null;
  title: string | null;
  section: { number: string; title: string; page: number };
  /** Party of the best-matching statement, or null when it was nobody's or nobody's in particular. */
  party: string | null;
  parties: string[];
  topics: string[];
  statuses: string[];
  synthetic: boolean;
  snippet: Snippet;
  /** PDF page of the best match. */
  page: number;
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  forvaltning: FacetCount[];
  party: FacetCount[];
  topic: FacetCount[];
  status: FacetCount[];
  body: FacetCount[];
  year: FacetCount[];
  /** 'real' and 'synthetic' (see SearchSource). */
  source: FacetCount[];
}

export interface SearchResponse {
  total: number;
  page: number;
  pageSize: number;
  /** True when no section had all the words and sections with any of them are shown instead. */
  relaxed: boolean;
  hits: SearchHit[];
  facets: Facets;
  /** Spelling corrections made to words the archive does not contain ("sjukfrånvarro" → "sjukfrånvaron"). */
  corrections: Array<{ from: string; to: string }>;
  /** Alternative queries when nothing was found. */
  suggestions: string[];
}

export interface SearchEngine {
  readonly name: string;
  /** Replaces the whole index with these sections. */
  index(records: AsyncIterable<SectionRecord> | SectionRecord[]): Promise<void>;
  /** Adds the sections of one protocol (replacing what was indexed for it before). */
  add(protocolId: ProtocolId, records: SectionRecord[]): void;
  remove(protocolId: ProtocolId): void;
  protocolIds(): ProtocolId[];
  search(request: SearchRequest): SearchResponse;
  /** Facet counts over the whole index, or over the sections passing the filters. */
  facets(filters?: SearchFilters): Facets;
  /** Archive words starting with a prefix, most frequent first. */
  suggest(prefix: string, limit?: number): string[];
  save(dir: string): Promise<void>;
  /** Loads what save() wrote; false when there is nothing (usable) to load. */
  load(dir: string): Promise<boolean>;
}
