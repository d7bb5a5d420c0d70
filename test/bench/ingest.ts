// Benchmark: pages per second of the full ingest pipeline — extract, parse, analyse, store into a fresh SQLite file,
// then build and save the search index as the server would — with --jobs 1 and 2, against poppler's `pdftotext`
// on the same PDFs (one process per file, one and two at a time), with the peak resident memory of each run.
// Prints a table and writes the figures as JSON.
//
//   npm run bench:ingest -- [FOLDER] [--files N | --files DIR [--copies K] [--ocr]] [--out FILE]
//
// FOLDER defaults to N protocols from the synthetic archive generator (seeded, so every run reads the same PDFs).
// `--files DIR` measures real PDFs instead: every PDF under DIR (corpus, held-out fixtures, their scans) copied K
// times (default 20; each copy one byte apart, so none is skipped as a file already read). Text PDFs are timed with
// OCR off — a scanned file then fails at once and its pages are not counted — and the pdftotext reference reads the
// same text PDFs. Each run is also timed from the start of its process to its end, the way a user's `npm run
// ingest` is, and compared with pdftotext on that time. `--ocr` adds a run with OCR on over one copy of the scanned
// files, reporting OCR pages/s apart (OCR is some hundred times slower than reading a text layer).
// Each ingest run happens in a child process of its own, so its peak RSS (main thread and workers) is its alone.
// Prerequisite for the reference: `apt-get install poppler-utils` (provides pdftotext); without it that row is skipped.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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
  /** The ingest run's child process from spawn to exit: process start, loading the parser, ingest and index. */
  processSeconds: number;
  processPagesPerSecond: number;
  /** Files that failed as needing OCR (scans, when OCR is off), and the pages read by OCR (when it is on). */
  scanned: number;
  ocrPages: number;
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
  /** The same with the pipeline timed from its process's start to its end. */
  processRatios: Array<{ parallel: number; ratio: number }>;
  /** With --ocr: one run over the scanned files with OCR on. */
  ocr?: IngestRun;
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
async function childIngest(folder: string, db: string, jobs: number, ocr: boolean): Promise<void> {
  const store = openStore(db);
  const cpuBefore = process.cpuUsage();
  const report = await ingestPaths([folder], { store, jobs, ...(ocr ? { ocrDir: join(dirname(db), 'ocr') } : { ocr: null }) });
  const scanned = report.results.filter((r) => r.status === 'failed' && r.failure.kind === 'no_text').length;
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
    processSeconds: 0,
    processPagesPerSecond: 0,
    scanned,
    ocrPages: report.ocrPages,
    cpuSeconds,
    pagesPerCpuSecond: report.pages / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

async function ingestInChild(folder: string, jobs: number, ocr = false): Promise<IngestRun> {
  const db = join(mkdtempSync(join(tmpdir(), 'bench-db-')), 'archive.sqlite');
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', folder, '--db', db, '--jobs', String(jobs), ...(ocr ? ['--ocr'] : [])];
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
  const processSeconds = (performance.now() - started) / 1000;
  rmSync(dirname(db), { recursive: true, force: true });
  const run = JSON.parse(stdout.trim().split('\n').pop()!) as IngestRun;
  return { ...run, processSeconds, processPagesPerSecond: (ocr ? run.ocrPages : run.pages) / processSeconds };
}

/**
 * A folder of `copies` copies of every PDF under `source`, each copy with a different comment after its end
 * marker: the same pages to read, but bytes the ingest has not seen, so no copy is skipped as already read.
 */
async function copiedPdfs(source: string, copies: number): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-files-'));
  const { files } = await discoverPdfs([source]);
  for (const [i, file] of files.entries()) {
    const bytes = readFileSync(file);
    for (let copy = 0; copy < copies; copy++) {
      await writeFile(join(folder, `${String(i).padStart(3, '0')}-${copy}-${basename(file)}`), Buffer.concat([bytes, Buffer.from(`\n% copy ${copy}\n`)]));
    }
  }
  return folder;
}

/** One copy of each scanned PDF under `source` (a file whose text layer is missing): the OCR run's input. */
async function scannedPdfs(source: string, scanned: Set<string>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-scans-'));
  for (const file of scanned) await writeFile(join(folder, basename(file)), readFileSync(join(source, file)));
  return folder;
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
    ['run', 'files', 'pages', 'ingest s', 'index s', 'total s', 'pages/s', 'process s', 'pages/s', 'pages/CPU-s', 'peak RSS MB'],
    ...[...bench.ingest, ...(bench.ocr ? [bench.ocr] : [])].map((r) => [
      r === bench.ocr ? `ingest with OCR --jobs ${r.jobs}` : `ingest --jobs ${r.jobs}`,
      String(r.files), r === bench.ocr ? `${r.ocrPages} OCR` : String(r.pages), r.seconds.toFixed(2), r.indexSeconds.toFixed(2),
      r.pipelineSeconds.toFixed(2), (r === bench.ocr ? r.ocrPages / r.pipelineSeconds : r.pipelinePagesPerSecond).toFixed(r === bench.ocr ? 3 : 1),
      r.processSeconds.toFixed(2), r.processPagesPerSecond.toFixed(r === bench.ocr ? 3 : 1), r.pagesPerCpuSecond.toFixed(1), r.peakRssMb.toFixed(0),
    ]),
    ...bench.pdftotext.map((r) => [`pdftotext, ${r.parallel} at a time`, String(r.files), String(bench.pages), '-', '-', r.seconds.toFixed(2), r.pagesPerSecond.toFixed(1), '-', '-', '-', '-']),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const { parallel, ratio } of bench.ratios) {
    lines.push(`the pipeline (ingest and index) is ${ratio.toFixed(2)}× the speed of pdftotext at ${parallel} at a time`);
  }
  for (const { parallel, ratio } of bench.processRatios) {
    lines.push(`timed with its process start: ${ratio.toFixed(2)}× the speed of pdftotext at ${parallel} at a time`);
  }
  const scanned = bench.ingest[0]?.scanned ?? 0;
  if (scanned > 0) lines.push(`${scanned} scanned file(s) left out of the text figures (no text layer: they need OCR)`);
  return `${lines.join('\n')}\n`;
}

