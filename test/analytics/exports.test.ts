// The exports an HR partner opens in Swedish Excel, read back from real HTTP answers: CSV with semicolons, a
// byte-order mark and Swedish words for statuses and kinds; XLSX workbooks of the question list and of every
// trend table whose cells hold real dates and numbers.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { storeOf } from './hand-made.ts';

let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let dataDir: string;

beforeAll(async () => {
  store = await storeOf([
    {
      forvaltning: 'Hägersten-Älvsjö',
      date: '2024-01-16',
      sections: [
        {
          title: 'Arbetsmiljö',
          topics: ['hot och våld'],
          questions: [
            { party: 'Vision', text: 'Vision begär statistik över anmälda hot- och våldsincidenter.', status: 'deferred', answer: 'Arbetsgivaren återkommer.', kind: 'request_for_information' },
            { party: 'Kommunal', text: 'Kommunal frågar om bemanningen; gäller det alla enheter?', status: 'answered', answer: 'Ja, alla enheter.' },
          ],
        },
      ],
    },
    {
      forvaltning: 'Skärholmen',
      date: '2024-05-14',
      sections: [{ title: 'Övriga frågor', topics: ['hot och våld'], questions: [{ party: 'Saco', text: 'Saco har anmält en fråga om lönerevisionen.', status: 'unanswered', kind: 'pre_registered' }] }],
    },
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'exports-'));
  app = await createApp({ store, dataDir, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function workbook(path: string): Promise<ExcelJS.Worksheet> {
  const res = await fetch(`${base}${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"?$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0];
}

/** The sheet's rows as objects keyed by the header row. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

describe('exports for Swedish Excel', () => {
  it('writes the question CSV with semicolons, a byte-order mark and Swedish statuses and kinds', async () => {
    const bytes = new Uint8Array(await (await fetch(`${base}/questions.csv?delimiter=semicolon&sort=open-first`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, ...lines] = text.trimEnd().split('\r\n');
    const columns = header.split(';');
    expect(columns).toContain('förvaltning');
    expect(columns).toContain('status nu');
    const cells = lines.map((line) => line.split(';'));
    const at = (name: string) => cells.map((c) => c[columns.indexOf(name)]);
    expect(new Set(at('typ'))).toEqual(new Set(['Begäran om information', 'Fråga', 'Föranmäld fråga']));
    expect(new Set(at('status i mötet'))).toEqual(new Set(['Uppskjuten', 'Besvarad', 'Obesvarad']));
    expect(new Set(at('status nu'))).toEqual(new Set(['Öppen', 'Besvarad']));
    expect(text).not.toMatch(/deferred|request_for_information|pre_registered|unanswered|answered_later/);
    // The text with a semicolon inside is quoted, so it stays in one column.
    expect(text).toContain('"Kommunal frågar om bemanningen; gäller det alla enheter?"');
  });

  it('exports the question list as XLSX with dates as dates and days open as numbers', async () => {
    const sheet = await workbook('/questions.xlsx?sort=open-first');
    const rows = rowsOf(sheet);
    expect(rows).toHaveLength(3);
    const vision = rows.find((r) => r.part === 'Vision')!;
    expect(vision.datum).toBeInstanceOf(Date);
    expect((vision.datum as Date).toISOString().slice(0, 10)).toBe('2024-01-16');
    expect(sheet.getColumn(4).numFmt).toBe('yyyy-mm-dd');
    expect(vision.typ).toBe('Begäran om information');
    expect(vision['status i mötet']).toBe('Uppskjuten');
    expect(vision['status nu']).toBe('Öppen');
    expect(typeof vision['dagar öppen']).toBe('number');
    expect(rows.find((r) => r.part === 'Kommunal')!['status nu']).toBe('Besvarad');
    const filtered = rowsOf(await workbook(`/questions.xlsx?party=Saco`));
    expect(filtered.map((r) => r.typ)).toEqual(['Föranmäld fråga']);
  });

  it('exports every trend table as XLSX with period starts as dates and counts and shares as numbers', async () => {
    const overTime = rowsOf(await workbook(`/trends.xlsx?topic=${encodeURIComponent('hot och våld')}&period=quarter`));
    const q1 = overTime.find((r) => r['förvaltning'] === 'Hägersten-Älvsjö' && r.period === '2024-Q1')!;
    expect((q1['periodens början'] as Date).toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(q1['protokoll med ämnet']).toBe(1);
    expect(q1.andel).toBe(1);
    expect(q1['ämne']).toBe('Hot och våld');

    const parties = rowsOf(await workbook(`/trends.xlsx?topic=${encodeURIComponent('hot och våld')}&period=year&by=party`));
    expect(parties.map((r) => r.part)).toContain('Vision');
    expect(parties.every((r) => typeof r['avsnitt där parten tar ordet'] === 'number')).toBe(true);

    const matrix = rowsOf(await workbook('/trends/matrix.xlsx'));
    const skarholmen = matrix.find((r) => r['förvaltning'] === 'Skärholmen' && r['ämne'] === 'Hot och våld')!;
    expect(skarholmen['protokoll totalt']).toBe(1);
    expect(typeof skarholmen.andel).toBe('number');

    const questions = rowsOf(await workbook('/questions/over-time.xlsx?period=quarter'));
    expect(questions.map((r) => r['status nu'])).toContain('Öppen');
    expect(questions.every((r) => r['periodens början'] instanceof Date && typeof r['frågor'] === 'number')).toBe(true);
  });
});
