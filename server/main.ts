// `npm start`: opens the archive database, ingests the bundled sample archive on first start (when the database
// is missing), and serves the API and the web UI on one port (PORT, default 3000).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openStore } from '../ingest/store/sqlite.ts';
import { ingestSampleArchive } from './sample-archive.ts';
import { createApp } from './app.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const dbPath = join(dataDir, 'archive.sqlite');
const port = Number(process.env.PORT ?? 3000);

const firstStart = !existsSync(dbPath);
const store = openStore(dbPath);
if (firstStart) await ingestSampleArchive(store, { root, dataDir });

const { app, close } = await createApp({
  store,
  dataDir,
  webDir: join(root, 'web', 'dist'),
  adminToken: process.env.ADMIN_TOKEN || undefined,
});
const server = app.listen(port, () => {
  const { port: actual } = server.address() as AddressInfo;
  process.stderr.write(`Protokollarkivet: http://localhost:${actual}/ (data in ${dataDir})\n`);
  if (!process.env.ADMIN_TOKEN) process.stderr.write('Uploads are off: set ADMIN_TOKEN to enable them.\n');
});

async function shutdown(): Promise<void> {
  server.close();
  await close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
