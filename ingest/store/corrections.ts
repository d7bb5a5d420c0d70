// Human corrections of parsed records: what they are and how a store keeps them. Corrections live in their own
// append-only log beside the parser's output, keyed to stable targets inside a protocol (a question's text
// fingerprint, an attendee's name, a statement's section and text), never to row positions, so re-parsing with a
// newer parser keeps them. Undoing is a new entry; nothing is deleted from the log.
import type { Party, QuestionStatus } from '../model.ts';

/** What a correction changes. `target` (below) says which record of the protocol it changes. */
export type CorrectionField =
  | 'question.status'
  | 'question.removed'
  | 'question.added'
  | 'meeting.forvaltning'
  | 'meeting.body'
  | 'meeting.date'
  | 'attendee.party'
  | 'statement.party';

export const CORRECTION_FIELDS: readonly CorrectionField[] = [
  'question.status',
  'question.removed',
  'question.added',
  'meeting.forvaltning',
  'meeting.body',
  'meeting.date',
  'attendee.party',
  'statement.party',
];

/** Where a question was answered: a later meeting and, when known, its section. */
export interface AnsweredIn {
  protocolId: string;
  section: string | null;
}

export interface StatusValue {
  status: QuestionStatus;
  answeredIn: AnsweredIn | null;
}

export interface AddedQuestionValue {
  section: string;
  party: Party | null;
  text: string;
  page: number;
}

/** The value each field takes. */
export interface CorrectionValues {
  'question.status': StatusValue;
  'question.removed': boolean;
  'question.added': AddedQuestionValue;
  'meeting.forvaltning': string | null;
  'meeting.body': string | null;
  'meeting.date': string | null;
  'attendee.party': Party | null;
  'statement.party': Party | null;
}

export interface NewCorrection {
  protocolId: string;
  field: CorrectionField;
  /**
   * The record inside the protocol: '' for meeting facts, a question anchor ("t:<fingerprint>" for a parsed
   * question, "a:<key>" for an added one), an attendee anchor ("n:<name>"), a statement anchor
   * ("s:<section>:<fingerprint>").
   */
  target: string;
  value: unknown;
  /** What readers saw before this entry, for the history. */
  before: unknown;
  note: string | null;
  author: string;
  /** Id of the entry this one undoes (its `value` is then ignored). */
  undoes: number | null;
}

export interface CorrectionEntry extends NewCorrection {
  id: number;
  createdAt: string;
}

export interface CorrectionStore {
  /** Appends an entry and bumps the store's revision, so indexes and analytics refresh. */
  record(correction: NewCorrection): Promise<CorrectionEntry>;
  get(id: number): Promise<CorrectionEntry | undefined>;
  /** Every entry for a protocol, oldest first. */
  forProtocol(protocolId: string): Promise<CorrectionEntry[]>;
  /** Ids of the protocols that have any entry (including protocols no longer in the archive). */
  protocolIds(): Promise<string[]>;
  /** Every entry, oldest first (export, review). */
  all(): Promise<CorrectionEntry[]>;
}
