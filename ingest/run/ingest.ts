// The batch ingest: files → (hash, skip what is already stored) → parse in worker threads → (OCR of scanned files,
// then parse again) → save in batched transactions. Every file gets an outcome (ingested, unchanged or failed with a reason); one bad file never stops
// the rest. Work is streamed through a bounded window, so memory stays flat however many files there are.
// Used by the ingest CLI, the server's first-start demo ingest and the upload route.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Failure } from '../model.ts';
import { PARSER_VERSION, sha256 } from '../parse-identity.ts';
import { NeighbourLists, SavedProtocols } from '../similar/neighbour-lists.ts';
import { protocolIdOf } from '../store/records.ts';
import type { ArchiveStore, IngestOutcome, ProtocolId } from '../store/types.ts';
import { discoverPdfs } from './discover.ts';
import { localOcrRunner, readPdfWithOcr, type OcrRunner } from './ocr-stage.ts';
import { startParsePool, type ParsePool } from './parse-pool.ts';

export type { ParsePool };

export interface IngestFile {
  path: string;
  /** Name to show and to parse under; defaults to the last part of `path`. */
  name?: string;
  /** The file's bytes when the caller has them already (a job whose PDF came from the database); else read from `path`. */
  bytes?: Uint8Array;
}

export type FileResult =
  | { path: string; name: string; status: 'ingested'; protocolId: ProtocolId; pages: number; ocrPages: number }
  /**
   * Already stored with the current parser version (`previous` says whether it had parsed or failed then).
   * A file the parser crashed or timed out on is not "unchanged": it is tried again.
   */
  | { path: string; name: string; status: 'unchanged'; previous: 'ok' | 'failed'; protocolId: ProtocolId | null; reason: string | null }
  | { path: string; name: string; status: 'failed'; failure: Failure };

/** The run's tallies so far (in progress reports) or in all (in the final report). */
export interface IngestCounts {
  total: number;
  ingested: number;
  unchanged: number;
  failed: number;
  /** Pages of the files parsed in this run. */
  pages: number;
  /** Of those, pages read by OCR (slower by far: counted apart). */
  ocrPages: number;
  /** Files being read by OCR right now. */
  inOcr: number;
  elapsedMs: number;
}

export interface IngestProgress extends IngestCounts {
  done: number;
  /** The file that just finished, or none when the report is of a file starting its OCR. */
  last?: FileResult;
  /** The file whose OCR just started, with the pages to be read. */
  ocrStarted?: { name: string; pages: number };
}

export interface IngestReport extends IngestCounts {
  /** One result per file, in the order the files were given. */
  results: FileResult[];
  /** Of elapsedMs, the time spent updating similar questions (ingest/similar/). */
  similarMs: number;
}

export interface IngestOptions {
  store: ArchiveStore;
  /** Parallel parse workers; defaults to one per core. */
  jobs?: number;
  /** Version recorded with each outcome; files stored with another version are parsed again. */
  parserVersion?: string;
  onProgress?: (progress: IngestProgress) => void;
  /** Give up on a file after this long in the parser. */
  timeoutMs?: number;
  /**
   * Workers to parse with, kept by the caller between runs (the upload route keeps one warm, because starting a
   * worker — loading pdf.js and the parser — takes seconds). Without it the run starts its own and stops it at the end.
   */
  pool?: ParsePool;
  /**
   * Reads scanned files with OCR; by default ocrmypdf children, one file at a time with `jobs` pages in parallel.
   * `null` turns OCR off (scanned files then fail with the "needs OCR" reason).
   */
  ocr?: OcrRunner | null;
  /**
   * Folder for the OCR'd copies of scanned files (<sha256>.pdf): the copy with a text layer is what the protocol view
   * shows. The CLI and the server keep it beside the archive; the default, a temporary folder, suits only tests.
   */
  ocrDir?: string;
}

