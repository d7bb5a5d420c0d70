// Domain types shared by every stage: extraction, parsing, analysis, storage, search and the server.
// The parsed protocol mirrors the JSON contract of `npm run parse` (shared protocol-json.md), in camelCase.

/** Canonical party names. The employer is one party; unions are the others. */
export type Party =
  | 'Arbetsgivaren'
  | 'Vision'
  | 'Kommunal'
  | 'Akademikerförbundet SSR'
  | 'Saco'
  | 'Sveriges Lärare'
  | 'Ledarna'
  | 'Vårdförbundet'
  | 'Sveriges Skolledare';

export type Side = 'arbetsgivare' | 'fack';
export type QuestionStatus = 'answered' | 'deferred' | 'unanswered';
export type QuestionKind = 'question' | 'request_for_information' | 'pre_registered';

// ---- extraction ----------------------------------------------------------------------------

/** One positioned run of text as pdf.js reports it, in PDF user space (y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

/** A visual line: runs on one baseline, joined left to right. */
export interface Line {
  page: number; // 1-based
  text: string;
  x: number; // left edge
  y: number; // baseline, PDF user space
  size: number; // dominant font size
  bold: boolean; // every non-blank run is bold
  /** Cells when the line is a table row (runs separated by wide gaps), otherwise undefined. */
  cells?: string[];
  /** Vertical gap to the previous line on the same page, in points (0 for the first line). */
  gapBefore: number;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

export interface ExtractedDocument {
  pages: Page[];
  /** Lines with page furniture removed, in reading order across pages. */
  body: Line[];
}

// ---- parsed protocol -----------------------------------------------------------------------

export interface SourceInfo {
  file: string;
  sha256: string;
  pages: number;
}

export interface Meeting {
  forvaltning: string | null;
  body: string | null;
  /** ISO date, "YYYY-MM" when only the month is known, or null. */
  date: string | null;
  dateStated: boolean;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  title: string | null;
}

export interface Attendee {
  name: string;
  side: Side;
  party: Party | null;
  role: string | null;
}

export interface Utterance {
  party: Party | null;
  /** Person named as speaking, when the text names one ("Magnus Borgsten svarar …"). */
  speaker?: string | null;
  text: string;
  page: number;
}

export interface Section {
  number: string;
  title: string;
  page: number;
  text: string;
  utterances: Utterance[];
}

export interface Answer {
  party: Party | null;
  text: string;
}

export interface Question {
  section: string;
  party: Party | null;
  text: string;
  kind: QuestionKind;
  status: QuestionStatus;
  answer: Answer | null;
  page: number;
}

export interface TopicMention {
  topic: string;
  section: string;
  mentions: number;
}

export interface Protocol {
  source: SourceInfo;
  meeting: Meeting;
  attendees: Attendee[];
  absentParties: Party[];
  sections: Section[];
  questions: Question[];
  topics: TopicMention[];
  /** True for protocols made by the demo/benchmark generator, never for real ones. */
  synthetic: boolean;
  /** True when the text was read from scanned pages by OCR, so it may hold misreadings; absent means false. */
  ocr?: boolean;
}

// ---- outcomes ------------------------------------------------------------------------------

/** Why a file could not be turned into a protocol, in words a user understands. */
export type FailureKind =
  | 'empty'
  | 'not_pdf'
  | 'encrypted'
  | 'corrupt'
  | 'no_text'
  | 'not_protocol'
  | 'io'
  /** OCR was needed and failed or took too long: retried on the next run. */
  | 'ocr_failed'
  /** The parser crashed or took too long on the file: not necessarily the file's fault, so it is retried next run. */
  | 'parser_stopped';

export interface Failure {
  file: string;
  kind: FailureKind;
  /** Human-readable reason, e.g. "encrypted: needs a password to open". */
  reason: string;
  page?: number;
}

export type ParseOutcome = { ok: true; protocol: Protocol } | { ok: false; failure: Failure };
