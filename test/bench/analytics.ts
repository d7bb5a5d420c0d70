// Benchmark: the analytics on an archive of 5,000 generated protocols — time to build the aggregates, time from
// start to the first analytics answer, and p50/p95 latency of the trend and question endpoints over HTTP
// (loopback, one request at a time), for queries seen for the first time (computed, except the default views the
// server prepares after each build) and repeated (remembered).
//
//   npm run bench:analytics -- [--protocols 5000] [--rounds 2]
//
// Generating and parsing 5,000 PDFs takes longer than this benchmark should (pdf.js reads ~80 pages/s per core),
// so it generates 144 protocols (6 förvaltningar × 24 months), parses them through the real pipeline, and
// replicates the parsed records into the shape the generator plans for 5,000 protocols: 66 förvaltningar
// ("Farsta 2" … "Farsta 11") with histories going back in two-year steps to 2018. Every copy keeps its meeting
// calendar, topics and questions' follow-ups. The store is a real SQLite file; the app is the real createApp.
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot } from '../../server/analytics/snapshot.ts';
import { createApp } from '../../server/app.ts';
import { analyticsRoutes } from '../../server/routes/analytics.ts';
import { storeWith } from '../analytics/archive-store.ts';
import { generateAndParse } from '../analytics/generated-archive.ts';
import { replicateArchive } from './replicate.ts';

