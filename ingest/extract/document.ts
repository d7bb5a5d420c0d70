// Extraction stage: PDF bytes → pages of lines, with page furniture set aside and the body in reading order.
import type { ExtractedDocument, Failure, Page } from '../model.ts';
import { findFurniture } from './furniture.ts';
import { buildLines } from './lines.ts';
import { readPdfText, type TextSource } from './pdf.ts';

export type ExtractOutcome = { ok: true; document: ExtractedDocument } | { ok: false; failure: Omit<Failure, 'file'> };

/** Fewer visible characters than this per page on average means there is no usable text layer. */
const MIN_CHARS_PER_PAGE = 20;

/** Extracts lines from a PDF; `source` is pdf.js unless another text source (e.g. OCR) is given. */
export async function extractDocument(bytes: Uint8Array, source: TextSource = readPdfText): Promise<ExtractOutcome> {
  const raw = await source(bytes);
  if (!raw.ok) return raw;
  const pages: Page[] = raw.pages.map((p) => ({ number: p.number, width: p.width, height: p.height, lines: buildLines(p) }));
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (pages.length === 0 || chars < MIN_CHARS_PER_PAGE * pages.length) {
    return {
      ok: false,
      failure: {
        kind: 'no_text',
        reason: `no text layer: ${pages.length} page(s) with ${chars} characters of text — a scanned document that needs OCR`,
      },
    };
  }
  const furniture = findFurniture(pages);
  const body = pages.flatMap((p) => p.lines.filter((l) => !furniture.has(l)));
  return { ok: true, document: { pages, body } };
}
