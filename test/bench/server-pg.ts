// Benchmark: server mode on PostgreSQL (`npm run bench:server -- --pg`). On a throwaway cluster, with the same
// replicated archive as the embedded benchmark (server.ts): the first node's start (builds the index and shares it
// through the database), a fresh node's start up to its first search (loads the shared index), /api/search under
// the same 32-connection loads against one node and against two nodes on one database (16 connections each),
// ingest pages/s through the job queue with one and with two workers, and the database's size per table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive, planArchive } from '../../ingest/generate/archive.ts';
import { enqueueIngest } from '../../ingest/jobs/ingest-job.ts';
import { JobQueue } from '../../ingest/jobs/queue.ts';
import { openPostgresStore, type PostgresStore } from '../../ingest/store/postgres.ts';
import type { IngestOutcome } from '../../ingest/store/types.ts';
import { generateAndParse } from '../analytics/generated-archive.ts';
import { startCluster } from '../pg-cluster.ts';
import { replicateArchive } from './replicate.ts';
import { load, QUERIES, rssMb, stop, waitForServer, type HttpFigures } from './http-load.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerPgBench {
  protocols: number;
  sections: number;
  saveSeconds: number;
  firstNodeStartSeconds: number;
  freshNodeFirstSearchSeconds: number;
  freshNodeRssMb: number;
  oneNode: { cached: HttpFigures; fresh: HttpFigures };
  twoNodes: { cached: HttpFigures[]; fresh: HttpFigures[] };
  ingest: Array<{ workers: number; files: number; pages: number; seconds: number; pagesPerSecond: number }>;
  databaseMb: number;
  tablesMb: Record<string, number>;
  sharedIndexMb: number;
}

function startNode(url: string, cacheDir: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: '0', ADMIN_TOKEN: '', CACHE_DIR: cacheDir, SHARE_SNAPSHOTS_MS: '2000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The node's start-up phases, for the bench's log.
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`  node: ${chunk}`));
  return { child, ready: waitForServer(child) };
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'ingest/cli/worker.ts'), '--jobs', '1'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

