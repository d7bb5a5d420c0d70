// The exported tables: a column has a Swedish header, a kind (text, number, date, share) and a value per row.
// The CSV and XLSX writers share these, so both say the same thing; the question list and the trend tables of
// the Trender page are defined once here.
import type { QuestionsOverTimeRow, TrackedQuestion } from './question-stats.ts';
import type { MatrixRow, TrendRow } from './trends.ts';
import { currentStatusWord, meetingStatusWord, questionKindWord, sourceWord } from './swedish-values.ts';

export type CellKind = 'text' | 'number' | 'date' | 'share';

export interface Column<T> {
  header: string;
  kind: CellKind;
  /** Text, a number (a share is 0–1), an ISO date "YYYY-MM-DD", or null for an empty cell. */
  value: (row: T) => string | number | null;
  /** Width in characters in a spreadsheet. */
  width?: number;
}

export interface Table<T> {
  /** Sheet name in a workbook (at most 31 characters). */
  name: string;
  columns: Array<Column<T>>;
  rows: T[];
}

export const QUESTION_COLUMNS: Array<Column<TrackedQuestion>> = [
  { header: 'id', kind: 'text', value: (q) => q.id, width: 22 },
  { header: 'protokoll', kind: 'text', value: (q) => q.protocolId, width: 18 },
  { header: 'förvaltning', kind: 'text', value: (q) => q.forvaltning, width: 22 },
  { header: 'datum', kind: 'date', value: (q) => q.date, width: 12 },
  { header: 'avsnitt', kind: 'text', value: (q) => q.section, width: 8 },
  { header: 'avsnittsrubrik', kind: 'text', value: (q) => q.sectionTitle, width: 28 },
  { header: 'part', kind: 'text', value: (q) => q.party, width: 14 },
  { header: 'typ', kind: 'text', value: (q) => questionKindWord(q.kind), width: 22 },
  { header: 'status i mötet', kind: 'text', value: (q) => meetingStatusWord(q.status), width: 14 },
  { header: 'status nu', kind: 'text', value: (q) => currentStatusWord(q.currentStatus), width: 14 },
  { header: 'dagar öppen', kind: 'number', value: (q) => q.daysOpen, width: 11 },
  { header: 'besvarad i protokoll', kind: 'text', value: (q) => q.answeredIn?.protocolId ?? null, width: 18 },
  { header: 'besvarad datum', kind: 'date', value: (q) => q.answeredIn?.date ?? null, width: 14 },
  { header: 'fråga', kind: 'text', value: (q) => q.text, width: 60 },
  { header: 'svar', kind: 'text', value: (q) => q.answer?.text ?? null, width: 60 },
  { header: 'källa', kind: 'text', value: (q) => sourceWord(q.synthetic), width: 20 },
  { header: 'rättad av', kind: 'text', value: (q) => q.correction?.by ?? null, width: 16 },
  {
    header: 'status enligt tolkningen',
    kind: 'text',
    value: (q) => (q.correction ? (q.correction.originalStatus ? meetingStatusWord(q.correction.originalStatus) : 'tillagd för hand') : null),
    width: 22,
  },
  { header: 'rättelsens notering', kind: 'text', value: (q) => q.correction?.note ?? null, width: 40 },
];

export function questionTable(questions: TrackedQuestion[]): Table<TrackedQuestion> {
  return { name: 'Frågor', columns: QUESTION_COLUMNS, rows: questions };
}

// The trend tables, as the Trender page shows them beside its charts.

export function topicOverTimeTable(rows: TrendRow[], topicLabel: string): Table<TrendRow> {
  return {
    name: 'Ämnet över tid',
    columns: [
      { header: 'ämne', kind: 'text', value: () => topicLabel, width: 24 },
      { header: 'period', kind: 'text', value: (r) => r.period, width: 10 },
      { header: 'periodens början', kind: 'date', value: (r) => r.periodStart, width: 16 },
      { header: 'förvaltning', kind: 'text', value: (r) => r.group, width: 24 },
      { header: 'protokoll med ämnet', kind: 'number', value: (r) => r.protocols, width: 20 },
      { header: 'protokoll totalt', kind: 'number', value: (r) => r.totalProtocols, width: 16 },
      { header: 'avsnitt med ämnet', kind: 'number', value: (r) => r.sections, width: 18 },
      { header: 'andel', kind: 'share', value: (r) => r.share, width: 8 },
    ],
    rows,
  };
}

export function partiesTable(rows: TrendRow[], topicLabel: string): Table<TrendRow> {
  return {
    name: 'Parter',
    columns: [
      { header: 'ämne', kind: 'text', value: () => topicLabel, width: 24 },
      { header: 'period', kind: 'text', value: (r) => r.period, width: 10 },
      { header: 'periodens början', kind: 'date', value: (r) => r.periodStart, width: 16 },
      { header: 'part', kind: 'text', value: (r) => r.group, width: 24 },
      { header: 'avsnitt där parten tar ordet', kind: 'number', value: (r) => r.sections, width: 26 },
      { header: 'protokoll', kind: 'number', value: (r) => r.protocols, width: 10 },
    ],
    rows,
  };
}

export function matrixTable(rows: MatrixRow[], topicLabel: (id: string) => string): Table<MatrixRow> {
  return {
    name: 'Ämnen per förvaltning',
    columns: [
      { header: 'ämne', kind: 'text', value: (r) => topicLabel(r.topic), width: 28 },
      { header: 'förvaltning', kind: 'text', value: (r) => r.forvaltning, width: 24 },
      { header: 'protokoll med ämnet', kind: 'number', value: (r) => r.protocols, width: 20 },
      { header: 'protokoll totalt', kind: 'number', value: (r) => r.totalProtocols, width: 16 },
      { header: 'avsnitt med ämnet', kind: 'number', value: (r) => r.sections, width: 18 },
      { header: 'andel', kind: 'share', value: (r) => r.share, width: 8 },
    ],
    rows,
  };
}

export function questionsOverTimeTable(rows: QuestionsOverTimeRow[]): Table<QuestionsOverTimeRow> {
  return {
    name: 'Frågor över tid',
    columns: [
      { header: 'period', kind: 'text', value: (r) => r.period, width: 10 },
      { header: 'periodens början', kind: 'date', value: (r) => r.periodStart, width: 16 },
      { header: 'status nu', kind: 'text', value: (r) => currentStatusWord(r.status), width: 16 },
      { header: 'frågor', kind: 'number', value: (r) => r.count, width: 8 },
    ],
    rows,
  };
}
