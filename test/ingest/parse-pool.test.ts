// The parse pool keeps two files in each worker's hands. When a worker dies or hangs, only the file that caused it
// may be reported as failed: a good file that happened to share the worker must still be parsed. The workers here
// are stand-ins that crash, hang or answer on cue, so the test is about the pool's bookkeeping, not about pdf.js.
import { describe, expect, it } from 'vitest';
import { startParsePool } from '../../ingest/run/parse-pool.ts';

/** Crashes on files named crash*, never answers on hang*, answers the rest after a short while. */
const STAND_IN = new URL(`data:text/javascript,${encodeURIComponent(`
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.file.startsWith('crash')) setTimeout(() => process.exit(3), 20);
  else if (job.file.startsWith('hang')) return;
  else setTimeout(() => parentPort.postMessage({ id: job.id, outcome: { ok: false, failure: { file: job.file, kind: 'not_protocol', reason: 'read by ' + job.bytes.length + ' bytes' } } }), 60);
});
`)}`);

const bytes = () => new Uint8Array([1, 2, 3]);

describe('the parse pool', () => {
  it('blames a crash on the file that causes it, not on the file beside it', async () => {
    const pool = startParsePool({ size: 1, workerModule: STAND_IN });
    try {
      const [crash, good] = await Promise.all([pool.parse(bytes(), 'crash.pdf'), pool.parse(bytes(), 'good.pdf')]);
      expect(crash).toMatchObject({ ok: false, failure: { file: 'crash.pdf', kind: 'parser_stopped', reason: expect.stringMatching(/stopped on this file/) } });
      expect(good).toMatchObject({ ok: false, failure: { file: 'good.pdf', kind: 'not_protocol', reason: 'read by 3 bytes' } });
    } finally {
      await pool.close();
    }
  });

  it('gives up on a hanging file and still parses the one beside it', async () => {
    const pool = startParsePool({ size: 1, workerModule: STAND_IN, timeoutMs: 400 });
    try {
      const [hang, good, after] = await Promise.all([pool.parse(bytes(), 'hang.pdf'), pool.parse(bytes(), 'good.pdf'), pool.parse(bytes(), 'after.pdf')]);
      expect(hang).toMatchObject({ ok: false, failure: { file: 'hang.pdf', kind: 'parser_stopped', reason: expect.stringMatching(/gave up/) } });
      expect(good).toMatchObject({ failure: { file: 'good.pdf', kind: 'not_protocol' } });
      expect(after).toMatchObject({ failure: { file: 'after.pdf', kind: 'not_protocol' } });
    } finally {
      await pool.close();
    }
  });
});
