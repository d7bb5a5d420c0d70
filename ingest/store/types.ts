// The archive store's interface: everything above it (ingest runner, search indexer, analytics, server)
// talks to this, never to SQLite directly, so a PostgreSQL implementation can be added beside the SQLite one.
// Methods are async for that reason even though better-sqlite3 answers synchronously.
import type { Answer, Failure, Party, Protocol, Question, QuestionStatus, Section, Meeting } from '../model.ts';
import type { AccountStore } from './accounts.ts';
import type { CorrectionStore } from './corrections.ts';
import type { WatchStore } from './watches.ts';
import type { AppliedCorrections, QuestionCorrection } from './corrections-apply.ts';
import type { QuestionFeatures } from '../similar/question-terms.ts';

export interface SourceFile {
  path: string;
  /** The name the file was offered under, shown to users; defaults to the last part of `path`. */
  name?: string;
  sha256: string;
  size: number;
  pages: number | null;
  /**
   * The file's bytes, handed along by the ingest runner: a store that keeps the PDFs itself (PostgreSQL) saves
   * them with the protocol; one that serves them from where they lie (SQLite) keeps only `path`.
   */
  bytes?: Uint8Array;
  /** Where the OCR'd copy of a scanned file is kept (the PDF to show), when OCR read it. */
  ocrPath?: string | null;
  /**
   * The OCR'd copy's bytes, when OCR read the file: a store that keeps the PDFs itself (PostgreSQL) keeps these
   * too and serves them as the protocol's PDF; SQLite serves `ocrPath`.
   */
  ocrBytes?: Uint8Array;
}

export type SourceStatus = 'ok' | 'failed';

export interface SourceRecord extends Omit<SourceFile, 'bytes'> {
  id: number;
  name: string;
  status: SourceStatus;
  /** Failure kind and human-readable reason when status is 'failed'. */
  errorKind: Failure['kind'] | null;
  error: string | null;
  /** Page the failure happened on, when known. */
  errorPage: number | null;
  parserVersion: string;
  ingestedAt: string;
  protocolId: string | null;
}

/** Stable id of a protocol: derived from the bytes of its file, so links survive re-parsing. */
export type ProtocolId = string;

export interface ProtocolSummary {
  id: ProtocolId;
  file: string;
  forvaltning: string | null;
  body: string | null;
  date: string | null;
  dateStated: boolean;
  title: string | null;
  pages: number;
  sections: number;
  questions: number;
  openQuestions: number;
  synthetic: boolean;
  /** The text was read by OCR from scanned pages and may hold misreadings. */
  ocr: boolean;
  ingestedAt: string;
  /** When a person last corrected this protocol (null when never): readers refresh what they derived from it. */
  correctedAt: string | null;
}

export interface StoredQuestion extends Question {
  /** Same id as the question's QuestionRecord. */
  id: string;
  /** The stable key corrections of this question are stored under (corrections-apply.ts); set once its protocol has any correction. */
  anchor?: string;
  /** Set when a person corrected or added this question. */
  correction?: QuestionCorrection;
}

export interface StoredProtocol extends Protocol {
  id: ProtocolId;
  ocr: boolean;
  ingestedAt: string;
  questions: StoredQuestion[];
  /** The corrections applied over the parser's output, and those whose record the parse no longer has. */
  corrections?: AppliedCorrections;
}

/** The outcome of parsing one file, as the ingest runner hands it to the store. */
export type IngestOutcome =
  | { source: SourceFile; ok: true; protocol: Protocol }
  | { source: SourceFile; ok: false; failure: Failure };

export interface ArchiveCounts {
  protocols: number;
  sections: number;
  questions: number;
  sources: number;
  failedSources: number;
}

/** One section with its protocol's metadata: the unit the search index and the analytics read. */
export interface SectionRecord {
  protocolId: ProtocolId;
  meeting: Meeting;
  synthetic: boolean;
  /** The protocol's text was read by OCR (see Protocol.ocr). */
  ocr: boolean;
  section: Section;
  /** 0-based position of the section in its protocol. */
  ordinal: number;
  topics: string[];
  questionStatuses: QuestionStatus[];
}

