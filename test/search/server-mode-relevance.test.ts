// The judged Swedish queries (judged-queries.json) in server mode: the four corpus PDFs ingested into a
// PostgreSQL archive by the real ingest runner, searched through a node's /api/search, with the same floors as
// embedded mode (relevance.test.ts): recall@10 ≥ 0.9 and MRR ≥ 0.7. A second node started on the same database
// loads the index the first one shared instead of building its own, and answers the same.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import judged from './judged-queries.json' with { type: 'json' };
import { ingestFiles } from '../../ingest/run/ingest.ts';
import { openPostgresStore, type PostgresStore } from '../../ingest/store/postgres.ts';
import type { SearchFilters } from '../../server/search/engine.ts';
import { createApp, type App } from '../../server/app.ts';
import { publishShared, restoreShared } from '../../server/shared-snapshots.ts';
import { pgUnavailable, startCluster, type Cluster } from '../pg-cluster.ts';
import { CORPUS_DIR, CORPUS_FILES } from './corpus-records.ts';

interface Judged {
  query: string;
  filters?: SearchFilters;
  relevant: Record<string, string[]>;
}

const queries = judged.queries as Judged[];
const work = mkdtempSync(join(tmpdir(), 'server-relevance-'));
let cluster: Cluster | undefined;
let store: PostgresStore;
const protocolIds = new Map<string, string>();
const nodes: Array<{ app: App; server: Server; base: string }> = [];

async function startNode(dataDir: string) {
  const app = await createApp({ store, dataDir, log: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const node = { app, server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}/api` };
  nodes.push(node);
  return node;
}

async function topIds(base: string, q: Judged): Promise<string[]> {
  const params = new URLSearchParams({ q: q.query, pageSize: '10' });
  for (const [key, value] of Object.entries(q.filters ?? {})) params.set(key, String(value));
  const res = await fetch(`${base}/search?${params}`);
  expect(res.status, q.query).toBe(200);
  return ((await res.json()) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
}

describe.skipIf(pgUnavailable)(`judged Swedish queries in server mode${pgUnavailable ? ` (skipped: ${pgUnavailable})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
    store = await openPostgresStore(await cluster.createDatabase('relevance'));
    const report = await ingestFiles(CORPUS_FILES.map((name) => ({ path: join(CORPUS_DIR, `${name}.pdf`) })), { store, jobs: 1 });
    for (const [i, name] of CORPUS_FILES.entries()) {
      const result = report.results[i];
      if (result.status !== 'ingested') throw new Error(`${name} was not ingested`);
      protocolIds.set(name, result.protocolId);
    }
  }, 300_000);

  afterAll(async () => {
    for (const node of nodes) {
      node.server.close();
      await node.app.close();
    }
    await store?.close();
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds the judged sections: recall@10 ≥ 0.9 and MRR ≥ 0.7, and a second node answers the same from the shared index', async () => {
    const first = await startNode(join(work, 'node-a'));
    let recall = 0;
    let mrr = 0;
    const answers: string[][] = [];
    for (const q of queries) {
      const relevant = new Set(Object.entries(q.relevant).flatMap(([file, numbers]) => numbers.map((n) => `${protocolIds.get(file)}#${n}`)));
      const top = await topIds(first.base, q);
      answers.push(top);
      recall += top.filter((id) => relevant.has(id)).length / relevant.size;
      const rank = top.findIndex((id) => relevant.has(id));
      mrr += rank < 0 ? 0 : 1 / (rank + 1);
    }
    recall /= queries.length;
    mrr /= queries.length;
    console.log(`server mode, judged queries: ${queries.length}, recall@10 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(mrr).toBeGreaterThanOrEqual(0.7);

    expect(await publishShared(store, join(work, 'node-a'))).toBe(true);
    expect(await restoreShared(store, join(work, 'node-b'))).toBe(true);
    const second = await startNode(join(work, 'node-b'));
    for (const [i, q] of queries.entries()) expect(await topIds(second.base, q), q.query).toEqual(answers[i]);
  });
});
