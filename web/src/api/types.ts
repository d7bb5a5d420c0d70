// Shapes of the API responses the pages read, as written in the API contract (brief/API.md).
// Records, search answers, trend rows and tracked questions are the server's own types, so the two cannot drift
// apart; only what the routes add around them (links, wrappers) is written here.
import type { SearchHit as EngineHit, SearchResponse as EngineResponse, FacetCount, Facets, Snippet } from '../../../server/search/engine.ts';
import type { MatrixRow, TopicTotal, TrendRow } from '../../../server/analytics/trends.ts';
import type { EmergingTerm } from '../../../server/analytics/emerging.ts';
import type { CurrentStatus, TrailStep } from '../../../server/analytics/followup.ts';
import type { QuestionStatsRow, QuestionsOverTimeRow, TrackedQuestion } from '../../../server/analytics/question-stats.ts';
import type { ProtocolSummary, StoredProtocol } from '../../../ingest/store/types.ts';
import type { Attendee, FailureKind, Party, Question, QuestionKind, QuestionStatus, Section } from '../../../ingest/model.ts';

export type { Attendee, FailureKind, ProtocolSummary, Question, Section, StoredProtocol, Party, QuestionKind, QuestionStatus };
export type { Facets, Snippet, MatrixRow, TrendRow, EmergingTerm, CurrentStatus, TrailStep, TrackedQuestion };
export type FacetValue = FacetCount;
export type QuestionStats = QuestionStatsRow;
export type StatusOverTimeRow = QuestionsOverTimeRow;

/** A hit as the engine makes it, with the web address of its section and its protocol's OCR mark that the API adds. */
export type SearchHit = EngineHit & { link: string; ocr: boolean };

/** The engine's answer as the route sends it: with the query, links on the hits, suggestions only when there are some. */
export type SearchResponse = Omit<EngineResponse, 'hits' | 'suggestions'> & { query: string; hits: SearchHit[]; suggestions?: string[] };

export type Topic = TopicTotal;

export interface TrendsResponse {
  topic: string;
  period: string;
  by: string;
  rows: TrendRow[];
}

export interface EmergingResponse {
  period: string;
  latest: string;
  baseline: string;
  terms: EmergingTerm[];
}

/** One of a question's similar questions (GET /api/questions/:id/similar). */
export interface SimilarQuestion {
  id: string;
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  section: string;
  page: number;
  party: string | null;
  text: string;
  status: CurrentStatus;
  recordedStatus: QuestionStatus;
  answer: { party: string | null; text: string } | null;
  score: number;
  why: string;
  synthetic: boolean;
}

export interface QuestionsResponse {
  total: number;
  questions: TrackedQuestion[];
  stats: QuestionStats[];
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

/** An upload being read by OCR (or, when asked for by id, how its reading ended). */
export type UploadState =
  | { id: string; name: string; status: 'ocr'; pages: number; since: string }
  | { id: string; name: string; status: 'ingested' | 'unchanged'; protocolId: string; ocr: boolean }
  | { id: string; name: string; status: 'failed'; error: string };

export interface SourcesResponse {
  sources: SourceRow[];
  summary: { ok: number; failed: number };
  /** Uploads being read by OCR, not in the archive yet. */
  reading: UploadState[];
}

export interface ArchiveStatus {
  protocols: number;
  sections: number;
  revision: number;
  uploadsEnabled: boolean;
}

/** An upload's answer: read at once (ingested/unchanged), or handed to OCR and followed at `statusUrl`. */
export type UploadResult =
  | { protocolId: string; status: 'ingested' | 'unchanged' }
  | { id: string; status: 'ocr'; message: string; pages: number; statusUrl: string };
