// Shapes of the API responses the pages read, as written in the API contract (brief/API.md).
// Protocol records, search hits and trend rows come from the server's own types so the two cannot drift apart.
import type { SearchHit as EngineHit } from '../../../server/search/engine.ts';
import type { TrendRow } from '../../../server/analytics/trends.ts';
import type { ProtocolSummary, StoredProtocol } from '../../../ingest/store/types.ts';
import type { Attendee, FailureKind, Party, Question, QuestionKind, QuestionStatus, Section } from '../../../ingest/model.ts';

export type { Attendee, FailureKind, ProtocolSummary, Question, Section, StoredProtocol, Party, QuestionKind, QuestionStatus };

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  forvaltning: FacetValue[];
  party: FacetValue[];
  topic: FacetValue[];
  status: FacetValue[];
  body: FacetValue[];
  year: FacetValue[];
  /** 'real' and 'synthetic' (generated) protocols. */
  source: FacetValue[];
}

export interface Snippet {
  text: string;
  /** [start, end) character ranges into `text`. */
  highlights: Array<[number, number]>;
}

/** A hit as the engine makes it, with the web address of its section that the API adds. */
export type SearchHit = EngineHit & { link: string };

export interface SearchResponse {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  relaxed: boolean;
  hits: SearchHit[];
  facets: Facets;
  suggestions?: string[];
}

export interface Topic {
  id: string;
  label: string;
  protocols: number;
  sections: number;
}

export type { TrendRow };

export interface TrendsResponse {
  topic: string;
  period: string;
  by: string;
  rows: TrendRow[];
}

export interface MatrixRow {
  topic: string;
  forvaltning: string;
  protocols: number;
  sections: number;
  totalProtocols: number;
  share: number;
}

export interface EmergingTerm {
  term: string;
  latestCount: number;
  baselineCount: number;
  score: number;
}

export interface EmergingResponse {
  period: string;
  latest: string;
  baseline: string;
  terms: EmergingTerm[];
}

export type CurrentStatus = 'open' | 'answered' | 'answered_later';

export interface TrailStep {
  protocolId: string;
  date: string | null;
  section: string;
  status: QuestionStatus;
}

export interface TrackedQuestion {
  id: string;
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  section: string;
  sectionTitle: string;
  party: Party | null;
  text: string;
  kind: QuestionKind;
  status: QuestionStatus;
  currentStatus: CurrentStatus;
  answer: { party: Party | null; text: string } | null;
  answeredIn?: { protocolId: string; date: string | null; questionId: string };
  daysOpen: number | null;
  trail: TrailStep[];
  /** Asked in a generated protocol, not a real meeting. */
  synthetic: boolean;
}

export interface QuestionStats {
  forvaltning: string | null;
  party: string | null;
  questions: number;
  answeredSameMeeting: number;
  medianDaysToAnswer: number | null;
  open: number;
}

export interface QuestionsResponse {
  total: number;
  questions: TrackedQuestion[];
  stats: QuestionStats[];
}

export interface StatusOverTimeRow {
  period: string;
  periodStart: string;
  status: string;
  count: number;
}

export interface SourceRow {
  id: number;
  path: string;
  status: 'ok' | 'failed';
  errorKind: string | null;
  error: string | null;
  pages: number | null;
  ingestedAt: string;
  protocolId: string | null;
}

export interface SourcesResponse {
  sources: SourceRow[];
  summary: { ok: number; failed: number };
}

export interface ArchiveStatus {
  protocols: number;
  sections: number;
  revision: number;
  uploadsEnabled: boolean;
}

export interface UploadResult {
  protocolId: string | null;
  status: string;
}
