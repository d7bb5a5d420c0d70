// The Swedish words exports write for the archive's closed vocabularies, so a spreadsheet or a Word file reads
// "Uppskjuten" and "Begäran om information" where the API says `deferred` and `request_for_information`.
// Values not listed are written as they come, so a new status never disappears from an export.
import type { QuestionKind, QuestionStatus } from '../../ingest/model.ts';
import type { CurrentStatus } from './followup.ts';

const MEETING_STATUS: Record<QuestionStatus, string> = {
  answered: 'Besvarad',
  deferred: 'Uppskjuten',
  unanswered: 'Obesvarad',
};

const CURRENT_STATUS: Record<CurrentStatus, string> = {
  open: 'Öppen',
  answered: 'Besvarad',
  answered_later: 'Besvarad senare',
};

const KIND: Record<QuestionKind, string> = {
  question: 'Fråga',
  request_for_information: 'Begäran om information',
  pre_registered: 'Föranmäld fråga',
};

/** What happened to a question in the meeting where it was raised. */
export function meetingStatusWord(status: string): string {
  return MEETING_STATUS[status as QuestionStatus] ?? status;
}

/** Where a question stands now, after following it across meetings. */
export function currentStatusWord(status: string): string {
  return CURRENT_STATUS[status as CurrentStatus] ?? status;
}

/** Either kind of status, for tables that mix them (questions over time). */
export function anyStatusWord(status: string): string {
  return CURRENT_STATUS[status as CurrentStatus] ?? MEETING_STATUS[status as QuestionStatus] ?? status;
}

export function questionKindWord(kind: string): string {
  return KIND[kind as QuestionKind] ?? kind;
}

export function sourceWord(synthetic: boolean): string {
  return synthetic ? 'genererat protokoll' : 'verkligt protokoll';
}
