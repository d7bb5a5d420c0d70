// `npm run -s parse -- FILE.pdf`: prints the parsed protocol as one JSON object (the shared contract) on stdout.
// A scanned file is read with OCR first (ocrmypdf, when installed; that takes seconds a page).
// On failure prints nothing on stdout and one line on stderr naming the file and the reason, and exits 1.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { toContract } from '../contract.ts';
import { parsePdf } from '../pipeline.ts';
import { localOcrRunner, readPdfWithOcr } from '../run/ocr-stage.ts';

function fail(file: string, reason: string): never {
  process.stderr.write(`${file}: ${reason.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

// stdout carries the JSON and nothing else: whatever a library logs goes to stderr.
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s parse -- FILE.pdf\n');
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = new Uint8Array(await readFile(file));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(file, code === 'ENOENT' ? 'cannot read: no such file' : `cannot read: ${code ?? 'unknown error'}`);
}
try {
  const { outcome } = await readPdfWithOcr(bytes, basename(file), {
    parse: parsePdf,
    ocr: localOcrRunner({ jobs: availableParallelism() }),
  });
  if (!outcome.ok) fail(file, outcome.failure.reason);
  process.stdout.write(`${JSON.stringify(toContract(outcome.protocol), null, 2)}\n`);
} catch (error) {
  fail(file, `parse failed: ${error instanceof Error ? error.message : String(error)}`);
}