const { values } = parseArgs({
  options: { protocols: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '2' }, out: { type: 'string' } },
});
const wanted = Number(values.protocols);
const rounds = Number(values.rounds);
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` };
}

/** Start-up of the analytics alone: from creating the routes to the first answer, on a bare express app. */
async function analyticsStart(store: ArchiveStore, dataDir: string): Promise<number> {
  const started = performance.now();
  const app = express();
  app.set('query parser', 'simple');
  app.use('/api', (await analyticsRoutes({ store, dataDir, log: false })).router);
  const { server, base } = await listen(app);
  await (await fetch(`${base}/topics`)).arrayBuffer();
  const ms = performance.now() - started;
  await new Promise((resolve) => server.close(resolve));
  return ms;
}

async function main(): Promise<void> {
  const started = performance.now();
  const archive = await generateAndParse({ seed: 2026, forvaltningar: 6, from: '2024-01', to: '2025-12' });
  const parseSeconds = (performance.now() - started) / 1000;
  const parsed = archive.parsed.map((p) => p.protocol);
  const protocols = replicateArchive(parsed, wanted);
  const dir = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
  const store = await storeWith(protocols, join(dir, 'archive.sqlite'));
  const sections = protocols.reduce((n, p) => n + p.sections.length, 0);
  const questions = protocols.reduce((n, p) => n + p.questions.length, 0);
  const forvaltningar = [...new Set(protocols.map((p) => p.meeting.forvaltning ?? ''))];

  const builds: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < 3; i++) {
    const cpu = process.cpuUsage();
    const { buildMs } = await buildSnapshot(store);
    const used = process.cpuUsage(cpu);
    builds.push({ wall: buildMs, cpu: Math.round((used.user + used.system) / 1000) });
  }
  const startMs = await analyticsStart(store, dir);
  // Again, now that the first start saved its snapshot beside the archive.
  const restartMs = await analyticsStart(store, dir);
  const savedMb = statSync(join(dir, 'analytics-snapshot.json')).size / 1e6;

  const appStarted = performance.now();
  const app = await createApp({ store, dataDir: dir, log: false });
  const appMs = performance.now() - appStarted;
  const { server, base } = await listen(app.app);
  await (await fetch(`${base}/topics`)).arrayBuffer();

  const enc = encodeURIComponent;
  const snapshot = await buildSnapshot(store);
  const topics = snapshot.trends.topicIds();
  const parties = ['Vision', 'Kommunal', 'Akademikerförbundet SSR', 'Saco', 'Sveriges Lärare', 'Ledarna'];
  const years = ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
  const words = ['hot', 'budget', 'sjukfrånvaro', 'schema', 'rekrytering', 'lokaler', 'friskfaktorer', 'utbildning', 'heltid', 'IA'];
  const ids = snapshot.questions.filter((_, i) => i % 97 === 0).map((q) => q.id);
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  const classes: Array<[string, string[]]> = [
    ['trends: topic × period × by', topics.flatMap((t) => ['month', 'quarter', 'year'].flatMap((p) => ['forvaltning', 'party'].map((by) => `/trends?topic=${enc(t)}&period=${p}&by=${by}`)))],
    ['trends: förvaltning + range', forvaltningar.slice(0, 60).map((f, i) => `/trends?topic=${enc(pick(topics, i))}&forvaltning=${enc(f)}&from=${pick(years, i)}-01&to=2025-12&period=month`)],
    ['trends: all topics', ['month', 'quarter', 'year'].map((p) => `/trends?period=${p}`)],
    ['trends/matrix: year range', years.flatMap((a) => years.filter((b) => b >= a).map((b) => `/trends/matrix?from=${a}&to=${b}`))],
    ['emerging', ['month', 'quarter', 'year'].map((p) => `/emerging?period=${p}`)],
    ['questions: filters, page 1', forvaltningar.slice(0, 30).flatMap((f, i) => [`/questions?forvaltning=${enc(f)}&status=open`, `/questions?party=${enc(pick(parties, i))}&status=${pick(['answered', 'deferred', 'open'], i)}&from=${pick(years, i)}`])],
    ['questions: free text', words.flatMap((w) => [`/questions?q=${enc(w)}`, `/questions?q=${enc(w)}&status=open&page=2`])],
    ['questions/:id', ids.map((id) => `/questions/${enc(id)}`)],
    ['questions/over-time', ['month', 'quarter', 'year'].flatMap((p) => ['', ...parties].map((party) => `/questions/over-time?period=${p}${party ? `&party=${enc(party)}` : ''}`))],
  ];

  const table: Array<{ name: string; queries: number; first: number[]; repeated: number[] }> = [];
  for (const [name, paths] of classes) {
    const row = { name, queries: paths.length, first: [] as number[], repeated: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      for (const path of paths) {
        const t = performance.now();
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        (round === 0 ? row.first : row.repeated).push(performance.now() - t);
      }
    }
    table.push(row);
  }
  const csvStarted = performance.now();
  await (await fetch(`${base}/questions.csv`)).arrayBuffer();
  const csvMs = performance.now() - csvStarted;

  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const ms = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1)).padStart(9);
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? [percentile(sorted, 50), percentile(sorted, 95)] : [undefined, undefined];
  };
  console.log(
    `archive: ${protocols.length} protocols in ${forvaltningar.length} förvaltningar (${parsed.length} generated and parsed in ${parseSeconds.toFixed(1)} s, ` +
      `${archive.failures.length} failed, then replicated), ${sections} sections, ${questions} questions`,
  );
  console.log(`aggregate build (3 runs, including reading the store): ${builds.map((b) => `${b.wall} ms wall / ${b.cpu} ms CPU`).join(', ')}`);
  console.log(
    `analytics start to first answer: ${startMs.toFixed(0)} ms building, ${restartMs.toFixed(0)} ms from the saved snapshot ` +
      `(${savedMb.toFixed(1)} MB); ` +
      `whole createApp (search index included): ${appMs.toFixed(0)} ms`,
  );
  console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`\n${'endpoint'.padEnd(30)}${'queries'.padStart(8)}${'first p50'.padStart(10)}${'first p95'.padStart(10)}${'again p50'.padStart(10)}${'again p95'.padStart(10)}   ms`);
  for (const r of table) {
    const [f50, f95] = stats(r.first);
    const [a50, a95] = stats(r.repeated);
    console.log(`${r.name.padEnd(30)}${String(r.queries).padStart(8)} ${ms(f50)} ${ms(f95)} ${ms(a50)} ${ms(a95)}`);
  }
  console.log(`\nquestions.csv (all ${questions} questions, once): ${csvMs.toFixed(0)} ms`);
  if (values.out) {
    const endpoints = table.map((r) => ({ name: r.name, queries: r.queries, firstP50P95: stats(r.first), repeatedP50P95: stats(r.repeated) }));
    const figures = { protocols: protocols.length, sections, questions, builds, startMs, restartMs, appMs, endpoints, csvMs };
    writeFileSync(values.out, `${JSON.stringify(figures, null, 2)}\n`);
  }
}

await main();
