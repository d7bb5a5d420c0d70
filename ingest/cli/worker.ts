// `DATABASE_URL=… npm run worker [-- --jobs N]`: an ingest worker for server mode. Leases jobs from the
// PostgreSQL archive's queue (files enqueued by uploads and `npm run ingest`), parses and saves them, and keeps
// going until SIGTERM/SIGINT, after which it finishes the jobs in hand. Any number of workers may run, on any
// machine that reaches the database; a worker that dies leaves its jobs to be leased again when their lease ends.
// Env: JOB_LEASE_MS (lease length, default 60000).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { JobQueue } from '../jobs/queue.ts';
import { ingestJobHandler, INGEST_JOB } from '../jobs/ingest-job.ts';
import { startRunner } from '../jobs/runner.ts';
import { startParsePool, type ParsePool } from '../run/parse-pool.ts';
import { defaultJobs } from '../run/ingest.ts';
import { openPostgresStore } from '../store/postgres.ts';

const USAGE = 'usage: DATABASE_URL=postgres://… npm run worker -- [--jobs N]\n  --jobs files parsed at once (default: one per core)\n';

const { values } = parseArgs({ args: process.argv.slice(2), options: { jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const jobs = z.coerce.number().int().min(1).max(64).safeParse(values.jobs ?? defaultJobs());
const databaseUrl = process.env.DATABASE_URL;
if (!jobs.success || !databaseUrl) {
  process.stderr.write(`${databaseUrl ? '--jobs must be a whole number from 1 to 64' : 'DATABASE_URL is not set'}\n${USAGE}`);
  process.exit(2);
}
const leaseMs = Number(process.env.JOB_LEASE_MS ?? 60_000);

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} worker: ${line}\n`);

const store = await openPostgresStore(databaseUrl, {
  onConnectionError: (err) => log(`database connection lost: ${err.message}`),
});
let pool: ParsePool | undefined;
const runner = startRunner({
  queue: new JobQueue(store.pool),
  handlers: { [INGEST_JOB]: ingestJobHandler(store, () => (pool ??= startParsePool({ size: jobs.data }))) },
  concurrency: jobs.data,
  leaseMs,
  onEvent: (event) => {
    if (event.type === 'error') log(`cannot reach the database: ${event.error}`);
    else {
      const { name } = event.job.payload as { name: string };
      if (event.type === 'done') log(`job ${event.job.id} (${name}) done in ${event.ms} ms`);
      else if (event.type === 'failed') log(`job ${event.job.id} (${name}) failed: ${event.error}`);
      else log(`job ${event.job.id} (${name}) given up after ${event.job.maxTries} tries`);
    }
  },
});
log(`${runner.workerId} started with ${jobs.data} job(s) at once`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping after the jobs in hand');
  await runner.stop();
  await pool?.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
