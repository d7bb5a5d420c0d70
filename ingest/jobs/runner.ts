// Runs jobs from the queue with bounded concurrency: each slot leases a job of a kind it has a handler for,
// keeps the lease alive while the handler works, and records the result. A job leased more often than its
// `maxTries` (its workers kept dying on it) goes to the handler's give-up step, which records why, and fails.
// Generic over kinds: ingest is one handler (ingest-job.ts); other slow stages add theirs.
import { hostname } from 'node:os';
import type { JobQueue, LeasedJob } from './queue.ts';

export interface JobHandler {
  /** Does the work; the returned value is stored as the job's result. */
  run(payload: unknown, job: LeasedJob): Promise<unknown>;
  /** Called instead of `run` once the job has been leased more than its maxTries; returns the result to store. */
  giveUp(payload: unknown, job: LeasedJob): Promise<unknown>;
}

export interface RunnerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  /** Jobs run at once. */
  concurrency: number;
  /** How long a lease lasts without being extended; a dead worker's jobs wait this long. */
  leaseMs?: number;
  /** How long an idle slot waits before looking for work again. */
  idleMs?: number;
  /** Only these jobs (a CLI run working through what it enqueued); all of the handled kinds otherwise. */
  only?: () => number[];
  onEvent?: (event: RunnerEvent) => void;
}

export type RunnerEvent =
  | { type: 'done'; job: LeasedJob; ms: number }
  | { type: 'failed'; job: LeasedJob; error: string }
  | { type: 'gave-up'; job: LeasedJob }
  | { type: 'error'; error: string };

export interface Runner {
  /** Stops leasing; resolves when the jobs in hand are finished. */
  stop(): Promise<void>;
  readonly workerId: string;
}

export const DEFAULT_LEASE_MS = 60_000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function startRunner(options: RunnerOptions): Runner {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const idleMs = options.idleMs ?? 500;
  const kinds = Object.keys(options.handlers);
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let stopping = false;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const runOne = async (job: LeasedJob): Promise<void> => {
    const handler = options.handlers[job.kind];
    const started = Date.now();
    // Extended well before it runs out, so that a slow database round trip never lets a live job be taken over.
    const heartbeat = setInterval(() => {
      options.queue.extend(job, workerId, leaseMs).catch((err) => options.onEvent?.({ type: 'error', error: message(err) }));
    }, leaseMs / 3);
    try {
      if (job.tries > job.maxTries) {
        const result = await handler.giveUp(job.payload, job);
        await options.queue.fail(job, `given up after ${job.maxTries} tries`, result);
        options.onEvent?.({ type: 'gave-up', job });
        return;
      }
      const result = await handler.run(job.payload, job);
      await options.queue.complete(job, result);
      options.onEvent?.({ type: 'done', job, ms: Date.now() - started });
    } catch (err) {
      await options.queue.fail(job, message(err)).catch(() => undefined);
      options.onEvent?.({ type: 'failed', job, error: message(err) });
    } finally {
      clearInterval(heartbeat);
    }
  };

  const slot = async (): Promise<void> => {
    while (!stopping) {
      let job: LeasedJob | null = null;
      try {
        const only = options.only?.();
        if (only && only.length === 0) {
          await sleep(idleMs);
          continue;
        }
        job = await options.queue.lease(kinds, workerId, leaseMs, only);
      } catch (err) {
        // The database is away: say so and try again, the worker must outlive a database restart.
        options.onEvent?.({ type: 'error', error: message(err) });
        await sleep(Math.max(idleMs, 1000));
        continue;
      }
      if (!job) {
        await sleep(idleMs);
        continue;
      }
      await runOne(job);
    }
  };

  const slots = Array.from({ length: Math.max(1, options.concurrency) }, () => slot());
  return {
    workerId,
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await Promise.all(slots);
    },
  };
}
