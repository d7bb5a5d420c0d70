// `npm run bench`: every benchmark in one run — ingest vs pdftotext, search vs SQLite FTS5, analytics endpoints,
// and the server's cold start and HTTP load — each in a process of its own (so RSS figures are its own), then
// one JSON file with all figures (data/bench/latest.json) and a summary of the ratios we compare across machines.
//
//   npm run bench [-- --quick]      --quick: smaller sizes, for a try-out in a minute or two
//
// Prerequisites: `apt-get install poppler-utils` for the pdftotext reference (its rows are skipped without it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Part {
  name: string;
  script: string;
  args: string[];
  env?: Record<string, string>;
  /** Where the part writes its figures when it does not take --out. */
  writes?: string;
}

function parts(quick: boolean): Part[] {
  return [
    { name: 'ingest', script: 'test/bench/ingest.ts', args: ['--files', quick ? '100' : '1000'] },
    { name: 'search', script: 'test/bench/search.ts', args: [], env: quick ? { BENCH_SIZES: '10000' } : {}, writes: join(ROOT, 'data', 'bench', 'search.json') },
    { name: 'analytics', script: 'test/bench/analytics.ts', args: quick ? ['--protocols', '1000'] : [] },
    { name: 'server', script: 'test/bench/server.ts', args: quick ? ['--protocols', '2000', '--seconds', '5'] : [] },
  ];
}

/** Runs one benchmark script; its table goes straight to the terminal, its figures come back from --out. */
function runPart(part: Part, outDir: string): unknown {
  const out = part.writes ?? join(outDir, `${part.name}.json`);
  const args = part.writes ? part.args : [...part.args, '--out', out];
  process.stdout.write(`\n=== ${part.name} ===\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, part.script), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...part.env },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) {
    process.stdout.write(`${part.name}: failed (exit ${run.status}) after ${seconds} s\n`);
    return { error: `exit ${run.status}` };
  }
  process.stdout.write(`${part.name}: done in ${seconds} s\n`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const outDir = mkdtempSync(join(tmpdir(), 'bench-'));
const results: Record<string, unknown> = {};
for (const part of parts(values.quick)) results[part.name] = runPart(part, outDir);

const report = {
  when: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  quick: values.quick,
  ...results,
};
const latest = join(ROOT, 'data', 'bench', 'latest.json');
mkdirSync(dirname(latest), { recursive: true });
writeFileSync(latest, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\nAll figures: ${latest}\n`);