export interface QuestionRecord extends Question {
  /** Set when a person corrected or added this question ("rättad av NAME"). */
  correction?: QuestionCorrection;
  /** Stable id: protocol id + position of the question in the protocol. */
  id: string;
  protocolId: ProtocolId;
  forvaltning: string | null;
  date: string | null;
  body: string | null;
  sectionTitle: string;
  topics: string[];
  /** Asked in a generated protocol (Protocol.synthetic), not in a real meeting. */
  synthetic: boolean;
}

/** One entry of a question's list of similar questions, as kept in the store. */
export interface StoredNeighbour {
  id: string;
  score: number;
  /** The words the two questions share, the most telling first: part of "why" this one was chosen. */
  sharedWords: string[];
  /** Topic ids both questions were tagged with. */
  sharedTopics: string[];
}

/** A question's similar questions, best first (ingest/similar/neighbour-lists.ts decides the order). */
export interface NeighbourList {
  questionId: string;
  neighbours: StoredNeighbour[];
}

/** What the neighbour computation keeps between ingest runs. */
export interface SimilarityState {
  features: QuestionFeatures[];
  neighbours: Array<{ questionId: string; neighbourId: string; score: number }>;
}

/** One similar question as a reader gets it: the question, its meeting and its answer, and why it was chosen. */
export interface SimilarQuestionRecord extends StoredNeighbour {
  protocolId: ProtocolId;
  forvaltning: string | null;
  date: string | null;
  body: string | null;
  section: string;
  page: number;
  party: Party | null;
  text: string;
  kind: Question['kind'];
  status: QuestionStatus;
  answer: Answer | null;
  synthetic: boolean;
}

export interface ArchiveStore {
  /** Users, sessions and personal API tokens. */
  readonly accounts: AccountStore;
  /** The log of human corrections; every read below applies it over the parser's output. */
  readonly corrections: CorrectionStore;
  /** Users' watches (saved searches, watched questions) and what was found for them. */
  readonly watches: WatchStore;
  /** The stored record of a file's bytes, if these exact bytes were ingested before. */
  findSource(sha256: string): Promise<SourceRecord | undefined>;
  /** Stores a parsed protocol and its source file in one transaction; replaces an earlier parse of the same bytes. */
  saveProtocol(source: SourceFile, protocol: Protocol, parserVersion: string): Promise<ProtocolId>;
  /** Records that a file could not be ingested, and why. */
  saveFailure(source: SourceFile, failure: Failure, parserVersion: string): Promise<void>;
  /** Saves many outcomes in one transaction (the batch ingest's write path); same effect as saving each in turn. */
  saveOutcomes(outcomes: IngestOutcome[], parserVersion: string): Promise<void>;

  listSources(): Promise<SourceRecord[]>;
  /** Protocol summaries with corrected meeting facts and question counts. */
  listProtocols(): Promise<ProtocolSummary[]>;
  /** A protocol as corrected (see corrections-apply.ts). */
  getProtocol(id: ProtocolId): Promise<StoredProtocol | undefined>;
  /** The stored PDF of a protocol and the file name it was ingested under, looked up by id. */
  readPdf(id: ProtocolId): Promise<{ file: string; bytes: Uint8Array } | undefined>;
  /** Every stored protocol in full, streamed in batches. */
  protocols(): AsyncIterable<StoredProtocol>;
  /** Every section with its protocol's metadata, streamed in batches (never the whole archive in memory). */
  sections(): AsyncIterable<SectionRecord>;
  /** The sections of just these protocols (an index catching up with a few changed protocols). */
  sectionsOf(ids: ProtocolId[]): Promise<SectionRecord[]>;
  questions(): Promise<QuestionRecord[]>;
  /** Every question's features and neighbours (see ingest/similar/), for an ingest run to continue from. */
  similarityState(): Promise<SimilarityState>;
  /**
   * Saves features of new questions and replaces the neighbour lists given, in one transaction. Removing or
   * replacing a protocol removes its questions' features and every list entry naming them.
   */
  saveSimilarity(update: { features: QuestionFeatures[]; lists: NeighbourList[] }): Promise<void>;
  /** The stored similar questions of a question, best first; undefined when there is no such question. */
  similarQuestions(questionId: string, limit: number): Promise<SimilarQuestionRecord[] | undefined>;
  /** Sizes of the archive, answered without reading the protocols. */
  counts(): Promise<ArchiveCounts>;
  /** Grows with every write; readers compare it to know when to refresh indexes and aggregates. */
  revision(): Promise<number>;
  close(): Promise<void>;
}

export type { Party };
