// `npm run bench:search`: the minisearch engine beside SQLite FTS5 on synthetic archives of 10,000 and
// 100,000 sections (corpus sections replicated with varied metadata). For each engine and size, in a fresh
// process so memory figures are its own: index build time and size on disk; load time and RSS in a process
// that only loads; then latency p50/p95/p99 of a fixed 15-query mix with and without filters (each search
// includes facets and snippets) with both engines in one process taking turns; and whether each engine
// finds compound words FTS5's tokens cannot. The minisearch engine runs as built by default, searching anew
// every time: the server's kept matches (match-cache.ts) would answer the repeated rounds without searching.
// What it keeps between searches is what any search reuses: each term's scored postings and each party's
// sections per term, until the index changes. BENCH_SIZES=10000 to run one size;
// BENCH_PROFILE=1 writes CPU profiles (node --cpu-prof) to data/bench/profiles. Figures also go to
// data/bench/search.json.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchEngine, SearchFilters, SearchRequest } from '../../server/search/engine.ts';
import { Fts5Engine } from '../../server/search/fts5-engine.ts';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import { wordSpans } from '../../ingest/lang/terms.ts';
import { corpusRecords } from '../search/corpus-records.ts';
import { syntheticSections } from './synthetic-sections.ts';

const QUERIES = [
  'sjukfrånvaro', 'friskfaktor', 'våld', 'hot och våld', 'SAM', 'MBL', 'budget i balans', '"hot och våld"',
  'sjukfrånvarro', 'arbetsgivaren svarar', 'socialsekreterare handlingsplan', 'skyddsronder förskola',
  'informationssäkerhetsklassning', 'samverkan', 'friskvårdsbidrag',
];
const FILTERS: SearchFilters[] = [
  { forvaltning: 'Skärholmen' },
  { party: 'Akademikerförbundet SSR' },
  { from: '2024-01-01', to: '2024-12-31' },
  { body: 'förvaltningsgrupp', forvaltning: 'Bromma' },
];
/** Queries that corpus sections contain only inside compounds (friskfaktor in "friskfaktorsinventering"). */
const COMPOUNDS = ['friskfaktor', 'våld', 'frånvaro', 'säkerhetsklassning', 'friskvård'];
const ROUNDS = 20;

interface BuildFigures {
  buildMs: number;
  diskBytes: number;
  loadMs: number;
  rssMiB: number;
}

interface Latencies {
  plain: number[];
  filtered: number[];
}

interface Figures extends BuildFigures, Latencies {
  engine: string;
  sections: number;
  compounds: Record<string, boolean>;
}

function engineNamed(name: string): SearchEngine {
  return name === 'fts5' ? new Fts5Engine() : new MiniSearchEngine();
}

/** Builds one engine's index over the synthetic sections and saves it: time and size on disk. */
async function build(engineName: string, sections: number, dir: string): Promise<Pick<BuildFigures, 'buildMs' | 'diskBytes'>> {
  const records = await syntheticSections(sections);
  const started = performance.now();
  const engine = engineNamed(engineName);
  await engine.index(records);
  const buildMs = performance.now() - started;
  await engine.save(dir);
  const diskBytes = (await Promise.all((await readdir(dir)).map(async (f) => (await stat(join(dir, f))).size))).reduce((a, b) => a + b, 0);
  return { buildMs, diskBytes };
}

/** Loads a saved index in a process that did nothing else: start-up time and resident memory. */
async function load(engineName: string, dir: string): Promise<Pick<BuildFigures, 'loadMs' | 'rssMiB'>> {
  const engine = engineNamed(engineName);
  const started = performance.now();
  // A saved index the engine refuses (another format) would leave it empty and the figures meaningless.
  if (!(await engine.load(dir))) throw new Error(`${engineName} could not load the index saved in ${dir}`);
  const loadMs = performance.now() - started;
  globalThis.gc?.();
  return { loadMs, rssMiB: process.memoryUsage().rss / 2 ** 20 };
}

/**
 * Both engines loaded in one process and asked the same queries in turn, so a busy machine slows both
 * alike and the ratio stays fair.
 */
async function latencies(dirs: Record<string, string>): Promise<Record<string, Latencies>> {
  const engines = await Promise.all(
    Object.entries(dirs).map(async ([name, dir]) => {
      const engine = engineNamed(name);
      if (!(await engine.load(dir))) throw new Error(`${name} could not load the index saved in ${dir}`);
      return { name, engine, plain: [] as number[], filtered: [] as number[] };
    }),
  );
  const time = (engine: SearchEngine, request: SearchRequest) => {
    const started = performance.now();
    engine.search(request);
    return performance.now() - started;
  };
  for (const { engine } of engines) for (const query of QUERIES) time(engine, { query });
  for (let round = 0; round < ROUNDS; round++) {
    QUERIES.forEach((query, i) => {
      const filters = FILTERS[(i + round) % FILTERS.length];
      for (const e of engines) {
        e.plain.push(time(e.engine, { query }));
        e.filtered.push(time(e.engine, { query, filters }));
      }
    });
  }
  return Object.fromEntries(engines.map((e) => [e.name, { plain: e.plain, filtered: e.filtered }]));
}

