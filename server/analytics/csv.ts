// The question list as CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads å, ä and ö, fields
// quoted per RFC 4180, and text cells that would start a formula defused.
import type { TrackedQuestion } from './question-stats.ts';

export type CsvDelimiter = ',' | ';';

const BOM = '\uFEFF';

const COLUMNS: Array<[header: string, value: (q: TrackedQuestion) => string | number | null]> = [
  ['id', (q) => q.id],
  ['protokoll', (q) => q.protocolId],
  ['förvaltning', (q) => q.forvaltning],
  ['datum', (q) => q.date],
  ['avsnitt', (q) => q.section],
  ['avsnittsrubrik', (q) => q.sectionTitle],
  ['part', (q) => q.party],
  ['typ', (q) => q.kind],
  ['status i mötet', (q) => q.status],
  ['status nu', (q) => q.currentStatus],
  ['dagar öppen', (q) => q.daysOpen],
  ['besvarad i protokoll', (q) => q.answeredIn?.protocolId ?? null],
  ['besvarad datum', (q) => q.answeredIn?.date ?? null],
  ['fråga', (q) => q.text],
  ['svar', (q) => q.answer?.text ?? null],
  ['källa', (q) => (q.synthetic ? 'genererat protokoll' : 'verkligt protokoll')],
  ['rättad av', (q) => q.correction?.by ?? null],
  ['status enligt tolkningen', (q) => (q.correction ? (q.correction.originalStatus ?? 'tillagd för hand') : null)],
  ['rättelsens notering', (q) => q.correction?.note ?? null],
];

export function questionsCsv(questions: TrackedQuestion[], delimiter: CsvDelimiter = ','): string {
  const lines = [COLUMNS.map(([header]) => field(header, delimiter)).join(delimiter)];
  for (const q of questions) lines.push(COLUMNS.map(([, value]) => field(value(q), delimiter)).join(delimiter));
  return BOM + lines.join('\r\n') + '\r\n';
}

function field(value: string | number | null, delimiter: CsvDelimiter): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Spreadsheets run cells starting with = + - @ as formulas; document text must never execute.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