async function waitForJobs(store: PostgresStore, ids: number[]): Promise<number> {
  for (;;) {
    const { rows } = await store.pool.query<{ pending: number; pages: number }>(
      `SELECT count(*) FILTER (WHERE state IN ('queued', 'running'))::int AS pending,
              coalesce(sum((result->>'pages')::int) FILTER (WHERE result->>'status' = 'ingested'), 0)::int AS pages
       FROM jobs WHERE id = ANY($1)`,
      [ids],
    );
    if (rows[0].pending === 0) return rows[0].pages;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function enqueueGenerated(store: PostgresStore, seed: number, count: number): Promise<number[]> {
  const queue = new JobQueue(store.pool);
  const ids: number[] = [];
  const plan = planArchive({ seed, forvaltningar: 2, from: '2023-01', to: '2025-12', protocols: count });
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  for await (const g of generateArchive(plan)) files.push({ path: `${seed}/${g.file}`, bytes: g.bytes });
  for (const file of files) ids.push(await enqueueIngest(store, queue, file));
  return ids;
}

async function ingestWith(store: PostgresStore, url: string, workers: number, seed: number, files: number) {
  const children = Array.from({ length: workers }, () => startWorker(url));
  try {
    // Warm-up: each worker loads pdf.js and the parser with its first file; that start is not parse speed.
    await waitForJobs(store, await enqueueGenerated(store, seed + 1000, workers * 2));
    const ids = await enqueueGenerated(store, seed, files);
    const started = performance.now();
    const pages = await waitForJobs(store, ids);
    const seconds = (performance.now() - started) / 1000;
    return { workers, files, pages, seconds: +seconds.toFixed(1), pagesPerSecond: +(pages / seconds).toFixed(1) };
  } finally {
    for (const child of children) await stop(child);
  }
}

export async function benchServerPg(options: { protocols: number; parse: number; seconds: number; connections: number }): Promise<ServerPgBench> {
  const cluster = await startCluster();
  const cache = mkdtempSync(join(tmpdir(), 'bench-server-pg-'));
  const nodes: ChildProcess[] = [];
  try {
    const url = await cluster.createDatabase('bench');
    const store = await openPostgresStore(url);
    process.stderr.write(`parsing ${options.parse} generated protocols and replicating to ${options.protocols}…\n`);
    const archive = await generateAndParse({ seed: 7, forvaltningar: 6, from: '2024-01', to: '2025-12', protocols: options.parse });
    const protocols = replicateArchive(archive.parsed.map((p) => p.protocol), options.protocols);
    const saving = performance.now();
    for (let i = 0; i < protocols.length; i += 250) {
      const outcomes: IngestOutcome[] = protocols.slice(i, i + 250).map((protocol) => ({
        ok: true,
        protocol,
        source: { path: protocol.source.file, sha256: protocol.source.sha256, size: 1, pages: protocol.source.pages },
      }));
      await store.saveOutcomes(outcomes, 'bench');
    }
    const saveSeconds = (performance.now() - saving) / 1000;
    const sections = protocols.reduce((n, p) => n + p.sections.length, 0);

    process.stderr.write('first node (builds the index and shares it)…\n');
    let started = performance.now();
    const first = startNode(url, cache);
    nodes.push(first.child);
    const a = await first.ready;
    const firstNodeStartSeconds = (performance.now() - started) / 1000;
    await fetch(`${a}/api/topics`);
    // The analytics snapshot is shared by the next periodic publish (SHARE_SNAPSHOTS_MS=2000).
    await new Promise((r) => setTimeout(r, 6000));

    process.stderr.write('fresh node (loads the shared index)…\n');
    started = performance.now();
    const second = startNode(url, cache);
    nodes.push(second.child);
    const b = await second.ready;
    const probe = await fetch(`${b}/api/search?${new URLSearchParams(QUERIES[0])}`);
    if (!probe.ok) throw new Error(`/api/search answered ${probe.status}`);
    const freshNodeFirstSearchSeconds = (performance.now() - started) / 1000;
    const freshNodeRssMb = rssMb(second.child.pid!);

    process.stderr.write('load against one node…\n');
    const oneNode = {
      cached: await load(a, options.connections, options.seconds),
      fresh: await load(a, options.connections, options.seconds, 1, true),
    };
    process.stderr.write('load against two nodes…\n');
    const half = Math.max(1, options.connections / 2);
    const twoNodes = {
      cached: await Promise.all([load(a, half, options.seconds), load(b, half, options.seconds)]),
      fresh: await Promise.all([load(a, half, options.seconds, 1, true), load(b, half, options.seconds, 1, true)]),
    };
    for (const child of nodes.splice(0)) await stop(child);

    process.stderr.write('ingest through the queue with one and two workers…\n');
    const ingest = [await ingestWith(store, url, 1, 301, 24), await ingestWith(store, url, 2, 302, 24)];

    const { rows: size } = await store.pool.query<{ mb: number }>('SELECT pg_database_size(current_database()) / 1048576.0 AS mb');
    const { rows: tables } = await store.pool.query<{ name: string; mb: number }>(
      `SELECT relname AS name, pg_total_relation_size(oid) / 1048576.0 AS mb FROM pg_class
       WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC`,
    );
    const { rows: shared } = await store.pool.query<{ mb: number }>('SELECT coalesce(sum(length(bytes)), 0) / 1048576.0 AS mb FROM derived_files');
    await store.close();
    return {
      protocols: protocols.length,
      sections,
      saveSeconds: +saveSeconds.toFixed(1),
      firstNodeStartSeconds: +firstNodeStartSeconds.toFixed(2),
      freshNodeFirstSearchSeconds: +freshNodeFirstSearchSeconds.toFixed(2),
      freshNodeRssMb,
      oneNode,
      twoNodes,
      ingest,
      databaseMb: Math.round(Number(size[0].mb)),
      tablesMb: Object.fromEntries(tables.map((t) => [t.name, +Number(t.mb).toFixed(1)])),
      sharedIndexMb: +Number(shared[0].mb).toFixed(1),
    };
  } finally {
    for (const child of nodes) await stop(child);
    cluster.destroy();
    rmSync(cache, { recursive: true, force: true });
  }
}

export function printServerPgBench(b: ServerPgBench): void {
  const line = (label: string, h: HttpFigures) =>
    console.log(`  ${label}: ${h.requestsPerSecond} req/s, p50 ${h.p50Ms} ms, p95 ${h.p95Ms} ms, p99 ${h.p99Ms} ms (${h.connections} connections, ${h.errors} errors, ${h.non2xx} non-2xx)`);
  const sum = (hs: HttpFigures[]) => hs.reduce((n, h) => n + h.requestsPerSecond, 0);
  console.log(`\nServer mode (PostgreSQL) on ${b.protocols} protocols (${b.sections} sections), saved in ${b.saveSeconds} s`);
  console.log(`  first node start (index built and shared): ${b.firstNodeStartSeconds} s`);
  console.log(`  fresh node, start to first search (shared index loaded): ${b.freshNodeFirstSearchSeconds} s, RSS ${b.freshNodeRssMb} MiB`);
  line('one node, repeated mix', b.oneNode.cached);
  line('one node, every search new', b.oneNode.fresh);
  b.twoNodes.cached.forEach((h, i) => line(`two nodes, repeated mix, node ${i + 1}`, h));
  b.twoNodes.fresh.forEach((h, i) => line(`two nodes, every search new, node ${i + 1}`, h));
  console.log(`  two nodes / one node, req/s: repeated ${(sum(b.twoNodes.cached) / b.oneNode.cached.requestsPerSecond).toFixed(2)}×, new searches ${(sum(b.twoNodes.fresh) / b.oneNode.fresh.requestsPerSecond).toFixed(2)}×`);
  for (const i of b.ingest) console.log(`  ingest, ${i.workers} worker(s): ${i.files} files, ${i.pages} pages in ${i.seconds} s = ${i.pagesPerSecond} pages/s`);
  console.log(`  database ${b.databaseMb} MB; shared index + analytics ${b.sharedIndexMb} MB; tables (MB): ${JSON.stringify(b.tablesMb)}`);
}
