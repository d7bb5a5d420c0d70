// Ingest of single files (uploads) that answers at once: a file with a text layer is parsed while the caller
// waits (a second or so), a scanned one is handed to the OCR stage and goes on in the background, where its
// state — being read by OCR, ingested, failed — can be asked for until it is done. OCR runs are bounded and retried
// by the OCR runner (ocr-stage.ts), or, in server mode, by the database's job queue. The states are kept in this
// process's memory; in server mode another node answers from the job queue (jobs/upload-status.ts).
import type { ArchiveStore, ProtocolId } from '../store/types.ts';
import { protocolIdOf } from '../store/records.ts';
import { sha256 } from '../parse-identity.ts';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ingestFiles, type FileResult, type IngestFile } from './ingest.ts';
import type { OcrRunner } from './ocr-stage.ts';
import type { ParsePool } from './parse-pool.ts';
import { finalState, type BackgroundState } from './upload-state.ts';

export type { BackgroundState };

export interface BackgroundIngest {
  /** Ingests a stored file; answers when it is done, or as soon as it went to OCR (state 'ocr'). */
  submit(file: IngestFile): Promise<BackgroundState>;
  /** The latest state of a file submitted to this process, by the id its protocol will have. */
  state(id: ProtocolId): BackgroundState | undefined;
  /** Files being read by OCR now. */
  reading(): BackgroundState[];
  /** Waits for the work in hand to finish. */
  idle(): Promise<void>;
}

export interface BackgroundIngestOptions {
  store: ArchiveStore;
  /** The parse workers, kept warm between files. */
  pool: () => ParsePool;
  ocr: OcrRunner;
  ocrDir: string;
}

/** How many finished states are remembered for callers asking after them. */
const KEEP_FINISHED = 200;

/**
 * How one file is ingested for `backgroundIngest`: it calls `onOcr` with the number of scanned pages if (when) the
 * file goes to OCR, and resolves with the file's result when it is done.
 */
export type IngestOne = (file: IngestFile, onOcr: (pages: number) => void) => Promise<FileResult>;

/** Single-file ingest that answers at once: when done, or as soon as the file went to OCR. */
export function backgroundIngest(ingestOne: IngestOne): BackgroundIngest {
  const states = new Map<ProtocolId, BackgroundState>();
  const work = new Set<Promise<unknown>>();

  const remember = (state: BackgroundState) => {
    states.delete(state.id);
    states.set(state.id, state);
    const finished = [...states.values()].filter((s) => s.status !== 'ocr');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) states.delete(old.id);
  };

  return {
    async submit(file) {
      const id = protocolIdOf(sha256(file.bytes ?? new Uint8Array(await readFile(file.path))));
      const running = states.get(id);
      if (running?.status === 'ocr') return running;
      const name = file.name ?? basename(file.path);
      let wentToOcr: (state: BackgroundState) => void = () => {};
      const toOcr = new Promise<BackgroundState>((resolve) => (wentToOcr = resolve));
      let ocr = false;
      const done = ingestOne(file, (pages) => {
        ocr = true;
        const state: BackgroundState = { id, name, status: 'ocr', pages, since: new Date().toISOString() };
        remember(state);
        wentToOcr(state);
      }).then(
        (result) => {
          const state = finalState(id, result, ocr);
          remember(state);
          return state;
        },
        (err: Error) => {
          const state: BackgroundState = { id, name, status: 'failed', error: `could not be saved: ${err.message}` };
          remember(state);
          return state;
        },
      );
      work.add(done);
      void done.finally(() => work.delete(done));
      return Promise.race([done, toOcr]);
    },
    state: (id) => states.get(id),
    reading: () => [...states.values()].filter((s) => s.status === 'ocr'),
    async idle() {
      while (work.size > 0) await Promise.all(work);
    },
  };
}

/** Embedded: the file is ingested in this process, its OCR run by the OCR stage. */
export function localBackgroundIngest(options: BackgroundIngestOptions): BackgroundIngest {
  return backgroundIngest(async (file, onOcr) => {
    const report = await ingestFiles([file], {
      store: options.store,
      jobs: 1,
      pool: options.pool(),
      ocr: options.ocr,
      ocrDir: options.ocrDir,
      onProgress: (p) => {
        if (p.ocrStarted) onOcr(p.ocrStarted.pages);
      },
    });
    return report.results[0];
  });
}

/**
 * Server mode: the file becomes an ingest job in the database (`ingest`), OCR included, so a node or worker that
 * dies leaves it to another. Whether it needs OCR is seen from its pages before the job starts, so a scan is
 * answered at once. The node that took the upload keeps its state; any other node reads it from the job.
 */
export function queuedBackgroundIngest(
  ingest: (file: { name: string; bytes: Uint8Array; scannedPages: number }) => Promise<FileResult>,
): BackgroundIngest {
  return backgroundIngest(async (file, onOcr) => {
    const bytes = file.bytes ?? new Uint8Array(await readFile(file.path));
    const { extractDocument } = await import('../extract/document.ts');
    const scanned = (await extractDocument(bytes)).scannedPages?.length ?? 0;
    if (scanned > 0) onOcr(scanned);
    return ingest({ name: file.name ?? basename(file.path), bytes, scannedPages: scanned });
  });
}
