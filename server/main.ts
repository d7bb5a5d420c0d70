// `npm start`: serves the API and the web UI on one port (PORT, default 3000). Embedded (the default): opens
// the SQLite archive under DATA_DIR and ingests the bundled sample archive on first start. Server mode
// (DATABASE_URL=postgres://…): serves the PostgreSQL archive that any number of nodes and workers share; the node
// keeps only a cache folder of its own (the search index and analytics snapshot, restored from and shared
// through the database), and starts empty on an empty database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openArchive } from '../ingest/store/open.ts';
import { createApp, type AppOptions } from './app.ts';
import type { ReadAccess } from './auth/identity.ts';
import { oidcSettingsFromEnv } from './auth/oidc-settings.ts';
import type { UploadIngest } from '../ingest/jobs/ingest-job.ts';
import type { ParsePool } from '../ingest/run/ingest.ts';

// Loading the saved search index and analytics snapshot allocates a few hundred MB of short-lived objects; with
// V8's default 16 MB young generation, scavenges took about half of a 10,000-protocol start, and 64 MB halves
// that.
setFlagsFromString('--max-semi-space-size=64');

const root = resolve(import.meta.dirname, '..');
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl
  ? mkdtempSync(join(resolve(process.env.CACHE_DIR ?? tmpdir()), 'protokollarkivet-node-'))
  : resolve(process.env.DATA_DIR ?? join(root, 'data'));
const dbPath = join(dataDir, 'archive.sqlite');
const port = Number(process.env.PORT ?? 3000);

/** One line per outage, not one per failed request or probe. */
let databaseDown = false;
let shuttingDown = false;
function reportDown(err: Error): void {
  // While shutting down, the pool is closed on purpose.
  if (databaseDown || shuttingDown) return;
  databaseDown = true;
  process.stderr.write(`${new Date().toISOString()} the archive database cannot be reached: ${err.message}\n`);
}

const firstStart = !databaseUrl && !existsSync(dbPath);
const archive = await openArchive({ databaseUrl, sqlitePath: dbPath, onConnectionError: reportDown });
const { store } = archive;
// Imported only when needed: the generator and the PDF pipeline are large modules every later start can skip.
if (firstStart) await (await import('./sample-archive.ts')).ingestSampleArchive(store, { root, dataDir });

const options: AppOptions = {
  store,
  dataDir,
  webDir: join(root, 'web', 'dist'),
  adminToken: process.env.ADMIN_TOKEN || undefined,
  onStoreDown: reportDown,
  readAccess: readAccessSetting(process.env.READ_ACCESS),
  trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  oidc: oidcSettingsFromEnv(process.env),
};
let app: Awaited<ReturnType<typeof createApp>>;
let stopServerMode = async () => {};
if (archive.mode === 'server') {
  const shared = archive.store;
  const { publishShared, restoreShared, SNAPSHOT_LOCK } = await import('./shared-snapshots.ts');
  // The upload path (job queue, parse worker, the PDF pipeline behind them) is loaded by the first upload, not
  // by every node's start.
  let pool: ParsePool | undefined;
  let uploads: Promise<UploadIngest> | undefined;
  const ingestUpload: AppOptions['ingestUpload'] = async (file) => {
    uploads ??= Promise.all([import('../ingest/jobs/ingest-job.ts'), import('../ingest/run/parse-pool.ts')]).then(
      ([{ queuedUploads }, { startParsePool }]) => queuedUploads(shared, jobs, () => (pool ??= startParsePool({ size: 1 }))),
    );
    return (await uploads).ingest(file);
  };
  // Every node looks at the shared revision each second: an upload to one node is searchable on all within ~2 s.
  const { JobQueue } = await import('../ingest/jobs/queue.ts');
  const { queuedUploadState } = await import('../ingest/jobs/upload-status.ts');
  const jobs = new JobQueue(shared.pool);
  const uploadState: AppOptions['uploadState'] = (id) => queuedUploadState(jobs, id);
  Object.assign(options, { refreshMs: Number(process.env.REFRESH_MS ?? 1000), ingestUpload, uploadState });
  // The first node builds the index (and saves it for the others) while the rest wait for the lock and load it.
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  // Counted from the process's start (performance.now's origin), module loading included.
  const seconds = () => (performance.now() / 1000).toFixed(1);
  app = await shared.withLock(SNAPSHOT_LOCK, async () => {
    log(`shared index lock taken after ${seconds()} s`);
    const restored = await restoreShared(shared, dataDir);
    log(restored ? `shared index restored after ${seconds()} s` : 'no shared index yet: this node builds it');
    const started = await createApp(options);
    log(`search index ready after ${seconds()} s`);
    if (await publishShared(shared, dataDir)) log(`search index shared after ${seconds()} s`);
    return started;
  });
  // The index moves on with every ingest and the analytics snapshot is built after start: share what is newer
  // now and then, so a node started later has less to catch up on.
  const publishEvery = setInterval(() => {
    void shared.withLock(SNAPSHOT_LOCK, () => publishShared(shared, dataDir)).catch(reportDown);
  }, Number(process.env.SHARE_SNAPSHOTS_MS ?? 60_000));
  publishEvery.unref();
  // A working query after an outage ends it in the log, so the next one is reported again.
  const outageWatch = setInterval(() => {
    if (databaseDown) void store.revision().then(() => {
      databaseDown = false;
      process.stderr.write(`${new Date().toISOString()} the archive database is reachable again\n`);
    }, () => undefined);
  }, 2000);
  outageWatch.unref();
  stopServerMode = async () => {
    clearInterval(publishEvery);
    clearInterval(outageWatch);
    await (await uploads)?.close();
    await pool?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
} else {
  app = await createApp(options);
}
const { close } = app;
const server = app.app.listen(port, () => {
  const { port: actual } = server.address() as AddressInfo;
  const where = archive.mode === 'server' ? 'archive in PostgreSQL' : `data in ${dataDir}`;
  process.stderr.write(`Protokollarkivet: http://localhost:${actual}/ (${where})\n`);
  // Not at once: the collection pauses the server for about 0.3 s, which the first searches need not wait for.
  setTimeout(collectLoadingGarbage, 3000).unref();
});

function readAccessSetting(value: string | undefined): ReadAccess {
  if (value === undefined || value === '' || value === 'public') return 'public';
  if (value === 'login') return 'login';
  throw new Error(`READ_ACCESS must be "public" or "login", not "${value}"`);
}

/** TRUST_PROXY: a hop count ("1"), "true", or addresses/subnets as express understands them. */
function trustProxySetting(value: string | undefined): boolean | number | string | undefined {
  if (!value) return undefined;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * V8 lets the old generation grow to about twice the heap it had at its last full collection: after loading a
 * 10,000-protocol archive, RSS then rose under load from 800 MB to 1.4 GB, mostly garbage (370 MB live). A full
 * collection once loading is done, with the heap growing by a quarter at each full collection from then on,
 * keeps it near 700 MB. Not from the start: while the index loads that made collections so frequent that
 * starting took almost a second longer.
 */
function collectLoadingGarbage(): void {
  setFlagsFromString('--heap-growing-percent=25');
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  server.close();
  await close();
  await stopServerMode();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
