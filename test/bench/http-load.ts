// The benchmarks' HTTP side: the query mix sent to /api/search, the 32-connection load (autocannon) with its
// percentiles, and starting/stopping server processes — shared by the embedded (server.ts) and the server-mode
// (server-pg.ts) benchmarks.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface HttpFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** The query mix sent under load: words, compounds, a phrase, an abbreviation, a typo, with and without filters. */
export const QUERIES: Record<string, string>[] = [
  { q: 'sjukfrånvaro' },
  { q: 'hot och våld' },
  { q: 'friskfaktor' },
  { q: '"skyddsrond"' },
  { q: 'SAM' },
  { q: 'budget', party: 'Saco' },
  { q: 'sjukfrånvarro' },
  { q: 'arbetsmiljö', from: '2024-01-01', to: '2024-12-31' },
  { q: 'kompetensförsörjning', status: 'deferred' },
  { q: 'samverkan', sort: 'date' },
];

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function waitForServer(child: ChildProcess): Promise<string> {
  return new Promise((resolvePort, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(err);
      if (m) resolvePort(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err.slice(-500)}`)));
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/**
 * The i-th variant of a query that finds what the query finds but is a search of its own: a date bound moved
 * by i days, outside the archive's dates (2024-2025) — a later upper bound, or an earlier lower bound when the
 * query has its own range.
 */
function freshVariant(query: Record<string, string>, i: number): Record<string, string> {
  const shifted = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
  if (query.from) return { ...query, from: shifted(query.from, -i) };
  return { ...query, to: shifted('2090-01-01', i) };
}

/**
 * @param pages the mix over this many pages (page 1 only by default)
 * @param fresh every request a search not asked before (freshVariant), instead of the mix repeated
 */
export async function load(base: string, connections: number, seconds: number, pages = 1, fresh = false): Promise<HttpFigures> {
  // Page by page through the mix, in one order shared by all connections (autocannon would walk a request list
  // per connection, in step, so that they answer each other from the cache): with more distinct searches than
  // the cache holds, each is evicted before it comes round again.
  const mix = Array.from({ length: pages }, (_, i) => QUERIES.map((q) => (i === 0 ? q : { ...q, page: String(i + 1) }))).flat();
  const paths = mix.map((q) => `/api/search?${new URLSearchParams(q)}`);
  let next = 0;
  const pathOf = (n: number) => (fresh ? `/api/search?${new URLSearchParams(freshVariant(QUERIES[n % QUERIES.length], Math.floor(n / QUERIES.length)))}` : paths[n % paths.length]);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        // Paths must be percent-encoded: autocannon drops requests whose path has raw å/ä/ö without an error.
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pathOf(next++) }) }],
      },
      (err, res) => (err ? fail(err) : done(res)),
    );
    // autocannon reports p2.5/p50/p97.5 percentiles but not p95: keep every latency to compute it.
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p95Ms: +percentile(latencies, 95).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