/** Copies of scanned PDFs in a folder made by `copiedPdfs`, found from one copy of each original. */
async function scannedFiles(folder: string): Promise<Set<string>> {
  const { parsePdf } = await import('../../ingest/pipeline.ts');
  const names = readdirSync(folder);
  const scanned = new Set<string>();
  for (const name of names.filter((n) => /^\d+-0-/.test(n))) {
    const reading = await parsePdf(new Uint8Array(readFileSync(join(folder, name))), name);
    if (reading.ok || reading.failure.kind !== 'no_text') continue;
    const original = name.replace(/^(\d+)-0-/, '');
    const index = name.split('-')[0];
    for (const n of names) if (n.startsWith(`${index}-`) && n.endsWith(`-${original}`)) scanned.add(n);
  }
  return scanned;
}

/**
 * Runs the whole benchmark on `folder` (or on `files` generated protocols when no folder is given); with `copies`,
 * on that many copies of each PDF under `folder`, and with `ocr` an OCR run over its scanned files too.
 */
export async function benchIngest(options: { folder?: string; files: number; jobs: number[]; copies?: number; ocr?: boolean }): Promise<IngestBench> {
  const copied = options.folder && options.copies ? await copiedPdfs(options.folder, options.copies) : undefined;
  const folder = copied ?? options.folder ?? (await generatedPdfs(options.files));
  try {
    const ingest: IngestRun[] = [];
    for (const jobs of options.jobs) ingest.push(await ingestInChild(folder, jobs));
    const pages = ingest[0]?.pages ?? 0;
    // pdftotext reads the files the pipeline read: a scan (no text layer) is left to the OCR run.
    const scanned = copied && ingest[0]?.scanned ? await scannedFiles(copied) : new Set<string>();
    const files = (await discoverPdfs([folder])).files.filter((f) => !scanned.has(basename(f)));
    const pdftotextRuns: PdftotextRun[] = [];
    if (await pdftotextAvailable()) {
      for (const parallel of options.jobs) pdftotextRuns.push(await pdftotextRun(files, parallel, pages));
    } else {
      process.stderr.write('pdftotext not found (apt-get install poppler-utils): reference skipped\n');
    }
    const ratioOf = (pick: (run: IngestRun) => number) =>
      ingest.flatMap((run) => {
        const reference = pdftotextRuns.find((r) => r.parallel === run.jobs);
        return reference ? [{ parallel: run.jobs, ratio: pick(run) / reference.pagesPerSecond }] : [];
      });
    let ocr: IngestRun | undefined;
    if (options.ocr && copied && scanned.size > 0) {
      const scans = await scannedPdfs(copied, new Set([...scanned].filter((name) => /-0-/.test(name))));
      ocr = await ingestInChild(scans, Math.max(...options.jobs), true);
      rmSync(scans, { recursive: true, force: true });
    }
    return {
      folder: options.folder ? `${options.folder}${options.copies ? ` (${options.copies} copies of each PDF)` : ''}` : `${options.files} generated protocols`,
      files: files.length,
      pages,
      ingest,
      pdftotext: pdftotextRuns,
      ratios: ratioOf((run) => run.pipelinePagesPerSecond),
      processRatios: ratioOf((run) => run.processPagesPerSecond),
      ...(ocr ? { ocr } : {}),
    };
  } finally {
    if (!options.folder || copied) rmSync(folder, { recursive: true, force: true });
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
      copies: { type: 'string', default: '20' },
      ocr: { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'data/bench/ingest.json') },
    },
  });
  if (values.child) return childIngest(positionals[0], values.db!, Number(values.jobs), values.ocr === true);
  // --files is a number of generated protocols, or a folder of real PDFs.
  const realFiles = /^\d+$/.test(values.files) ? undefined : resolve(values.files);
  const bench = realFiles
    ? await benchIngest({ folder: realFiles, files: 0, copies: Number(values.copies), ocr: values.ocr, jobs: [1, 2] })
    : await benchIngest({ folder: positionals[0] && resolve(positionals[0]), files: Number(values.files), jobs: [1, 2] });
  process.stdout.write(table(bench));
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(bench, null, 2)}\n`);
  process.stdout.write(`figures written to ${values.out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