/**
 * Outcomes saved per transaction. A commit is cheap (WAL, synchronous=NORMAL), but while a batch is written the
 * main thread hands no new files to the workers: 64 protocols held them up ~35 ms at a time, 16 keeps that short.
 */
const WRITE_BATCH = 16;
const WRITE_INTERVAL_MS = 500;

export function defaultJobs(): number {
  return availableParallelism();
}

/** Ingests every PDF under `paths` (files or folders); unreadable paths are reported as failures. */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestReport> {
  const found = await discoverPdfs(paths);
  const report = await ingestFiles(found.files.map((path) => ({ path })), options);
  for (const failure of found.unreadable) {
    report.results.push({ path: failure.file, name: failure.file, status: 'failed', failure });
    report.failed++;
    report.total++;
  }
  return report;
}

/** Writes the OCR'd copy of a file under its original's hash (complete or not at all). */
async function saveOcrCopy(folder: string, hash: string, bytes: Uint8Array): Promise<string> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${hash}.pdf`);
  const partial = join(folder, `${hash}.${process.pid}.${Date.now()}.part`);
  await writeFile(partial, bytes);
  await rename(partial, path);
  return path;
}

/**
 * Saves outcomes in batches from the main thread, the only writer, noting the questions of each saved protocol for
 * the similar questions, which are worked out once the files are parsed (`updateSimilarQuestions`).
 */
class BatchWriter {
  private pending: IngestOutcome[] = [];
  private lastFlush = Date.now();
  private readonly saved = new SavedProtocols();
  similarMs = 0;

  constructor(private readonly store: ArchiveStore, private readonly parserVersion: string) {}

  async add(outcome: IngestOutcome): Promise<void> {
    this.pending.push(outcome);
    if (this.pending.length >= WRITE_BATCH || Date.now() - this.lastFlush >= WRITE_INTERVAL_MS) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.lastFlush = Date.now();
    if (batch.length === 0) return;
    await this.store.saveOutcomes(batch, this.parserVersion);
    const started = performance.now();
    for (const o of batch) this.saved.add(protocolIdOf(o.source.sha256), o.ok ? o.protocol : null);
    this.similarMs += performance.now() - started;
  }

  /** The similar questions of the protocols this run saved, and of the older questions they come close to. */
  async updateSimilarQuestions(): Promise<void> {
    if (this.saved.size === 0) return;
    const started = performance.now();
    await NeighbourLists.open(this.store, this.saved);
    this.similarMs += performance.now() - started;
  }
}

/** The result for a second copy of bytes this run already handled. */
export function unchangedAs(first: FileResult, path: string, name: string): FileResult {
  if (first.status === 'unchanged') return { ...first, path, name };
  if (first.status === 'ingested') return { path, name, status: 'unchanged', previous: 'ok', protocolId: first.protocolId, reason: null };
  return { path, name, status: 'unchanged', previous: 'failed', protocolId: null, reason: first.failure.reason };
}

export async function ingestFiles(files: IngestFile[], options: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const parserVersion = options.parserVersion ?? PARSER_VERSION;
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), Math.max(1, files.length)));
  const report: IngestReport = { total: files.length, ingested: 0, unchanged: 0, failed: 0, pages: 0, ocrPages: 0, inOcr: 0, elapsedMs: 0, results: [], similarMs: 0 };
  const ocr = options.ocr === undefined ? localOcrRunner({ jobs }) : (options.ocr ?? undefined);
  const ocrDir = options.ocrDir ?? join(tmpdir(), 'protokollarkivet-ocr');
  const writer = new BatchWriter(options.store, parserVersion);
  // Files already handled in this run, by content: the same bytes under a second name are not parsed twice.
  const inThisRun = new Map<string, Promise<FileResult>>();
  let pool: ParsePool | undefined = options.pool;

  const parse = async (file: IngestFile, name: string, bytes: Uint8Array, hash: string): Promise<FileResult> => {
    const size = bytes.byteLength;
    pool ??= startParsePool({ size: jobs, timeoutMs: options.timeoutMs });
    const workers = pool;
    let inOcr = false;
    const reading = await readPdfWithOcr(bytes, name, {
      parse: (b, f, o) => workers.parse(b, f, o),
      ocr,
      onOcr: (pages) => {
        inOcr = true;
        report.inOcr++;
        progress({ ocrStarted: { name, pages } });
      },
    });
    if (inOcr) report.inOcr--;
    const { outcome } = reading;
    const ocrPath = reading.ocrBytes ? await saveOcrCopy(ocrDir, hash, reading.ocrBytes) : null;
    const source = { path: file.path, name, sha256: hash, size, pages: outcome.ok ? outcome.protocol.source.pages : null, bytes, ocrPath, ocrBytes: reading.ocrBytes ?? undefined };
    await writer.add({ source, ...outcome });
    return outcome.ok
      ? { path: file.path, name, status: 'ingested', protocolId: protocolIdOf(hash), pages: outcome.protocol.source.pages, ocrPages: reading.ocrPages }
      : { path: file.path, name, status: 'failed', failure: outcome.failure };
  };

  const parseUnlessStored = async (file: IngestFile, name: string, bytes: Uint8Array, hash: string): Promise<FileResult> => {
    const stored = await options.store.findSource(hash);
    // A file the parser or OCR crashed or timed out on is tried again; so is one that only failed for want of OCR.
    const retry = stored?.errorKind === 'parser_stopped' || stored?.errorKind === 'ocr_failed' || (stored?.errorKind === 'no_text' && ocr !== undefined);
    if (stored && stored.parserVersion === parserVersion && !retry) {
      return { path: file.path, name, status: 'unchanged', previous: stored.status, protocolId: stored.protocolId, reason: stored.error };
    }
    return parse(file, name, bytes, hash);
  };

  const processFile = async (file: IngestFile): Promise<FileResult> => {
    const name = file.name ?? basename(file.path);
    let bytes: Uint8Array;
    try {
      bytes = file.bytes ?? new Uint8Array(await readFile(file.path));
    } catch (err) {
      const reason = (err as { code?: string }).code === 'ENOENT' ? 'not found: the file disappeared' : `cannot be read: ${(err as Error).message}`;
      return { path: file.path, name, status: 'failed', failure: { file: name, kind: 'io', reason } };
    }
    const hash = sha256(bytes);
    const twin = inThisRun.get(hash);
    if (twin) return unchangedAs(await twin, file.path, name);
    // Claimed before any await, so a copy of these bytes arriving meanwhile waits for this result.
    const result = parseUnlessStored(file, name, bytes, hash);
    inThisRun.set(hash, result);
    return result;
  };

  const results: FileResult[] = new Array(files.length);
  let done = 0;
  function progress(event: Pick<IngestProgress, 'last' | 'ocrStarted'>): void {
    options.onProgress?.({
      done, total: report.total, ingested: report.ingested, unchanged: report.unchanged, failed: report.failed,
      pages: report.pages, ocrPages: report.ocrPages, inOcr: report.inOcr, elapsedMs: Date.now() - started, ...event,
    });
  }
  const record = (index: number, result: FileResult) => {
    results[index] = result;
    done++;
    report[result.status]++;
    if (result.status === 'ingested') {
      report.pages += result.pages;
      report.ocrPages += result.ocrPages;
    }
    progress({ last: result });
  };

  // Three files in flight per worker: two in the worker's hands (parse-pool.ts), one more read and hashed meanwhile.
  const window = jobs * 3;
  const inFlight = new Set<Promise<void>>();
  try {
    for (const [index, file] of files.entries()) {
      const task: Promise<void> = processFile(file)
        .then((result) => record(index, result))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await writer.flush();
  } finally {
    if (pool !== options.pool) await pool?.close();
  }
  await writer.updateSimilarQuestions();
  report.results = results;
  report.similarMs = Math.round(writer.similarMs);
  report.elapsedMs = Date.now() - started;
  return report;
}
