// Ingest as jobs (server mode): a file's bytes go into the database (by content, once), a job names them, and
// whichever worker leases it parses and saves it through the same ingest runner as embedded mode — so the
// outcome, the errors and the "unchanged" rule are the same. `ingestViaQueue` is the CLI's side: it enqueues a
// batch, works on it itself (other workers may help) and gathers the same report as `ingestFiles`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PARSER_VERSION, sha256 } from '../parse-identity.ts';
import { discoverPdfs } from '../run/discover.ts';
import { ingestFiles, unchangedAs, type FileResult, type IngestProgress, type IngestReport, type ParsePool } from '../run/ingest.ts';
import type { PostgresStore } from '../store/postgres.ts';
import { INGEST_JOB } from './kinds.ts';
import type { JobQueue } from './queue.ts';
import { startRunner, type JobHandler, type RunnerOptions } from './runner.ts';

export { INGEST_JOB };

export interface IngestPayload {
  sha256: string;
  /** Where the file was found (as the ingest report shows it) and the name it was offered under. */
  path: string;
  name: string;
  size: number;
  /** An upload's pages without text, seen before it was queued (they go to OCR); absent for other files. */
  scannedPages?: number;
}

/** Puts a file's bytes in the database and queues its ingest (one pending job per content); returns the job id. */
export async function enqueueIngest(
  store: PostgresStore,
  queue: JobQueue,
  file: { path: string; name?: string; bytes: Uint8Array; scannedPages?: number },
): Promise<number> {
  const hash = sha256(file.bytes);
  await store.putBytes(hash, file.bytes);
  const payload: IngestPayload = { sha256: hash, path: file.path, name: file.name ?? basename(file.path), size: file.bytes.byteLength };
  if (file.scannedPages) payload.scannedPages = file.scannedPages;
  return queue.enqueue({ kind: INGEST_JOB, payload, dedupeKey: hash });
}

/** The handler workers run ingest jobs with; `pool` parses (kept warm between jobs). */
export function ingestJobHandler(store: PostgresStore, pool: () => ParsePool): JobHandler {
  return {
    async run(payload) {
      const job = payload as IngestPayload;
      const bytes = await store.readBytes(job.sha256);
      if (!bytes) throw new Error(`the bytes of ${job.name} are not in the database`);
      const report = await ingestFiles([{ path: job.path, name: job.name, bytes }], { store, jobs: 1, pool: pool() });
      return report.results[0];
    },
    async giveUp(payload, leased) {
      const job = payload as IngestPayload;
      const failure = {
        file: job.name,
        kind: 'parser_stopped' as const,
        reason: `parser stopped: the ingest worker died ${leased.maxTries} times while parsing this file`,
      };
      await store.saveFailure({ path: job.path, name: job.name, sha256: job.sha256, size: job.size, pages: null }, failure, PARSER_VERSION);
      const result: FileResult = { path: job.path, name: job.name, status: 'failed', failure };
      return result;
    },
  };
}

export interface QueuedIngestOptions {
  store: PostgresStore;
  queue: JobQueue;
  /** Jobs this process works on at once. */
  jobs: number;
  pool: () => ParsePool;
  onProgress?: (progress: IngestProgress) => void;
  /** Lease length for the jobs this process works on. */
  leaseMs?: number;
  onEvent?: RunnerOptions['onEvent'];
}

/**
 * Ingests every PDF under `paths` through the queue and reports as `ingestPaths` does. Files stored unchanged
 * are answered at once, as embedded; the rest become jobs, which this process works through itself.
 */
