// `npm run ingest -- PATH… [--db FILE] [--jobs N]`: ingests the PDFs under the given files and folders into the
// archive database, showing progress on stderr and a summary on stdout. Files already stored unchanged are skipped,
// so running it again on the same folder only picks up what is new. Scanned files are read with OCR (ocrmypdf) as
// a stage of its own, shown in the progress line; their OCR'd copies are kept in an `ocr` folder beside the database.
// With DATABASE_URL set (server mode) the files go into the PostgreSQL archive as ingest jobs, which this run works
// on itself while any `npm run worker` helps.
// Exit codes: 0 when the run completed (even if some files failed), 1 when nothing could be read, 2 on usage errors.
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openStore } from '../store/sqlite.ts';
import { openPostgresStore, type PostgresStore } from '../store/postgres.ts';
import type { ArchiveStore } from '../store/types.ts';
import { JobQueue } from '../jobs/queue.ts';
import { ingestViaQueue } from '../jobs/ingest-job.ts';
import { startParsePool, type ParsePool } from '../run/parse-pool.ts';
import { defaultJobs, ingestPaths, type FileResult, type IngestReport } from '../run/ingest.ts';
import { progressDisplay } from './progress.ts';

const USAGE = 'usage: npm run ingest -- PATH… [--db FILE] [--jobs N]\n  PATH   PDF files or folders (searched recursively)\n  --db   archive database (default $DATA_DIR/archive.sqlite, DATA_DIR defaulting to data/; ignored when DATABASE_URL is set)\n  --jobs parallel parse workers, and pages OCR reads at once in a scanned file (default: one per core)\n';

const Args = z.object({
  paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder'),
  db: z.string().min(1),
  jobs: z.coerce.number().int('--jobs must be a whole number').min(1, '--jobs must be at least 1').max(64, '--jobs is at most 64'),
});

function readArgs(argv: string[]): z.infer<typeof Args> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  // Same default as the server (`npm start`), so what is ingested here is what the server shows.
  const db = values.db ?? join(process.env.DATA_DIR ?? 'data', 'archive.sqlite');
  return Args.parse({ paths: positionals, db, jobs: values.jobs ?? defaultJobs() });
}

function failureLine(result: Extract<FileResult, { status: 'failed' }>): string {
  const page = result.failure.page ? ` (page ${result.failure.page})` : '';
  return `  ${result.name}${page}: ${result.failure.reason}`;
}

function summary(report: IngestReport): string {
  const rate = report.elapsedMs > 0 ? (report.pages * 1000) / report.elapsedMs : 0;
  const failedBefore = report.results.filter((r) => r.status === 'unchanged' && r.previous === 'failed').length;
  const lines = [
    `${report.total} file(s): ${report.ingested} ingested, ${report.unchanged} unchanged${failedBefore ? ` (${failedBefore} of them failed before)` : ''}, ${report.failed} failed`,
    `${report.pages} pages parsed in ${(report.elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(1)} pages/s)${report.ocrPages ? `, ${report.ocrPages} of them read by OCR` : ''}`,
    `similar questions updated in ${(report.similarMs / 1000).toFixed(1)} s of that`,
  ];
  const failures = report.results.filter((r): r is Extract<FileResult, { status: 'failed' }> => r.status === 'failed');
  if (failures.length > 0) lines.push('Failed:', ...failures.map(failureLine));
  return `${lines.join('\n')}\n`;
}

function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: z.infer<typeof Args>;
try {
  args = readArgs(process.argv.slice(2));
} catch (err) {
  usageError(err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message);
}

const databaseUrl = process.env.DATABASE_URL;
let shared: PostgresStore | undefined;
let store: ArchiveStore;
try {
  shared = databaseUrl ? await openPostgresStore(databaseUrl) : undefined;
  store = shared ?? openStore(args.db);
} catch (err) {
  process.stderr.write(`ingest stopped: cannot open the archive: ${(err as Error).message}\n`);
  process.exit(1);
}
const display = progressDisplay(process.stderr);
let pool: ParsePool | undefined;
try {
  const report =
    shared
      ? await ingestViaQueue(args.paths, {
          store: shared,
          queue: new JobQueue(shared.pool),
          jobs: args.jobs,
          pool: () => (pool ??= startParsePool({ size: args.jobs })),
          onProgress: display.update,
        })
      : // OCR'd copies of scanned files live beside the archive: they are the PDFs the protocol view shows.
        await ingestPaths(args.paths, { store, jobs: args.jobs, ocrDir: join(dirname(args.db), 'ocr'), onProgress: display.update });
  display.finish();
  process.stdout.write(summary(report));
  const readable = report.results.some((r) => r.status !== 'failed' || r.failure.kind !== 'io');
  if (!readable) {
    process.stderr.write(report.total === 0 ? 'no PDF files found\n' : 'none of the files could be read\n');
    process.exitCode = 1;
  }
} catch (err) {
  // Only the archive itself failing (disk full, database locked for too long) ends a run; files never do.
  display.finish();
  process.stderr.write(`ingest stopped: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await pool?.close();
  await store.close();
}
