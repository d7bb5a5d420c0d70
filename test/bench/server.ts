// Benchmark: the server at archive scale — cold start time and RSS of `npm start`'s server on an archive of
// N protocols (default 10,000), and /api/search under 32 concurrent connections on loopback (autocannon), three
// ways: the query mix repeated (answered from the response cache), the mix over pages 1-60 (each request ranked and
// cut anew from the matches the engine keeps per search), and every request a search not asked before.
//
//   npm run bench:server -- [--protocols 10000] [--parse 48] [--seconds 10] [--connections 32] [--out FILE] [--keep DIR]
//   npm run bench:server -- --pg [...]   server mode on a throwaway PostgreSQL cluster (server-pg.ts)
//
// --keep DIR builds the archive in DIR and leaves it there (for profiling the server on it); a DIR that already
// holds an archive.sqlite is reused as it is, skipping the parse.
//
// Parsing 10,000 PDFs would take longer than this benchmark should, so it parses `--parse` generated protocols
// through the real pipeline and replicates them under further förvaltning names up to `--protocols` (a real SQLite
// file). The server runs as its own process, exactly as `npm start` runs it: the first start builds and saves the
// search index and aggregates; the second start, which is timed, loads them.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { load, QUERIES, rssMb, stop, waitForServer, type HttpFigures } from './http-load.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateAndParse } from '../analytics/generated-archive.ts';
import { storeWith } from '../analytics/archive-store.ts';
import { replicateArchive } from './replicate.ts';
import { openStore } from '../../ingest/store/sqlite.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerBench {
  protocols: number;
  sections: number;
  firstStartSeconds: number;
  coldStartSeconds: number;
  coldStartRssMb: number;
  /** The first search after the cold start, which may still be warming caches. */
  firstSearchMs: number;
  rssAfterLoadMb: number;
  /** The query mix repeated, as users repeat searches: after the first round, answered from the server's cache. */
  http: HttpFigures;
  /**
   * The same queries over pages 1-60: more distinct requests than the response cache holds, so every one is
   * ranked and cut anew — from the matches the engine keeps for a search's further pages (match-cache.ts).
   */
  httpUncached: HttpFigures;
  /** Every request a search not asked before, so neither cache helps: the full cost of searching under load. */
  httpFresh: HttpFigures;
}

/** More than the server's cache of search answers holds (server/search/response-cache.ts). */
const UNCACHED_PAGES = 60;

