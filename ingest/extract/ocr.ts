// Reads scanned pages with OCR: runs ocrmypdf (Tesseract, Swedish model) on a PDF and returns the same PDF with a
// text layer on its image pages. Pages that already carry text keep their own text layer (--skip-text); the scanned
// ones are deskewed and turned upright before they are read. ocrmypdf runs as a child process with an argument list
// (never a shell line), in a temporary folder of its own that is removed afterwards, and is stopped after a timeout.
// The only module that runs the OCR tools; the ingest runner and the parse CLI decide when.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the user is told to install when a scanned file arrives and no OCR is installed. */
export const OCR_INSTALL_HINT = 'install ocrmypdf and Tesseract\'s Swedish model to read it (apt-get install ocrmypdf tesseract-ocr-swe)';

export interface OcrOptions {
  /** Pages read in parallel by one run (ocrmypdf --jobs). */
  jobs?: number;
  /** A run taking longer is stopped. */
  timeoutMs?: number;
  /** The ocrmypdf program; defaults to $OCRMYPDF, then `ocrmypdf` on the PATH. */
  program?: string;
}

export type OcrOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; retry: boolean };

/** Tesseract's language: the protocols are Swedish. */
const LANGUAGE = 'swe';
/** About 2 s a page on one core when the machine is idle; a run may take many times that on a busy one. */
const DEFAULT_TIMEOUT_MS = 15 * 60_000;

export function ocrProgram(options: OcrOptions = {}): string {
  return options.program ?? process.env.OCRMYPDF ?? 'ocrmypdf';
}

function run(program: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | string | null; stdout: string; stderr: string; timedOut: boolean }>((resolve) => {
    execFile(program, args, { timeout: timeoutMs, killSignal: 'SIGKILL', env, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (!err) return resolve({ code: 0, stdout, stderr, timedOut: false });
      const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
      resolve({ code: e.code ?? null, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), timedOut: Boolean(e.killed) });
    });
  });
}

const availability = new Map<string, Promise<boolean>>();

/** Whether ocrmypdf can be run, with Tesseract's Swedish model; asked once per program and process. */
export function ocrAvailable(options: OcrOptions = {}): Promise<boolean> {
  const program = ocrProgram(options);
  let known = availability.get(program);
  if (!known) {
    known = (async () => {
      const version = await run(program, ['--version'], 30_000);
      if (version.code !== 0) return false;
      const languages = await run('tesseract', ['--list-langs'], 30_000);
      return languages.code === 0 && `${languages.stdout}\n${languages.stderr}`.split('\n').some((l) => l.trim() === LANGUAGE);
    })();
    availability.set(program, known);
  }
  return known;
}

/** The last meaningful line ocrmypdf wrote, for the failure reason (it names the page and the problem). */
function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? 'no message';
}

/** ocrmypdf's exit codes that say the input itself is at fault: trying again cannot help. */
const INPUT_FAULTS: Record<number, string> = {
  2: 'the PDF could not be read for OCR',
  4: 'OCR produced an invalid PDF',
  8: 'encrypted: the PDF needs a password to open',
};

/** Gives the scanned pages of a PDF a text layer. Never throws: failures come back as values. */
export async function ocrPdf(bytes: Uint8Array, options: OcrOptions = {}): Promise<OcrOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const folder = await mkdtemp(join(tmpdir(), 'protokollarkivet-ocr-'));
  try {
    const input = join(folder, 'in.pdf');
    const output = join(folder, 'out.pdf');
    await writeFile(input, bytes);
    const args = [
      '--language', LANGUAGE,
      '--skip-text', // pages with a real text layer keep it; only image pages are read
      '--deskew',
      '--rotate-pages',
      '--output-type', 'pdf', // not PDF/A: spares a Ghostscript pass over the whole file
      '--optimize', '0',
      '--jobs', String(Math.max(1, options.jobs ?? 1)),
      '--quiet',
      input,
      output,
    ];
    // ocrmypdf runs pages in parallel itself; Tesseract's own threads on top would only contend for the cores.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1', TMPDIR: folder };
    const result = await run(ocrProgram(options), args, timeoutMs, env);
    if (result.timedOut) return { ok: false, reason: `OCR gave up: reading the scanned pages took longer than ${Math.round(timeoutMs / 1000)} s`, retry: true };
    if (result.code === 'ENOENT') return { ok: false, reason: `OCR is not installed: ${OCR_INSTALL_HINT}`, retry: false };
    if (result.code !== 0) {
      const known = typeof result.code === 'number' ? INPUT_FAULTS[result.code] : undefined;
      return { ok: false, reason: `OCR failed: ${known ?? lastLine(result.stderr)}`, retry: known === undefined };
    }
    return { ok: true, bytes: new Uint8Array(await readFile(output)) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
