// Scanned protocols through the real ingest with real OCR (ocrmypdf + Tesseract's Swedish model): an image-only
// copy of a corpus protocol and a mixed copy (three text pages, two scanned) are read as well as the original —
// scored against the original's hand-labelled gold — marked as OCR'd in the store, and shown from the OCR'd copy,
// whose text pages keep their real text layer. OCR takes some 10–20 s a page on a busy machine.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toContract } from '../../ingest/contract.ts';
import { extractDocument } from '../../ingest/extract/document.ts';
import { ingestPaths, type IngestProgress, type IngestReport } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, ProtocolSummary } from '../../ingest/store/types.ts';
import { score, type Gold, type Score } from '../parse/score.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SCAN = 'hagersten-alvsjo-fvg-2024-03-12-scan.pdf';
const MIXED = 'hagersten-alvsjo-fvg-2024-03-12-mixed.pdf';
const ORIGINAL = join(FIXTURES, 'corpus', 'hagersten-alvsjo-fvg-2024-03-12.pdf');
/** The original's gold (test/fixtures/gold/manifest.json): the scans show the same protocol. */
const GOLD: Gold = JSON.parse(readFileSync(join(FIXTURES, 'gold', '001_67bf5d675aa1465c.json'), 'utf8'));

const work = mkdtempSync(join(tmpdir(), 'scanned-ingest-'));
let store: ArchiveStore;
let report: IngestReport;
const events: IngestProgress[] = [];
const scores = new Map<string, Score>();
let listed: ProtocolSummary[];

beforeAll(async () => {
  const folder = join(work, 'in');
  for (const file of [SCAN, MIXED]) cpSync(join(FIXTURES, 'scanned', file), join(folder, file));
  store = openStore(join(work, 'archive.sqlite'));
  report = await ingestPaths([folder], { store, jobs: 2, ocrDir: join(work, 'ocr'), onProgress: (p) => events.push(p) });
  listed = await store.listProtocols();
  for (const p of listed) {
    const protocol = await store.getProtocol(p.id);
    scores.set(p.file, score(GOLD, toContract(protocol!)));
  }
}, 900_000);
afterAll(async () => {
  await store.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each([SCAN, MIXED])('the scanned protocol %s', (file) => {
  const result = () => scores.get(file)!;
  it('is ingested, with its pages read by OCR counted apart', () => {
    const r = report.results.find((x) => x.name === file);
    expect(r).toMatchObject({ status: 'ingested', pages: 5, ocrPages: file === SCAN ? 5 : 2 });
  });
  it('names the right förvaltning and meeting date', () => {
    expect(result().forvaltningOk).toBe(true);
    expect(result().dateOk).toBe(true);
  });
  it('finds the agenda items (F1 ≥ 0.95), the people present (F1 ≥ 0.9) and the questions (recall ≥ 0.85)', () => {
    expect(result().sectionsF1).toBeGreaterThanOrEqual(0.95);
    expect(result().attendeesF1).toBeGreaterThanOrEqual(0.9);
    expect(result().questionRecall).toBeGreaterThanOrEqual(0.85);
  });
  it('is marked as read by OCR in the archive', async () => {
    const summary = listed.find((p) => p.file === file)!;
    expect(summary.ocr).toBe(true);
    expect((await store.getProtocol(summary.id))?.ocr).toBe(true);
  });
  it('is shown from its OCR\'d copy, which has a text layer on every page', async () => {
    const summary = listed.find((p) => p.file === file)!;
    const shown = (await store.readPdf(summary.id))!;
    const extracted = await extractDocument(shown.bytes);
    expect(extracted.ok && extracted.scannedPages).toEqual([]);
  });
});

describe('a mixed file of text pages and scanned pages', () => {
  it('keeps the real text layer of its text pages, word for word', async () => {
    const summary = listed.find((p) => p.file === MIXED)!;
    const ocrd = await extractDocument((await store.readPdf(summary.id))!.bytes);
    const original = await extractDocument(new Uint8Array(readFileSync(ORIGINAL)));
    if (!ocrd.ok || !original.ok) throw new Error('extraction failed');
    for (const page of [0, 1, 2]) {
      expect(ocrd.document.pages[page].lines.map((l) => l.text)).toEqual(original.document.pages[page].lines.map((l) => l.text));
    }
  });
});

describe('ingest progress', () => {
  it('shows each file\'s OCR as it starts, with the pages to read, and the OCR pages in the totals', () => {
    const started = events.filter((e) => e.ocrStarted).map((e) => e.ocrStarted!.name).sort();
    expect(started).toEqual([MIXED, SCAN]);
    expect(events.find((e) => e.ocrStarted?.name === MIXED)?.ocrStarted?.pages).toBe(2);
    expect(report.ocrPages).toBe(7);
    expect(events.at(-1)?.inOcr).toBe(0);
  });
});
