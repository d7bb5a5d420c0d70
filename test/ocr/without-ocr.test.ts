// Without OCR tools installed, a wholly scanned file is refused with today's clear "needs OCR" reason and the
// install hint, and a mixed file is still read from its text pages; the pure pipeline names the scanned pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../ingest/pipeline.ts';
import { localOcrRunner, readPdfWithOcr } from '../../ingest/run/ocr-stage.ts';

const SCANNED = join(import.meta.dirname, '..', 'fixtures', 'scanned');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(SCANNED, file)));
/** An OCR runner whose program is missing, as on a machine without ocrmypdf. */
const missing = localOcrRunner({ program: join(SCANNED, 'no-such-ocrmypdf') });

describe('a scanned file on a machine without OCR', () => {
  it('is refused as needing OCR, with what to install', async () => {
    const { outcome } = await readPdfWithOcr(bytesOf('hagersten-alvsjo-fvg-2024-03-12-scan.pdf'), 'scan.pdf', { parse: parsePdf, ocr: missing });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ file: 'scan.pdf', kind: 'no_text' });
    expect(outcome.failure.reason).toMatch(/no text layer: 5 page\(s\).*needs OCR/);
    expect(outcome.failure.reason).toContain('apt-get install ocrmypdf tesseract-ocr-swe');
  });

  it('reads a mixed file from its text pages, not marked as OCR\'d', async () => {
    const { outcome, ocrPages } = await readPdfWithOcr(bytesOf('hagersten-alvsjo-fvg-2024-03-12-mixed.pdf'), 'mixed.pdf', { parse: parsePdf, ocr: missing });
    expect(outcome.ok && outcome.protocol.meeting.forvaltning).toBe('Hägersten-Älvsjö');
    expect(outcome.ok && outcome.protocol.ocr).toBeFalsy();
    expect(ocrPages).toBe(0);
  });
});

describe('the pure pipeline on scanned pages', () => {
  it('names the scanned pages of a mixed file as needing OCR', async () => {
    const reading = await parsePdf(bytesOf('hagersten-alvsjo-fvg-2024-03-12-mixed.pdf'), 'mixed.pdf');
    expect(reading).toMatchObject({ ok: false, scannedPages: [4, 5], hasText: true, failure: { kind: 'no_text', page: 4 } });
    expect(!reading.ok && reading.failure.reason).toMatch(/pages 4, 5 are scanned images without a text layer/);
  });

  it('finds no scanned pages in a text PDF', async () => {
    const reading = await parsePdf(new Uint8Array(readFileSync(join(SCANNED, '..', 'corpus', 'skarholmen-fvg-2025-12.pdf'))), 'x.pdf');
    expect(reading).toMatchObject({ ok: true, scannedPages: [] });
  });
});
