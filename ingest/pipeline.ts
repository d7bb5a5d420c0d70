// The pure pipeline from PDF bytes to a parsed protocol: extract → parse → analyse.
// No file system, database or network here; the ingest runner and the parse CLI are the shells around it, and they
// run OCR (ingest/extract/ocr.ts) on a file this pipeline reports scanned pages for, then hand it the OCR'd bytes.
import { extractDocument } from './extract/document.ts';
import type { ParseOutcome } from './model.ts';
import { sha256 } from './parse-identity.ts';
import { parseProtocol } from './parse/protocol.ts';

export interface ParseOptions {
  /**
   * The bytes are an OCR'd copy of the file the user gave: its text was read by OCR (marked on the protocol, and
   * its misreadings normalised), and `sha256` is the original file's, which identifies the protocol.
   */
  ocr?: { sha256: string };
  /**
   * Parse a file with scanned pages from its text pages alone, instead of reporting that it needs OCR (when no
   * OCR is installed; a document with no text at all is still refused).
   */
  withoutScannedPages?: boolean;
}

/**
 * The outcome of reading one PDF. `scannedPages` lists the pages that are images without text: when there are any
 * (and neither `ocr` nor `withoutScannedPages` was asked for), the outcome is a 'no_text' failure saying the file
 * needs OCR.
 */
export type PdfReading = ParseOutcome & {
  scannedPages: number[];
  /** Some page carries a real text layer: a file with scanned pages beside it is mixed, not wholly scanned. */
  hasText: boolean;
};

/** Turns the bytes of one PDF into a protocol, or a failure naming the reason. Never throws for bad input. */
export async function parsePdf(bytes: Uint8Array, file: string, options: ParseOptions = {}): Promise<PdfReading> {
  const ocr = options.ocr !== undefined;
  const extracted = await extractDocument(bytes, { ocr });
  if (!extracted.ok) return { ok: false, failure: { file, ...extracted.failure }, scannedPages: extracted.scannedPages ?? [], hasText: false };
  const { document, scannedPages } = extracted;
  if (scannedPages.length > 0 && !ocr && !options.withoutScannedPages) {
    const which = scannedPages.length === 1 ? `page ${scannedPages[0]} is a scanned image` : `pages ${scannedPages.join(', ')} are scanned images`;
    return {
      ok: false,
      failure: { file, kind: 'no_text', reason: `${which} without a text layer — a scanned document that needs OCR`, page: scannedPages[0] },
      scannedPages,
      hasText: true,
    };
  }
  const source = { file, sha256: options.ocr?.sha256 ?? sha256(bytes), pages: document.pages.length };
  const outcome = parseProtocol(document, source);
  if (!outcome.ok) return { ...outcome, scannedPages, hasText: true };
  return { ok: true, protocol: ocr ? { ...outcome.protocol, ocr: true } : outcome.protocol, scannedPages, hasText: true };
}

/** The parse outcome of a reading, without the list of scanned pages. */
export function outcomeOf(reading: PdfReading): ParseOutcome {
  return reading.ok ? { ok: true, protocol: reading.protocol } : { ok: false, failure: reading.failure };
}
