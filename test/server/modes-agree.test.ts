// The same archive served embedded (SQLite) and in server mode (PostgreSQL) gives the same answers: analytics
// (trends, emerging subjects, question follow-up), the protocol list and search. A generated archive is parsed
// by the real pipeline once and saved into both stores; every endpoint's JSON is compared.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../ingest/store/postgres.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, IngestOutcome } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { generateAndParse } from '../analytics/generated-archive.ts';
import { pgUnavailable, startCluster, type Cluster } from '../pg-cluster.ts';

interface Served {
  store: ArchiveStore;
  app: App;
  server: Server;
  base: string;
}

let cluster: Cluster | undefined;
const work = mkdtempSync(join(tmpdir(), 'modes-agree-'));
const served: Served[] = [];

async function serve(store: ArchiveStore, dataDir: string): Promise<Served> {
  const app = await createApp({ store, dataDir, log: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return { store, app, server, base: `http://127.0.0.1:${port}/api` };
}

describe.skipIf(pgUnavailable)(`embedded and server mode on the same archive${pgUnavailable ? ` (skipped: ${pgUnavailable})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
    const archive = await generateAndParse({ seed: 5, forvaltningar: 2, from: '2025-01', to: '2025-12' });
    const outcomes: IngestOutcome[] = archive.parsed.map(({ protocol }) => ({
      ok: true,
      protocol,
      source: { path: protocol.source.file, sha256: protocol.source.sha256, size: 1, pages: protocol.source.pages },
    }));
    const sqlite = openStore(join(work, 'archive.sqlite'));
    const postgres = await openPostgresStore(await cluster.createDatabase('agree'));
    for (const store of [sqlite, postgres]) await store.saveOutcomes(outcomes, 'test');
    served.push(await serve(sqlite, join(work, 'embedded')), await serve(postgres, join(work, 'server')));
  }, 300_000);

  afterAll(async () => {
    for (const s of served) {
      s.server.close();
      await s.app.close();
      await s.store.close();
    }
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    '/topics',
    '/trends',
    '/trends?period=month',
    '/trends/matrix',
    '/emerging',
    '/emerging?period=month',
    '/questions?pageSize=100',
    '/questions?status=deferred&pageSize=100',
    '/questions/over-time',
    '/questions.csv',
    '/protocols',
    '/search?q=arbetsmilj%C3%B6&pageSize=20',
    '/search?q=sjukfr%C3%A5nvaro&sort=date',
  ])('answers %s the same', async (path) => {
    const [embedded, server] = await Promise.all(served.map(async (s) => {
      const res = await fetch(s.base + path);
      expect(res.status, path).toBe(200);
      return res.headers.get('content-type')?.includes('json') ? stripTimes(await res.json()) : await res.text();
    }));
    expect(JSON.stringify(embedded).length).toBeGreaterThan(50);
    expect(server).toEqual(embedded);
  });

  it('follows every question up the same way', async () => {
    const { questions } = (await (await fetch(`${served[0].base}/questions?pageSize=100`)).json()) as { questions: Array<{ id: string }> };
    expect(questions.length).toBeGreaterThan(10);
    for (const { id } of questions.slice(0, 25)) {
      const [a, b] = await Promise.all(served.map(async (s) => stripTimes(await (await fetch(`${s.base}/questions/${id}`)).json())));
      expect(b).toEqual(a);
    }
  });
});

/** Ingestion times and build durations differ between the two saves; everything else must not. */
function stripTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => !['ingestedAt', 'buildMs', 'tookMs'].includes(key)).map(([k, v]) => [k, stripTimes(v)]),
    );
  }
  return value;
}
