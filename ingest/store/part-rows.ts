// Rows of a protocol's statements and questions as both stores keep them (sqlite.ts, postgres.ts: the same
// columns), and how such a row reads back into the model.
import type { Party, Question, Utterance } from '../model.ts';
import type { StoredQuestion } from './types.ts';

export interface UtteranceRow {
  protocol_id: string;
  section_ordinal: number;
  party: Party | null;
  speaker: string | null;
  text: string;
  page: number;
}

export interface QuestionRow {
  id: string;
  protocol_id: string;
  section: string;
  party: Party | null;
  text: string;
  kind: Question['kind'];
  status: Question['status'];
  answer_party: Party | null;
  answer_text: string | null;
  page: number;
}

export function toUtterance(row: UtteranceRow): Utterance {
  const utterance: Utterance = { party: row.party, text: row.text, page: row.page };
  // `speaker` is optional in the model; it is stored as NULL and only set when the text named someone.
  if (row.speaker !== null) utterance.speaker = row.speaker;
  return utterance;
}

export function toQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: row.id,
    section: row.section,
    party: row.party,
    text: row.text,
    kind: row.kind,
    status: row.status,
    answer: row.answer_text === null ? null : { party: row.answer_party, text: row.answer_text },
    page: row.page,
  };
}
