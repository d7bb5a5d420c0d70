// The real application for the end-to-end tests: the web UI built once with Vite, a fresh SQLite archive in a
// temp folder holding the test corpus (good and bad files), and createApp listening on an ephemeral port.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ingestPaths, type IngestReport } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const CORPUS = join(ROOT, 'test/fixtures/corpus');
export const ADMIN_TOKEN = 'e2e-nyckel';

export interface ArchiveServer {
  base: string;
  store: ArchiveStore;
  ingest: IngestReport;
  stop(): Promise<void>;
}

export async function buildWeb(): Promise<string> {
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  return join(ROOT, 'web/dist');
}

export async function startArchiveServer(): Promise<ArchiveServer> {
  const webDir = await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-archive-'));
  const store = openStore(join(dataDir, 'archive.sqlite'));
  const ingest = await ingestPaths([CORPUS], { store, jobs: 2 });
  const app: App = await createApp({ store, dataDir, webDir, adminToken: ADMIN_TOKEN, log: false });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    ingest,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
