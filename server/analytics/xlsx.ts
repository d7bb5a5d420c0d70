// Tables as Excel workbooks (exceljs): one sheet per table, a bold frozen header row with a filter, and cells of
// their real type — dates as dates (shown ÅÅÅÅ-MM-DD), counts as numbers, shares as percentages — so a person can
// sort, sum and chart them without converting text first.
import ExcelJS from 'exceljs';
import type { CellKind, Column, Table } from './table-columns.ts';

const FORMAT: Record<CellKind, string | undefined> = {
  text: undefined,
  number: '0',
  date: 'yyyy-mm-dd',
  share: '0%',
};

/** A workbook holding the table as its one sheet, as the bytes of an .xlsx file. */
export async function tableXlsx<T>(table: Table<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Protokollarkivet';
  addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet<T>(workbook: ExcelJS.Workbook, table: Table<T>): void {
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length + 2), style: { numFmt: FORMAT[c.kind] } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => cell(c, row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function cell<T>(column: Column<T>, row: T): string | number | Date | null {
  const value = column.value(row);
  if (value === null) return null;
  // A text cell of a workbook is never run as a formula (unlike CSV), so document text goes in as it is.
  if (column.kind === 'date' && typeof value === 'string') return dateCell(value);
  return value;
}

/** A calendar date as midnight UTC: Excel has no time zones, and UTC keeps the day from moving. */
function dateCell(iso: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : iso;
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
