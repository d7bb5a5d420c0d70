// Body of one parse worker thread: receives a file's bytes, runs the pure pipeline, posts the outcome back.
// Workers never touch the database; the main thread does all writes.
import { parentPort } from 'node:worker_threads';
import { parsePdf, type ParseOptions, type PdfReading } from '../pipeline.ts';

export interface ParseJob {
  id: number;
  bytes: Uint8Array;
  file: string;
  options: ParseOptions;
}

export interface ParseReply {
  id: number;
  outcome: PdfReading;
}

async function run(job: ParseJob): Promise<PdfReading> {
  try {
    return await parsePdf(job.bytes, job.file, job.options);
  } catch (err) {
    // parsePdf reports bad input as values; reaching here is a parser bug on this file, kept to its message
    // and retried on the next run (after the bug is fixed).
    const reason = `the parser failed on this file: ${(err as Error).message}`;
    return { ok: false, failure: { file: job.file, kind: 'parser_stopped', reason }, scannedPages: [], hasText: false };
  }
}

parentPort?.on('message', async (job: ParseJob) => {
  const reply: ParseReply = { id: job.id, outcome: await run(job) };
  parentPort?.postMessage(reply);
});
