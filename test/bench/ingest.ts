// Benchmark: pages per second of the full ingest pipeline — extract, parse, analyse, store into a fresh SQLite file,
// then build and save the search index as the server would — with --jobs 1 and 2, against poppler's `pdftotext`
// on the same PDFs (one process per file, one and two at a time), with the peak resident memory of each run.
// Prints a table and writes the figures as JSON.
//
//   npm run bench:ingest -- [FOLDER] [--files N] [--out FILE]
//
// FOLDER defaults to N protocols from the synthetic archive generator (seeded, so every run reads the same PDFs).
// Each ingest run happens in a child process of its own, so its peak RSS (main thread and workers) is its alone.
// Prerequisite for the reference: `apt-get install poppler-utils` (provides pdftotext); without it that row is skipped.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { discoverPdfs } from '../../ingest/run/discover.ts';
import { ingestPaths } from '../../ingest/run/ingest.ts';
import { generateArchive, planArchive } from '../../ingest/generate/archive.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import { SearchService } from '../../server/search/service.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface IngestRun {
  jobs: number;
  files: number;
  ingested: number;
  failed: number;
  pages: number;
  /** Extract, parse, analyse and store. */
  seconds: number;
  pagesPerSecond: number;
  /** Building and saving the search index over the stored sections, after the ingest. */
  indexSeconds: number;
  /** The whole pipeline: ingest and index. */
  pipelineSeconds: number;
  pipelinePagesPerSecond: number;
  /** CPU time of the run (main thread and workers): pages per CPU second hardly depends on what else the machine runs. */
  cpuSeconds: number;
  pagesPerCpuSecond: number;
  peakRssMb: number;
}

export interface PdftotextRun {
  parallel: number;
  files: number;
  seconds: number;
  pagesPerSecond: number;
}

export interface IngestBench {
  folder: string;
  files: number;
  pages: number;
  ingest: IngestRun[];
  pdftotext: PdftotextRun[];
  /** Whole-pipeline pages/s (ingest and index) divided by pdftotext pages/s at the same parallelism. */
  ratios: Array<{ parallel: number; ratio: number }>;
}

/** N protocols from the archive generator, written as PDFs into a new folder. */
async function generatedPdfs(count: number): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const plan = planArchive({ seed: 42, forvaltningar: 12, from: '2022-01', to: '2025-12', protocols: count });
  for await (const protocol of generateArchive(plan)) {
    const path = join(folder, protocol.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, protocol.bytes);
  }
  return folder;
}

/** One ingest run inside this process (the child side): prints its figures as one JSON line. */
async function childIngest(folder: string, db: string, jobs: number): Promise<void> {
  const store = openStore(db);
  const cpuBefore = process.cpuUsage();
  const report = await ingestPaths([folder], { store, jobs });
  const indexStarted = performance.now();
  const search = new SearchService({ store, engine: new MiniSearchEngine(), indexDir: join(dirname(db), 'index') });
  await search.start();
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await search.close();
  await store.close();
  const seconds = report.elapsedMs / 1000;
  const pipelineSeconds = seconds + indexSeconds;
  const run: IngestRun = {
    jobs,
    files: report.total,
    ingested: report.ingested,
    failed: report.failed,
    pages: report.pages,
    seconds,
    pagesPerSecond: report.pages / seconds,
    indexSeconds,
    pipelineSeconds,
    pipelinePagesPerSecond: report.pages / pipelineSeconds,
    cpuSeconds,
    pagesPerCpuSecond: report.pages / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

async function ingestInChild(folder: string, jobs: number): Promise<IngestRun> {
  const db = join(mkdtempSync(join(tmpdir(), 'bench-db-')), 'archive.sqlite');
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', folder, '--db', db, '--jobs', String(jobs)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
  rmSync(dirname(db), { recursive: true, force: true });
  return JSON.parse(stdout.trim().split('\n').pop()!) as IngestRun;
}

function pdftotextAvailable(): Promise<boolean> {
  return new Promise((resolveAvailable) => {
    const probe = spawn('pdftotext', ['-v'], { stdio: 'ignore' });
    probe.on('error', () => resolveAvailable(false));
    probe.on('exit', () => resolveAvailable(true));
  });
}

function pdftotext(file: string): Promise<void> {
  return new Promise((resolveRun) => {
    // Text to stdout, thrown away: the reference is poppler's extraction alone, no writing of text files.
    const child = spawn('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('exit', () => resolveRun());
    child.on('error', () => resolveRun());
  });
}

async function pdftotextRun(files: string[], parallel: number, pages: number): Promise<PdftotextRun> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) await pdftotext(files[next++]);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { parallel, files: files.length, seconds, pagesPerSecond: pages / seconds };
}

function table(bench: IngestBench): string {
  const rows = [
    ['run', 'files', 'pages', 'ingest s', 'index s', 'total s', 'pages/s', 'pages/CPU-s', 'peak RSS MB'],
    ...bench.ingest.map((r) => [
      `ingest --jobs ${r.jobs}`, String(r.files), String(r.pages), r.seconds.toFixed(2), r.indexSeconds.toFixed(2),
      r.pipelineSeconds.toFixed(2), r.pipelinePagesPerSecond.toFixed(1), r.pagesPerCpuSecond.toFixed(1), r.peakRssMb.toFixed(0),
    ]),
    ...bench.pdftotext.map((r) => [`pdftotext, ${r.parallel} at a time`, String(r.files), String(bench.pages), '-', '-', r.seconds.toFixed(2), r.pagesPerSecond.toFixed(1), '-', '-']),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const { parallel, ratio } of bench.ratios) {
    lines.push(`the pipeline (ingest and index) is ${ratio.toFixed(2)}× the speed of pdftotext at ${parallel} at a time`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the whole benchmark on `folder` (or on `files` generated protocols when no folder is given). */
export async function benchIngest(options: { folder?: string; files: number; jobs: number[] }): Promise<IngestBench> {
  const folder = options.folder ?? (await generatedPdfs(options.files));
  try {
    const { files } = await discoverPdfs([folder]);
    const ingest: IngestRun[] = [];
    for (const jobs of options.jobs) ingest.push(await ingestInChild(folder, jobs));
    const pages = ingest[0]?.pages ?? 0;
    const pdftotextRuns: PdftotextRun[] = [];
    if (await pdftotextAvailable()) {
      for (const parallel of options.jobs) pdftotextRuns.push(await pdftotextRun(files, parallel, pages));
    } else {
      process.stderr.write('pdftotext not found (apt-get install poppler-utils): reference skipped\n');
    }
    const ratios = ingest.flatMap((run) => {
      const reference = pdftotextRuns.find((r) => r.parallel === run.jobs);
      return reference ? [{ parallel: run.jobs, ratio: run.pipelinePagesPerSecond / reference.pagesPerSecond }] : [];
    });
    return { folder: options.folder ?? `${options.files} generated protocols`, files: files.length, pages, ingest, pdftotext: pdftotextRuns, ratios };
  } finally {
    if (!options.folder) rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      child: { type: 'boolean' },
      db: { type: 'string' },
      jobs: { type: 'string' },
      files: { type: 'string', default: '1000' },
      out: { type: 'string', default: join(ROOT, 'data/bench/ingest.json') },
    },
  });
  if (values.child) return childIngest(positionals[0], values.db!, Number(values.jobs));
  const bench = await benchIngest({ folder: positionals[0] && resolve(positionals[0]), files: Number(values.files), jobs: [1, 2] });
  process.stdout.write(table(bench));
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(bench, null, 2)}\n`);
  process.stdout.write(`figures written to ${values.out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