export async function ingestViaQueue(paths: string[], options: QueuedIngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const found = await discoverPdfs(paths);
  const files = found.files;
  const report: IngestReport = { total: files.length + found.unreadable.length, ingested: 0, unchanged: 0, failed: 0, pages: 0, ocrPages: 0, inOcr: 0, elapsedMs: 0, results: [], similarMs: 0 };
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const record = (index: number, result: FileResult) => {
    results[index] = result;
    done++;
    report[result.status]++;
    if (result.status === 'ingested') {
      report.pages += result.pages;
      report.ocrPages += result.ocrPages;
    }
    options.onProgress?.({
      done, total: report.total, ingested: report.ingested, unchanged: report.unchanged, failed: report.failed,
      pages: report.pages, ocrPages: report.ocrPages, inOcr: 0, elapsedMs: Date.now() - started, last: result,
    });
  };

  // Files waiting for their job, by job id; a second file with the same bytes waits for the same job.
  const waiting = new Map<number, Array<{ index: number; path: string; name: string }>>();
  const firstOf = new Map<string, number>();
  for (const [index, path] of files.entries()) {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (err) {
      record(index, { path, name, status: 'failed', failure: { file: name, kind: 'io', reason: `cannot be read: ${(err as Error).message}` } });
      continue;
    }
    const hash = sha256(bytes);
    const stored = firstOf.has(hash) ? undefined : await options.store.findSource(hash);
    if (stored && stored.parserVersion === PARSER_VERSION && stored.errorKind !== 'parser_stopped') {
      record(index, { path, name, status: 'unchanged', previous: stored.status, protocolId: stored.protocolId, reason: stored.error });
      continue;
    }
    const jobId = await enqueueIngest(options.store, options.queue, { path, name, bytes });
    if (firstOf.has(hash) || waiting.has(jobId)) {
      // The same bytes twice in one run: the second copy is "unchanged", as embedded.
      waiting.get(jobId)!.push({ index, path, name });
    } else {
      waiting.set(jobId, [{ index, path, name }]);
    }
    firstOf.set(hash, jobId);
  }

  const runner = startRunner({
    queue: options.queue,
    handlers: { [INGEST_JOB]: ingestJobHandler(options.store, options.pool) },
    concurrency: options.jobs,
    leaseMs: options.leaseMs,
    idleMs: 200,
    only: () => [...waiting.keys()],
    onEvent: options.onEvent,
  });
  try {
    while (waiting.size > 0) {
      for (const status of await options.queue.status([...waiting.keys()])) {
        if (status.state !== 'done' && status.state !== 'failed') continue;
        const [first, ...copies] = waiting.get(status.id)!;
        waiting.delete(status.id);
        const result = (status.result as FileResult | null) ?? {
          path: first.path, name: first.name, status: 'failed' as const,
          failure: { file: first.name, kind: 'parser_stopped' as const, reason: `parser stopped: ${status.error ?? 'the job failed'}` },
        };
        record(first.index, { ...result, path: first.path, name: first.name });
        for (const copy of copies) record(copy.index, unchangedAs(result, copy.path, copy.name));
      }
      if (waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await runner.stop();
  }
  report.results = results;
  for (const failure of found.unreadable) report.results.push({ path: failure.file, name: failure.file, status: 'failed', failure });
  report.failed += found.unreadable.length;
  report.elapsedMs = Date.now() - started;
  return report;
}

export interface UploadIngest {
  ingest(file: { name: string; bytes: Uint8Array; scannedPages?: number }): Promise<FileResult>;
  close(): Promise<void>;
}

/**
 * Uploads in server mode: each becomes an ingest job that this node works on itself at once (so an upload is
 * answered without waiting for a worker), while the job in the database means a node that dies mid-parse leaves
 * it to a worker rather than losing it.
 */
export function queuedUploads(store: PostgresStore, queue: JobQueue, pool: () => ParsePool, leaseMs?: number): UploadIngest {
  const mine = new Set<number>();
  const runner = startRunner({
    queue,
    handlers: { [INGEST_JOB]: ingestJobHandler(store, pool) },
    concurrency: 1,
    leaseMs,
    idleMs: 50,
    only: () => [...mine],
  });
  return {
    async ingest({ name, bytes, scannedPages }) {
      const path = `uploads/${sha256(bytes)}.pdf`;
      const id = await enqueueIngest(store, queue, { path, name, bytes, scannedPages });
      mine.add(id);
      try {
        for (;;) {
          const [status] = await queue.status([id]);
          if (status?.state === 'done' || status?.state === 'failed') {
            const result = status.result as FileResult | null;
            return result
              ? { ...result, path, name }
              : { path, name, status: 'failed', failure: { file: name, kind: 'parser_stopped', reason: `parser stopped: ${status.error ?? 'the job failed'}` } };
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        mine.delete(id);
      }
    },
    close: () => runner.stop(),
  };
}
