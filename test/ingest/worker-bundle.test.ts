// Ingest workers start on a bundle of the parser (ingest/run/worker-bundle.ts), not on its TypeScript sources.
// What a user would notice if bundling went wrong: protocols parsed differently in a batch ingest than by
// `npm run parse` (a data file or a module left out, pdf.js loaded another way). So the bundle must exist and give
// the same protocol, and the same failure for a bad file, as the pipeline run directly.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../ingest/pipeline.ts';
import type { ParseOutcome } from '../../ingest/model.ts';
import { bundledWorker } from '../../ingest/run/worker-bundle.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url);

function parseInBundle(bundle: URL, file: string): Promise<ParseOutcome> {
  const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS)));
  const worker = new Worker(bundle, { execArgv: [] });
  return new Promise<ParseOutcome>((resolve, reject) => {
    worker.once('message', (reply: { outcome: ParseOutcome }) => resolve(reply.outcome));
    worker.once('error', reject);
    worker.postMessage({ id: 1, bytes, file });
  }).finally(() => void worker.terminate());
}

describe('the bundled parse worker', () => {
  const bundle = bundledWorker(new URL('../../ingest/run/parse-worker.ts', import.meta.url));

  it('is built into the project cache as one JavaScript module', () => {
    expect(bundle).not.toBeNull();
    expect(fileURLToPath(bundle!)).toMatch(/node_modules\/\.cache\/protokollarkivet\/parse-worker-[0-9a-f]{16}\.mjs$/);
  });

  it('parses a protocol exactly as the pipeline does', async () => {
    const file = 'skarholmen-fvg-2025-12.pdf';
    const direct = await parsePdf(new Uint8Array(readFileSync(new URL(file, CORPUS))), file);
    const bundled = await parseInBundle(bundle!, file);
    expect(direct.ok).toBe(true);
    expect(bundled).toEqual(direct);
  });

  it('reports a bad file with the same reason', async () => {
    const file = 'bad/truncated-hagersten-alvsjo-fvg-2024-01-13.pdf';
    const bundled = await parseInBundle(bundle!, file);
    expect(bundled.ok).toBe(false);
    expect(bundled).toEqual(await parsePdf(new Uint8Array(readFileSync(new URL(file, CORPUS))), file));
  });
});