/** Whether the engine, over the corpus sections themselves, finds the section holding each compound. */
async function compoundsFound(engineName: string): Promise<Record<string, boolean>> {
  const records = (await corpusRecords()).records;
  const engine = engineNamed(engineName);
  await engine.index(records);
  const found: Record<string, boolean> = {};
  for (const query of COMPOUNDS) {
    const onlyInCompounds = records.filter((r) => {
      const words = wordSpans(r.section.text).map((w) => w.word);
      return !words.includes(query) && words.some((w) => w.includes(query));
    });
    const holders = new Set(onlyInCompounds.map((r) => `${r.protocolId}#${r.section.number}`));
    found[query] = engine.search({ query, pageSize: 100 }).hits.some((h) => holders.has(h.id));
  }
  return found;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function runChild<T>(args: string[]): T {
  const self = fileURLToPath(import.meta.url);
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(import.meta.dirname, '../../data/bench/profiles')}`]
    : [];
  const out = execFileSync(process.execPath, ['--expose-gc', ...profile, '--import', 'tsx', self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

function table(rows: Figures[]): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    'engine      sections  build s  disk MiB  load s  RSS MiB  p50 ms  p95 ms  p99 ms  filtered p50/p95/p99 ms  compounds found',
  ];
  for (const r of rows) {
    const found = Object.entries(r.compounds).filter(([, ok]) => ok).map(([q]) => q);
    lines.push(
      [
        r.engine.padEnd(10),
        String(r.sections).padStart(9),
        f(r.buildMs / 1000, 2).padStart(8),
        f(r.diskBytes / 2 ** 20).padStart(9),
        f(r.loadMs / 1000, 2).padStart(7),
        f(r.rssMiB, 0).padStart(8),
        f(percentile(r.plain, 50), 2).padStart(7),
        f(percentile(r.plain, 95), 2).padStart(7),
        f(percentile(r.plain, 99), 2).padStart(7),
        `${f(percentile(r.filtered, 50), 2)}/${f(percentile(r.filtered, 95), 2)}/${f(percentile(r.filtered, 99), 2)}`.padStart(24),
        `  ${found.length}/${COMPOUNDS.length} ${found.join(', ')}`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [mode, ...args] = process.argv.slice(3);
    const figures =
      mode === 'build' ? await build(args[0], Number(args[1]), args[2]) : mode === 'load' ? await load(args[0], args[1]) : await latencies(JSON.parse(args[0]));
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const names = ['minisearch', 'fts5'];
  const compounds = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await compoundsFound(n)] as const)));
  const rows: Figures[] = [];
  for (const sections of sizes) {
    const dirs: Record<string, string> = {};
    const built: Record<string, BuildFigures> = {};
    try {
      for (const engine of names) {
        dirs[engine] = await mkdtemp(join(tmpdir(), `bench-${engine}-`));
        process.stderr.write(`building ${engine} over ${sections} sections …\n`);
        built[engine] = {
          ...runChild<Pick<BuildFigures, 'buildMs' | 'diskBytes'>>(['build', engine, String(sections), dirs[engine]]),
          ...runChild<Pick<BuildFigures, 'loadMs' | 'rssMiB'>>(['load', engine, dirs[engine]]),
        };
      }
      process.stderr.write(`querying both over ${sections} sections …\n`);
      const measured = runChild<Record<string, Latencies>>(['latency', JSON.stringify(dirs)]);
      for (const engine of names) rows.push({ engine, sections, ...built[engine], ...measured[engine], compounds: compounds[engine] });
    } finally {
      for (const dir of Object.values(dirs)) await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(table(rows));
  for (const sections of sizes) {
    const [mini, fts] = names.map((e) => rows.find((r) => r.engine === e && r.sections === sections)!);
    const ratio = (a: number[], b: number[]) => (percentile(a, 95) / percentile(b, 95)).toFixed(2);
    console.log(
      `${sections} sections: minisearch/FTS5 p95 ratio ${ratio(mini.plain, fts.plain)} (filtered ${ratio(mini.filtered, fts.filtered)}); target p95 ≤ 10 ms and ≤ 2× FTS5`,
    );
  }
  console.log(`machine load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  await writeJson(rows);
}

/** The figures without raw samples, for `npm run bench` to gather (data/bench/search.json). */
async function writeJson(rows: Figures[]): Promise<void> {
  const dir = resolve(import.meta.dirname, '../../data/bench');
  await mkdir(dir, { recursive: true });
  const summary = rows.map(({ plain, filtered, ...rest }) => ({
    ...rest,
    plain: { p50: percentile(plain, 50), p95: percentile(plain, 95), p99: percentile(plain, 99) },
    filtered: { p50: percentile(filtered, 50), p95: percentile(filtered, 95), p99: percentile(filtered, 99) },
  }));
  await writeFile(join(dir, 'search.json'), JSON.stringify({ measuredAt: new Date().toISOString(), loadavg: loadavg(), rows: summary }, null, 2));
}

await main();
