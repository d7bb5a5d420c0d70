// Extraction stage: PDF bytes → pages of lines, with page furniture set aside and the body in reading order.
// Pages that are images without text (scans) are named, so the caller can have them read by OCR; lines of a
// document that OCR made are normalised for OCR's own misreadings first.
import type { ExtractedDocument, Failure, Page } from '../model.ts';
import { findFurniture } from './furniture.ts';
import { buildLines } from './lines.ts';
import { normaliseOcrLines } from './ocr-text.ts';
import { readPdfText, type TextSource } from './pdf.ts';

export type ExtractOutcome =
  | {
      ok: true;
      document: ExtractedDocument;
      /** Pages that paint an image and carry no text: scanned pages, read only once OCR has given them text. */
      scannedPages: number[];
    }
  | { ok: false; failure: Omit<Failure, 'file'>; scannedPages?: number[] };

export interface ExtractOptions {
  /** The text layer was made by OCR: normalise its misreadings, and match page headers loosely. */
  ocr?: boolean;
  /** Where the positioned text comes from; pdf.js unless a test hands in another source. */
  source?: TextSource;
}

/** Fewer visible characters than this per page on average means there is no usable text layer. */
const MIN_CHARS_PER_PAGE = 20;

/** Extracts lines from a PDF. */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractOutcome> {
  const raw = await (options.source ?? readPdfText)(bytes);
  if (!raw.ok) return raw;
  const pages: Page[] = raw.pages.map((p) => {
    const lines = buildLines(p);
    return { number: p.number, width: p.width, height: p.height, lines: options.ocr ? normaliseOcrLines(lines) : lines };
  });
  const scannedPages = raw.pages.filter((p) => p.scanned).map((p) => p.number);
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (pages.length === 0 || chars < MIN_CHARS_PER_PAGE * pages.length) {
    return {
      ok: false,
      scannedPages,
      failure: {
        kind: 'no_text',
        reason: `no text layer: ${pages.length} page(s) with ${chars} characters of text — a scanned document that needs OCR`,
      },
    };
  }
  const furniture = findFurniture(pages, { loose: options.ocr === true });
  const body = pages.flatMap((p) => p.lines.filter((l) => !furniture.has(l)));
  return { ok: true, document: { pages, body }, scannedPages };
}