/** Starts the server as `npm start` does (without the web build) and returns once the API answers. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = await waitForServer(child);
  const response = await fetch(`${base}/api/status`);
  if (!response.ok) throw new Error(`/api/status answered ${response.status}`);
  return { child, base, seconds: (performance.now() - started) / 1000 };
}

export async function benchServer(options: { protocols: number; parse: number; seconds: number; connections: number; keep?: string }): Promise<ServerBench> {
  const dataDir = options.keep ? resolve(options.keep) : mkdtempSync(join(tmpdir(), 'bench-server-'));
  try {
    const { protocols, sections } = await archiveIn(dataDir, options);

    process.stderr.write('first start (builds and saves the index)…\n');
    const first = await startServer(dataDir);
    await fetch(`${first.base}/api/search?${new URLSearchParams(QUERIES[0])}`);
    // The analytics snapshot is built after the server listens and saved when done; /api/topics answers once it
    // is. Stopped before that, the timed start would rebuild it (seconds of work blocking every request).
    await fetch(`${first.base}/api/topics`);
    await stop(first.child);

    process.stderr.write('cold start (loads the saved index)…\n');
    const cold = await startServer(dataDir);
    const coldStartRssMb = rssMb(cold.child.pid!);
    const firstQuery = performance.now();
    const probe = await fetch(`${cold.base}/api/search?${new URLSearchParams(QUERIES[0])}`);
    if (!probe.ok) throw new Error(`/api/search answered ${probe.status}: ${await probe.text()}`);
    const firstSearchMs = Math.round(performance.now() - firstQuery);
    process.stderr.write(`load: ${options.connections} connections for ${options.seconds} s…\n`);
    const http = await load(cold.base, options.connections, options.seconds);
    process.stderr.write(`load without cache hits: ${options.connections} connections for ${options.seconds} s…\n`);
    const httpUncached = await load(cold.base, options.connections, options.seconds, UNCACHED_PAGES);
    process.stderr.write(`load with every search new: ${options.connections} connections for ${options.seconds} s…\n`);
    const httpFresh = await load(cold.base, options.connections, options.seconds, 1, true);
    const rssAfterLoadMb = rssMb(cold.child.pid!);
    await stop(cold.child);
    return {
      protocols,
      sections,
      firstStartSeconds: +first.seconds.toFixed(2),
      coldStartSeconds: +cold.seconds.toFixed(2),
      coldStartRssMb,
      firstSearchMs,
      rssAfterLoadMb,
      http,
      httpUncached,
      httpFresh,
    };
  } finally {
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Writes the replicated archive into dataDir, unless a kept one is already there; its protocol and section counts. */
async function archiveIn(dataDir: string, options: { protocols: number; parse: number; keep?: string }): Promise<{ protocols: number; sections: number }> {
  const dbPath = join(dataDir, 'archive.sqlite');
  if (options.keep && existsSync(dbPath)) {
    process.stderr.write(`reusing the archive in ${dataDir}\n`);
    const store = openStore(dbPath);
    const counts = await store.counts();
    await store.close();
    return { protocols: counts.protocols, sections: counts.sections };
  }
  mkdirSync(dataDir, { recursive: true });
  process.stderr.write(`parsing ${options.parse} generated protocols and replicating to ${options.protocols}…\n`);
  const archive = await generateAndParse({ seed: 7, forvaltningar: 6, from: '2024-01', to: '2025-12', protocols: options.parse });
  const protocols = replicateArchive(archive.parsed.map((p) => p.protocol), options.protocols);
  const store = await storeWith(protocols, dbPath);
  await store.close();
  return { protocols: protocols.length, sections: protocols.reduce((n, p) => n + p.sections.length, 0) };
}

export function printServerBench(b: ServerBench): void {
  console.log(`\nServer on ${b.protocols} protocols (${b.sections} sections)`);
  console.log(`  first start (index built):  ${b.firstStartSeconds} s`);
  console.log(`  cold start (index loaded):  ${b.coldStartSeconds} s   RSS ${b.coldStartRssMb} MiB (after load test ${b.rssAfterLoadMb} MiB); first search ${b.firstSearchMs} ms`);
  const line = (label: string, h: HttpFigures) =>
    console.log(`  /api/search ${label}, ${h.connections} connections, ${h.seconds} s: ${h.requestsPerSecond} req/s, p50 ${h.p50Ms} ms, p95 ${h.p95Ms} ms, p99 ${h.p99Ms} ms (${h.requests} requests, ${h.errors} errors, ${h.non2xx} non-2xx)`);
  line('repeated mix (cached)', b.http);
  line('pages 1-60 of the mix (matches kept per search)', b.httpUncached);
  line('every search new (no cache helps)', b.httpFresh);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      protocols: { type: 'string', default: '10000' },
      parse: { type: 'string', default: '48' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      out: { type: 'string' },
      keep: { type: 'string' },
      pg: { type: 'boolean' },
    },
  });
  if (values.pg) {
    const { benchServerPg, printServerPgBench } = await import('./server-pg.ts');
    const pgResult = await benchServerPg({
      protocols: Number(values.protocols),
      parse: Number(values.parse),
      seconds: Number(values.seconds),
      connections: Number(values.connections),
    });
    printServerPgBench(pgResult);
    if (values.out) writeFileSync(values.out, JSON.stringify(pgResult, null, 2));
    process.exit(0);
  }
  const result = await benchServer({
    protocols: Number(values.protocols),
    parse: Number(values.parse),
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    keep: values.keep,
  });
  printServerBench(result);
  if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2));
}
