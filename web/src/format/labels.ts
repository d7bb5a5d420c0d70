// Swedish words for the archive's closed vocabularies (question statuses, failure kinds, sources, periods).
// Values the UI does not know are shown as they come, so a new status never disappears from view.
import type { CurrentStatus, FailureKind, QuestionKind, QuestionStatus } from '../api/types.ts';

const QUESTION_STATUS: Record<QuestionStatus, string> = {
  answered: 'Besvarad',
  deferred: 'Återkommer',
  unanswered: 'Obesvarad',
};

const CURRENT_STATUS: Record<CurrentStatus, string> = {
  open: 'Öppen',
  answered: 'Besvarad',
  answered_later: 'Besvarad senare',
};

const QUESTION_KIND: Record<QuestionKind, string> = {
  question: 'Fråga',
  request_for_information: 'Begäran om information',
  pre_registered: 'Föranmäld fråga',
};

const FAILURE_KIND: Record<FailureKind, string> = {
  empty: 'Tom fil',
  not_pdf: 'Inte en PDF',
  encrypted: 'Lösenordsskyddad',
  corrupt: 'Trasig fil',
  no_text: 'Ingen text (inskannad?)',
  ocr_failed: 'OCR misslyckades',
  not_protocol: 'Inte ett protokoll',
  io: 'Kunde inte läsas',
  parser_stopped: 'Tolkningen avbröts',
};

/** Where a protocol comes from; the demo archive fills out the real protocols with generated ones. */
export const SOURCES = ['real', 'synthetic'] as const;

const SOURCE: Record<(typeof SOURCES)[number], string> = {
  real: 'Verkliga protokoll',
  synthetic: 'Genererade (syntetiska)',
};

const PERIOD: Record<string, string> = { month: 'Månad', quarter: 'Kvartal', year: 'År' };

export function questionStatusLabel(status: string): string {
  return QUESTION_STATUS[status as QuestionStatus] ?? status;
}

export function currentStatusLabel(status: string): string {
  return CURRENT_STATUS[status as CurrentStatus] ?? status;
}

/** Either kind of status, for lists that mix them (questions over time). */
export function anyStatusLabel(status: string): string {
  return CURRENT_STATUS[status as CurrentStatus] ?? QUESTION_STATUS[status as QuestionStatus] ?? status;
}

export function questionKindLabel(kind: string): string {
  return QUESTION_KIND[kind as QuestionKind] ?? kind;
}

export function failureKindLabel(kind: string | null): string {
  if (!kind) return 'Okänt fel';
  return FAILURE_KIND[kind as FailureKind] ?? kind;
}

export function sourceLabel(source: string): string {
  return SOURCE[source as (typeof SOURCES)[number]] ?? source;
}

export function periodLabel(period: string): string {
  return PERIOD[period] ?? period;
}

/** "1 träff" / "3 träffar" and the like. */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
}
