// The OCR stage: a PDF whose pages lack a text layer is read with OCR and then parsed again, from the OCR'd copy.
// OCR takes seconds a page, so it runs apart from parsing — a few runs at a time at most (`OcrRunner`), each
// retried once when it fails for a reason that is not the file's own. Used by the ingest runner, the upload route
// and the parse CLI, each with its own way to parse (worker pool or in-process).
import { OCR_INSTALL_HINT, ocrAvailable, ocrPdf, type OcrOptions, type OcrOutcome } from '../extract/ocr.ts';
import type { ParseOutcome } from '../model.ts';
import { sha256 } from '../parse-identity.ts';
import { outcomeOf, type ParseOptions, type PdfReading } from '../pipeline.ts';

/**
 * Runs OCR with bounded concurrency. In embedded mode it runs ocrmypdf in this process's children
 * (`localOcrRunner`); a server with a job queue can hand in one that runs each OCR as a queued job.
 */
export interface OcrRunner {
  /** Whether OCR can be run at all (ocrmypdf and the Swedish model installed). */
  available(): Promise<boolean>;
  /** Gives a PDF's scanned pages a text layer, waiting for a free slot first. */
  read(bytes: Uint8Array, file: string): Promise<OcrOutcome>;
}

export interface LocalOcrOptions extends OcrOptions {
  /** OCR runs at once; each run reads `jobs` pages in parallel. */
  concurrency?: number;
  /** Attempts per file when a run fails for a reason other than the file (a crash, a timeout). */
  attempts?: number;
}

/** An OCR runner of ocrmypdf child processes, at most `concurrency` at a time. */
export function localOcrRunner(options: LocalOcrOptions = {}): OcrRunner {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const attempts = Math.max(1, options.attempts ?? 2);
  const waiting: (() => void)[] = [];
  let running = 0;

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    available: () => ocrAvailable(options),
    async read(bytes) {
      await slot();
      try {
        let outcome: OcrOutcome = { ok: false, reason: 'OCR was not run', retry: false };
        for (let attempt = 1; attempt <= attempts; attempt++) {
          outcome = await ocrPdf(bytes, options);
          if (outcome.ok || !outcome.retry) break;
        }
        return outcome;
      } finally {
        release();
      }
    },
  };
}

/** Parses a PDF's bytes: in this thread (the parse CLI) or in a worker (the ingest runner). */
export type Parse = (bytes: Uint8Array, file: string, options: ParseOptions) => Promise<PdfReading>;

export interface OcrAwareReading {
  outcome: ParseOutcome;
  /** The OCR'd PDF, when OCR read the file: this is the copy to store and show. */
  ocrBytes?: Uint8Array;
  /** Pages read by OCR (0 when the file had a text layer throughout). */
  ocrPages: number;
}

export interface ReadOptions {
  parse: Parse;
  /** Without a runner (or when OCR is not installed) scanned files get the "needs OCR" failure with the install hint. */
  ocr?: OcrRunner;
  /**
   * Called when the file goes to OCR (before it may wait for a free slot), with the number of scanned pages.
   */
  onOcr?: (pages: number) => void;
}

function needsOcr(reading: PdfReading): boolean {
  return !reading.ok && reading.failure.kind === 'no_text';
}

/**
 * Reads a PDF into a protocol, through OCR when it has scanned pages: a file with text on every page is parsed
 * once; a scanned or mixed one is OCR'd and its OCR'd copy parsed. Never throws for bad input.
 */
export async function readPdfWithOcr(bytes: Uint8Array, file: string, options: ReadOptions): Promise<OcrAwareReading> {
  const first = await options.parse(bytes, file, {});
  if (!needsOcr(first)) return { outcome: outcomeOf(first), ocrPages: 0 };
  const mixed = first.hasText;
  if (!options.ocr || !(await options.ocr.available())) {
    // What can be read without OCR still is: a mixed file's text pages. Its scanned pages stay unread.
    const textOnly = mixed ? await options.parse(bytes, file, { withoutScannedPages: true }) : first;
    if (textOnly.ok) return { outcome: outcomeOf(textOnly), ocrPages: 0 };
    const failure = first.ok ? textOnly.failure : first.failure; // `first` is a failure here (needsOcr)
    return { outcome: { ok: false, failure: { ...failure, reason: `${failure.reason} — ${OCR_INSTALL_HINT}` } }, ocrPages: 0 };
  }
  options.onOcr?.(first.scannedPages.length);
  const read = await options.ocr.read(bytes, file);
  if (!read.ok) return { outcome: { ok: false, failure: { file, kind: 'ocr_failed', reason: read.reason } }, ocrPages: 0 };
  const second = await options.parse(read.bytes, file, { ocr: { sha256: sha256(bytes) } });
  return { outcome: outcomeOf(second), ocrBytes: read.bytes, ocrPages: first.scannedPages.length };
}
