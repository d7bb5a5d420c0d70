// The real application for the end-to-end tests: the web UI built once with Vite, a fresh SQLite archive in a
// temp folder holding the test corpus (good and bad files) and a small generated archive (two förvaltningar over
// a year and a half, marked synthetic) so the trend charts have periods to draw, and createApp listening on an
// ephemeral port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { generateArchive, planArchive } from '../../ingest/generate/archive.ts';
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
  webDir: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface Served {
  base: string;
  stop(): Promise<void>;
}

/** Serves `store` with the built web UI on an ephemeral port; uploads are on only with an admin token. */
export async function serve(store: ArchiveStore, dataDir: string, webDir: string, adminToken?: string): Promise<Served> {
  const app: App = await createApp({ store, dataDir, webDir, adminToken, log: false });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

/** Builds the web UI into `outDir` (by default web/dist); each archive server builds its own, so browser test
 * files running side by side never write the same folder. */
export async function buildWeb(outDir = join(ROOT, 'web/dist')): Promise<string> {
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Writes a small synthetic archive under `folder`. */
async function writeSyntheticArchive(folder: string): Promise<void> {
  const plan = planArchive({ seed: 7, forvaltningar: 2, from: '2024-01', to: '2025-06' });
  for await (const protocol of generateArchive(plan)) {
    const path = join(folder, protocol.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, protocol.bytes);
  }
}

export async function startArchiveServer(): Promise<ArchiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-archive-'));
  const synthetic = join(dataDir, 'generated');
  const [webDir] = await Promise.all([buildWeb(join(dataDir, 'web')), writeSyntheticArchive(synthetic)]);
  const store = openStore(join(dataDir, 'archive.sqlite'));
  const ingest = await ingestPaths([CORPUS, synthetic], { store, jobs: 2 });
  const served = await serve(store, dataDir, webDir, ADMIN_TOKEN);
  return {
    base: served.base,
    store,
    ingest,
    webDir,
    dataDir,
    async stop() {
      await served.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
