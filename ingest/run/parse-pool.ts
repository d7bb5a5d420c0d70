// A pool of worker threads that run the parse pipeline, each worker with up to two files in hand.
// A worker that crashes or hangs on a file is replaced, and that file gets a failure; the other files go on.
import { Worker } from 'node:worker_threads';
import type { ParseOptions, PdfReading } from '../pipeline.ts';
import type { ParseJob, ParseReply } from './parse-worker.ts';
import { bundledWorker } from './worker-bundle.ts';

export interface ParsePool {
  /** Parses one file in a worker. */
  parse(bytes: Uint8Array, file: string, options?: ParseOptions): Promise<PdfReading>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  size: number;
  /** A file whose parse takes longer than this is given up on (a pathological PDF must not stall the batch). */
  timeoutMs?: number;
  /**
   * Old-generation heap limit of each worker, in MB. The parser holds about 110 MB live (pdf.js, language data,
   * one document); without a limit V8 lets a worker's heap drift towards 700 MB over a long batch, with the limit
   * it collects sooner and peak memory stays flat. A file that needs more fails alone, with that reason.
   */
  maxHeapMb?: number;
  /** The module workers run; defaults to the parse worker. Tests hand in stand-ins that crash or hang on cue. */
  workerModule?: URL;
}

interface PendingJob {
  job: ParseJob;
  resolve: (outcome: PdfReading) => void;
  /** Run with nothing beside it: it was in a worker that crashed while parsing two files, either may be to blame. */
  alone?: boolean;
}

interface Running extends PendingJob {
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  running: Map<number, Running>;
}

/**
 * Files handed to a worker at once. With a second file already in hand, a worker goes straight on when it finishes
 * one, instead of waiting for the main thread — which may be busy saving a batch — to send the next.
 */
const FILES_PER_WORKER = 2;

const WORKER_URL = new URL('./parse-worker.ts', import.meta.url);

/**
 * The module a worker starts on: the bundled worker (worker-bundle.ts), or else the TypeScript module through tsx.
 * Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's own entry, so that fallback entry
 * is a tiny module that registers tsx's loader first and then imports the real worker. Works under tsx and vitest.
 */
function workerEntry(): URL {
  const bundle = bundledWorker(WORKER_URL);
  if (bundle) return bundle;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(WORKER_URL.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(entry)}`);
}

function startWorker(entry: URL, maxHeapMb: number): Worker {
  return new Worker(entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
}

export function startParsePool(options: ParsePoolOptions): ParsePool {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxHeapMb = options.maxHeapMb ?? 384;
  const entry = options.workerModule ?? workerEntry();
  const queue: PendingJob[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const fail = (pending: PendingJob, reason: string) => {
    pending.resolve({ ok: false, failure: { file: pending.job.file, kind: 'parser_stopped', reason }, scannedPages: [], hasText: false });
  };

  /** Takes the slot's files back; which of them the worker's end is blamed on is up to the caller. */
  const takeRunning = (slot: Slot): Running[] => {
    const running = [...slot.running.values()];
    for (const r of running) clearTimeout(r.timer);
    slot.running.clear();
    return running;
  };

  /**
   * A worker ended while parsing. With one file in hand, that file gets the failure. With more, the culprit is
   * unknown: they are all parsed again, each alone, so that only the file that really stops a worker fails.
   */
  const workerEnded = (slot: Slot, reason: string) => {
    const running = takeRunning(slot);
    if (running.length === 1) fail(running[0], reason);
    else queue.unshift(...running.map(({ job, resolve }) => ({ job, resolve, alone: true })));
    replace(slot);
  };

  const send = (slot: Slot, next: PendingJob) => {
    const timer = setTimeout(() => {
      // This file is the one that hangs; the others in the worker are innocent and go back to the queue.
      const running = takeRunning(slot);
      for (const r of running) {
        if (r.job.id === next.job.id) fail(r, `gave up: reading the file took longer than ${Math.round(timeoutMs / 1000)} s`);
        else queue.unshift({ job: r.job, resolve: r.resolve, alone: r.alone });
      }
      replace(slot);
    }, timeoutMs);
    slot.running.set(next.job.id, { ...next, timer });
    // Copied, not moved: the bytes must still be here if the file has to be parsed again in another worker.
    slot.worker.postMessage(next.job);
  };

  const dispatch = (slot: Slot) => {
    while (!closed && queue.length > 0 && slot.running.size < FILES_PER_WORKER) {
      if ([...slot.running.values()].some((r) => r.alone)) return;
      if (queue[0].alone && slot.running.size > 0) return;
      send(slot, queue.shift()!);
    }
  };

  const dispatchAll = () => {
    // Idle workers first, so files spread over all workers before any gets a second one.
    for (const slot of [...slots].sort((a, b) => a.running.size - b.running.size)) dispatch(slot);
  };

  const attach = (slot: Slot) => {
    slot.worker.on('message', (reply: ParseReply) => {
      const running = slot.running.get(reply.id);
      if (!running) return;
      clearTimeout(running.timer);
      slot.running.delete(reply.id);
      running.resolve(reply.outcome);
      dispatchAll();
    });
    slot.worker.on('error', (err) => {
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      workerEnded(slot, outOfMemory ? `too large to read: the parser needed more than ${maxHeapMb} MB of memory` : `the parser crashed on this file: ${err.message}`);
    });
    slot.worker.on('exit', (code) => {
      if (closed) return;
      workerEnded(slot, `the parser stopped on this file (exit code ${code})`);
    });
  };

  const replace = (slot: Slot) => {
    const old = slot.worker;
    old.removeAllListeners();
    // The old worker may still be stuck inside pdf.js; it is abandoned, and errors while terminating are moot.
    old.on('error', () => {});
    void old.terminate();
    if (closed) return;
    slot.worker = startWorker(entry, maxHeapMb);
    attach(slot);
    dispatchAll();
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const slot: Slot = { worker: startWorker(entry, maxHeapMb), running: new Map() };
    attach(slot);
    slots.push(slot);
  }

  return {
    parse(bytes, file, options = {}) {
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      return new Promise<PdfReading>((resolve) => {
        queue.push({ job: { id: nextId++, bytes, file, options }, resolve });
        dispatchAll();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) for (const r of takeRunning(slot)) fail(r, 'ingest was stopped before this file was read');
      for (const pending of queue.splice(0)) {
        const failure = { file: pending.job.file, kind: 'io' as const, reason: 'ingest was stopped before this file was read' };
        pending.resolve({ ok: false, failure, scannedPages: [], hasText: false });
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
