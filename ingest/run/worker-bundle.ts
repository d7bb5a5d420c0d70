// The parse worker as one plain JavaScript module, so that a worker thread starts in a fraction of a second.
//
// Node 20 cannot load TypeScript itself. Through tsx's loader, a new worker spends over a second before it parses
// its first file: every one of the parser's modules is compiled, and each import is a round trip to the loader's
// own thread. esbuild (the compiler tsx runs on) bundles the worker and the parser into one module in ~50 ms; the
// bundle is written where its package imports (pdfjs-dist, natural) resolve — under node_modules/.cache — and
// named by its content hash, so concurrent runs and edited sources never share a stale file. Bundles of earlier
// sources are left alone (about 100 kB each, one per edit): a server still running them may start a worker again.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'protokollarkivet');

/**
 * Bundles `entry` (a TypeScript module of this project) and returns the URL of the bundle, or null when it cannot
 * be built or written (a read-only install, say): the caller then starts the worker through tsx.
 */
export function bundledWorker(entry: URL): URL | null {
  try {
    const built = buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const file = join(CACHE, `parse-worker-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(CACHE, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return pathToFileURL(file);
  } catch {
    return null;
  }
}
