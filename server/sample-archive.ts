// The demo archive ingested on a server's first start: the real protocols bundled in data/sample/ and a
// generated multi-year archive of several förvaltningar (marked synthetic), so every view has something to show.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateArchive, planArchive } from '../ingest/generate/archive.ts';
import { ingestPaths } from '../ingest/run/ingest.ts';
import type { ArchiveStore } from '../ingest/store/types.ts';

export interface SampleOptions {
  root: string;
  dataDir: string;
  /** Generated archive size: förvaltningar over these months. */
  forvaltningar?: number;
  from?: string;
  to?: string;
}

async function writeGeneratedArchive(outDir: string, options: SampleOptions): Promise<number> {
  const plan = planArchive({ seed: 42, forvaltningar: options.forvaltningar ?? 6, from: options.from ?? '2023-01', to: options.to ?? '2025-12' });
  let count = 0;
  for await (const protocol of generateArchive(plan)) {
    const path = join(outDir, protocol.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, protocol.bytes);
    count++;
  }
  return count;
}

/** Generates the synthetic part and ingests it with the bundled real protocols; progress goes to stderr. */
export async function ingestSampleArchive(store: ArchiveStore, options: SampleOptions): Promise<void> {
  const generated = join(options.dataDir, 'generated');
  process.stderr.write('First start: generating the synthetic demo archive…\n');
  const count = await writeGeneratedArchive(generated, options);
  process.stderr.write(`Ingesting ${count} synthetic protocols and the real sample protocols in data/sample/…\n`);
  let lastShown = 0;
  const report = await ingestPaths([join(options.root, 'data', 'sample'), generated], {
    store,
    ocrDir: join(options.dataDir, 'ocr'),
    onProgress: (p) => {
      if (Date.now() - lastShown < 1000 && p.done !== p.total) return;
      lastShown = Date.now();
      process.stderr.write(`  ${p.done}/${p.total} files, ${p.failed} failed\n`);
    },
  });
  process.stderr.write(`Sample archive: ${report.ingested} ingested, ${report.unchanged} unchanged, ${report.failed} failed (${(report.elapsedMs / 1000).toFixed(1)} s)\n`);
  for (const r of report.results) if (r.status === 'failed') process.stderr.write(`  ${r.name}: ${r.failure.reason}\n`);
}
