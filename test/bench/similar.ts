// Benchmark of "Liknande frågor": a generated archive (`npm run generate`, N protocols) ingested by the real batch
// ingest with the neighbour computation on, reporting how much of the ingest time the neighbours took; then the
// server on that archive and the latency of GET /api/questions/:id/similar for random questions, one request at a
// time and 16 at once, and of GET /api/questions/answered-elsewhere for a page of 20 questions.
//
//   npm run bench:similar [-- --protocols 10000] [--keep DIR] [--out FILE]
//     --keep DIR: generate and ingest into DIR once, and reuse them on later runs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import { createApp } from '../../server/app.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values } = parseArgs({
  options: {
    protocols: { type: 'string', default: '10000' },
    keep: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'data', 'bench', 'similar.json') },
  },
});
const protocols = Number(values.protocols);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'bench-similar-'));
const pdfs = join(dir, 'pdfs');
const db = join(dir, 'archive.sqlite');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

let ingest: { protocols: number; seconds: number; similarSeconds: number } | null = null;
if (!existsSync(db)) {
  mkdirSync(pdfs, { recursive: true });
  const span = Math.max(1, Math.ceil(protocols / (12 * 12 * 0.9)));
  const from = `${2026 - span}-01`;
  process.stdout.write(`generating ${protocols} protocols into ${pdfs} …\n`);
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'ingest/cli/generate.ts'), '--out', pdfs, '--seed', '42', '--forvaltningar', '12', '--from', from, '--to', '2025-12', '--protocols', String(protocols)],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (generated.status !== 0) throw new Error('npm run generate failed');
  process.stdout.write('ingesting …\n');
  const store = openStore(db);
  const report = await ingestPaths([pdfs], { store, jobs: 2 });
  await store.close();
  ingest = { protocols: report.ingested, seconds: report.elapsedMs / 1000, similarSeconds: report.similarMs / 1000 };
  process.stdout.write(`ingested ${report.ingested} protocols in ${ingest.seconds.toFixed(1)} s, of which similar questions ${ingest.similarSeconds.toFixed(1)} s\n`);
}

const store = openStore(db);
const { questions: questionCount } = await store.counts();
const ids = (await store.questions()).map((q) => q.id);
const app = await createApp({ store, dataDir: dir, log: false });
const server = await new Promise<Server>((resolveServer) => {
  const s = app.app.listen(0, '127.0.0.1', () => resolveServer(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
// Deterministic choice of questions, so runs compare.
let seed = 7;
const pick = () => ids[(seed = (seed * 48271) % 2147483647) % ids.length];

async function timed(path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return performance.now() - started;
}

// The first request waits for the analytics snapshot (status now, later answers): not what is measured here.
await timed(`/questions/${pick()}/similar`);
for (let i = 0; i < 200; i++) await timed(`/questions/${pick()}/similar`);

const sequential: number[] = [];
for (let i = 0; i < 2000; i++) sequential.push(await timed(`/questions/${pick()}/similar?limit=5`));

const concurrent: number[] = [];
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let i = 0; i < 200; i++) concurrent.push(await timed(`/questions/${pick()}/similar?limit=5`));
  }),
);

const elsewhere: number[] = [];
for (let i = 0; i < 200; i++) {
  const page = Array.from({ length: 20 }, pick).join(',');
  elsewhere.push(await timed(`/questions/answered-elsewhere?ids=${page}`));
}

const figures = {
  date: new Date().toISOString(),
  protocols: (await store.counts()).protocols,
  questions: questionCount,
  ingest,
  similar: summary(sequential),
  similarConcurrent16: summary(concurrent),
  answeredElsewherePage20: summary(elsewhere),
};
await new Promise((r) => server.close(r));
await app.close();
await store.close();
if (!values.keep) rmSync(dir, { recursive: true, force: true });
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(figures, null, 2)}\n`);

const f = (n: number) => n.toFixed(2).padStart(8);
process.stdout.write(`\n${figures.protocols} protocols, ${figures.questions} questions\n`);
process.stdout.write(`${'endpoint'.padEnd(44)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}\n`);
for (const [name, s] of [
  ['GET /questions/:id/similar, one at a time', figures.similar],
  ['GET /questions/:id/similar, 16 at once', figures.similarConcurrent16],
  ['GET /questions/answered-elsewhere, 20 ids', figures.answeredElsewherePage20],
] as const) {
  process.stdout.write(`${name.padEnd(44)}${f(s.p50)}${f(s.p95)}${f(s.p99)}\n`);
}
