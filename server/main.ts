// `npm start`: opens the archive database, ingests the bundled sample archive on first start (when the database
// is missing), and serves the API and the web UI on one port (PORT, default 3000).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openStore } from '../ingest/store/sqlite.ts';
import { createApp } from './app.ts';
import type { ReadAccess } from './auth/identity.ts';
import { oidcSettingsFromEnv } from './auth/oidc-settings.ts';

// Loading the saved search index and analytics snapshot allocates a few hundred MB of short-lived objects; with
// V8's default 16 MB young generation, scavenges took about half of a 10,000-protocol start, and 64 MB halves
// that.
setFlagsFromString('--max-semi-space-size=64');

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const dbPath = join(dataDir, 'archive.sqlite');
const port = Number(process.env.PORT ?? 3000);

const firstStart = !existsSync(dbPath);
const store = openStore(dbPath);
// Imported only when needed: the generator and the PDF pipeline are large modules every later start can skip.
if (firstStart) await (await import('./sample-archive.ts')).ingestSampleArchive(store, { root, dataDir });

const { app, close } = await createApp({
  store,
  dataDir,
  webDir: join(root, 'web', 'dist'),
  adminToken: process.env.ADMIN_TOKEN || undefined,
  readAccess: readAccessSetting(process.env.READ_ACCESS),
  trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  oidc: oidcSettingsFromEnv(process.env),
});
const server = app.listen(port, () => {
  const { port: actual } = server.address() as AddressInfo;
  process.stderr.write(`Protokollarkivet: http://localhost:${actual}/ (data in ${dataDir})\n`);
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
  server.close();
  await close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
