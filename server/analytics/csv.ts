// Tables as CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads å, ä and ö, fields quoted per
// RFC 4180, text cells that would start a formula defused, and a share written as a number with a decimal comma
// when the list separator is a semicolon (Swedish Excel reads "0,25", not "0.25").
import type { Table } from './table-columns.ts';

export type CsvDelimiter = ',' | ';';

const BOM = '\uFEFF';

export function tableCsv<T>(table: Table<T>, delimiter: CsvDelimiter = ','): string {
  const lines = [table.columns.map(({ header }) => field(header, delimiter)).join(delimiter)];
  for (const row of table.rows) {
    lines.push(table.columns.map(({ value }) => field(value(row), delimiter)).join(delimiter));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

function field(value: string | number | null, delimiter: CsvDelimiter): string {
  if (value === null) return '';
  if (typeof value === 'number') return delimiter === ';' ? String(value).replace('.', ',') : String(value);
  // Spreadsheets run cells starting with = + - @ as formulas; document text must never execute.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
