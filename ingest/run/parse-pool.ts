// A pool of worker threads that run the parse pipeline, one file per worker at a time.
// A worker that crashes or hangs on a file is replaced, and that file gets a failure; the other files go on.
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../model.ts';
import type { ParseJob, ParseReply } from './parse-worker.ts';
import { bundledWorker } from './worker-bundle.ts';

export interface ParsePool {
  /** Parses one file in a worker. Takes ownership of `bytes` (they are moved to the worker, not copied). */
  parse(bytes: Uint8Array, file: string): Promise<ParseOutcome>;
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
}

interface PendingJob {
  job: ParseJob;
  resolve: (outcome: ParseOutcome) => void;
}

interface Slot {
  worker: Worker;
  running?: PendingJob & { timer: NodeJS.Timeout };
}

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
  const entry = workerEntry();
  const queue: PendingJob[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const failRunning = (slot: Slot, reason: string) => {
    const running = slot.running;
    if (!running) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    running.resolve({ ok: false, failure: { file: running.job.file, kind: 'parser_stopped', reason } });
  };

  const dispatch = (slot: Slot) => {
    if (closed || slot.running) return;
    const next = queue.shift();
    if (!next) return;
    const timer = setTimeout(() => {
      failRunning(slot, `gave up: reading the file took longer than ${Math.round(timeoutMs / 1000)} s`);
      replace(slot);
    }, timeoutMs);
    slot.running = { ...next, timer };
    slot.worker.postMessage(next.job, [next.job.bytes.buffer as ArrayBuffer]);
  };

  const attach = (slot: Slot) => {
    slot.worker.on('message', (reply: ParseReply) => {
      const running = slot.running;
      if (!running || running.job.id !== reply.id) return;
      clearTimeout(running.timer);
      slot.running = undefined;
      running.resolve(reply.outcome);
      dispatch(slot);
    });
    slot.worker.on('error', (err) => {
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failRunning(slot, outOfMemory ? `too large to read: the parser needed more than ${maxHeapMb} MB of memory` : `the parser crashed on this file: ${err.message}`);
      replace(slot);
    });
    slot.worker.on('exit', (code) => {
      if (closed) return;
      failRunning(slot, `the parser stopped on this file (exit code ${code})`);
      replace(slot);
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
    dispatch(slot);
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const slot: Slot = { worker: startWorker(entry, maxHeapMb) };
    attach(slot);
    slots.push(slot);
  }

  return {
    parse(bytes, file) {
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      // Only whole, unshared buffers can be moved to a worker; anything else is copied once here.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
        ? bytes
        : bytes.slice();
      return new Promise<ParseOutcome>((resolve) => {
        queue.push({ job: { id: nextId++, bytes: own, file }, resolve });
        const idle = slots.find((s) => !s.running);
        if (idle) dispatch(idle);
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) failRunning(slot, 'ingest was stopped before this file was read');
      for (const pending of queue.splice(0)) {
        pending.resolve({ ok: false, failure: { file: pending.job.file, kind: 'io', reason: 'ingest was stopped before this file was read' } });
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
