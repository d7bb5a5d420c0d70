// Benchmark: the analytics on an archive of 5,000 generated protocols — time to build the aggregates, and
// p50/p95 latency of the trend and question endpoints over HTTP (loopback, one request at a time).
//
//   npm run bench:analytics -- [--protocols 5000] [--parse 144] [--requests 200]
//
// Generating and parsing 5,000 PDFs takes longer than this benchmark should (pdf.js reads ~80 pages/s per
// core), so it generates and parses `--parse` protocols through the real pipeline (6 förvaltningar × 24 months)
// and replicates the parsed records under further förvaltning names ("Farsta 2" …) up to `--protocols`, so every
// copy keeps its meeting calendar and its questions' follow-ups. The store is a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/pipeline.ts';
import { buildSnapshot } from '../../server/analytics/snapshot.ts';
import { createApp } from '../../server/app.ts';
import { storeWith } from '../analytics/archive-store.ts';
import { generateAndParse } from '../analytics/generated-archive.ts';

const { values } = parseArgs({
  options: {
    protocols: { type: 'string', default: '5000' },
    parse: { type: 'string', default: '144' },
    requests: { type: 'string', default: '200' },
  },
});
const wanted = Number(values.protocols);
const toParse = Number(values.parse);
const requests = Number(values.requests);

/** Copy `k` of a protocol: same meetings under the förvaltning name "<name> <k+1>", with bytes of its own. */
function replica(protocol: Protocol, k: number): Protocol {
  if (k === 0) return protocol;
  const forvaltning = `${protocol.meeting.forvaltning ?? 'Okänd'} ${k + 1}`;
  const digest = sha256(new TextEncoder().encode(`${protocol.source.sha256}:${k}`));
  return { ...protocol, source: { ...protocol.source, file: `${k}-${protocol.source.file}`, sha256: digest }, meeting: { ...protocol.meeting, forvaltning } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const started = performance.now();
  const from = '2024-01';
  const archive = await generateAndParse({ seed: 2026, forvaltningar: 6, from, to: '2025-12', protocols: toParse });
  const parseSeconds = (performance.now() - started) / 1000;
  const parsed = archive.parsed.map((p) => p.protocol);
  const protocols: Protocol[] = [];
  for (let k = 0; protocols.length < wanted; k++) {
    for (const p of parsed) if (protocols.length < wanted) protocols.push(replica(p, k));
  }

  const dir = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
  const store = await storeWith(protocols, join(dir, 'archive.sqlite'));
  const sections = protocols.reduce((n, p) => n + p.sections.length, 0);
  const questions = protocols.reduce((n, p) => n + p.questions.length, 0);

  const builds: number[] = [];
  for (let i = 0; i < 3; i++) builds.push((await buildSnapshot(store)).buildMs);

  const app = await createApp({ store, dataDir: dir, log: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const get = async (path: string) => {
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  };
  const firstAnswer = performance.now();
  await get('/topics');
  const firstAnswerMs = performance.now() - firstAnswer;
  // Let other route modules finish their own start-up work before timing.
  await fetch(`${base}/search?q=budget`).catch(() => undefined);

  const someQuestion = (await (await fetch(`${base}/questions?status=answered_later&pageSize=1`)).json()) as { questions: Array<{ id: string }> };
  const enc = encodeURIComponent;
  const endpoints: Array<[string, string]> = [
    ['trends, one topic by förvaltning', `/trends?topic=${enc('hot och våld')}&period=quarter`],
    ['trends, one förvaltning by party', `/trends?topic=${enc('sjukfrånvaro')}&by=party&period=month&forvaltning=${enc(parsed[0].meeting.forvaltning ?? '')}`],
    ['trends, all topics, year', `/trends?period=year`],
    ['trends/matrix, date range', `/trends/matrix?from=2025-01&to=2025-12`],
    ['emerging, quarter', `/emerging?period=quarter`],
    ['questions, open', `/questions?status=open`],
    ['questions, party + words', `/questions?party=Vision&q=${enc('hot')}`],
    ['questions/:id', `/questions/${enc(someQuestion.questions[0]?.id ?? 'x')}`],
    ['questions/over-time', `/questions/over-time?period=quarter`],
  ];
  const rows: Array<{ endpoint: string; p50: number; p95: number; max: number }> = [];
  for (const [name, path] of endpoints) {
    for (let i = 0; i < 10; i++) await get(path);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      await get(path);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({ endpoint: name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] });
  }
  const csv = performance.now();
  await get('/questions.csv');
  const csvMs = performance.now() - csv;

  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const ms = (x: number) => x.toFixed(1).padStart(8);
  console.log(`archive: ${protocols.length} protocols (${parsed.length} generated and parsed in ${parseSeconds.toFixed(1)} s, ${archive.failures.length} failed, replicated), ${sections} sections, ${questions} questions`);
  console.log(`aggregate build: ${builds.map((b) => `${b} ms`).join(', ')} (3 runs); first answer after start: ${firstAnswerMs.toFixed(0)} ms`);
  console.log(`\n${'endpoint'.padEnd(36)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'max ms'.padStart(8)}   (${requests} sequential requests each)`);
  for (const r of rows) console.log(`${r.endpoint.padEnd(36)}${ms(r.p50)}${ms(r.p95)}${ms(r.max)}`);
  console.log(`\nquestions.csv (all ${questions} questions, once): ${csvMs.toFixed(0)} ms`);
}

await main();
