// `npm run generate -- --out DIR --seed 42 --forvaltningar 6 --from 2022-01 --to 2025-12 [--protocols N]`:
// writes a synthetic archive of protocol PDFs (DIR/synthetic/<förvaltning>/<date>.pdf) and DIR/truth.json,
// streaming one protocol at a time; progress and the measured speed go to stderr.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { archiveSummary, archiveTrends, generateArchive, planArchive } from '../generate/archive.ts';

const USAGE = 'usage: npm run generate -- --out DIR [--seed 42] [--forvaltningar 6] [--from 2022-01] [--to 2025-12] [--protocols N]';

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a whole number, got "${value}"\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/generated' },
    seed: { type: 'string' },
    forvaltningar: { type: 'string' },
    from: { type: 'string', default: '2022-01' },
    to: { type: 'string', default: '2025-12' },
    protocols: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const plan = planArchive({
  seed: integer('seed', values.seed, 42),
  forvaltningar: integer('forvaltningar', values.forvaltningar, 6),
  from: values.from,
  to: values.to,
  protocols: values.protocols === undefined ? undefined : integer('protocols', values.protocols, 0),
});
const summary = archiveSummary(plan);
const out = values.out;
await mkdir(out, { recursive: true });
process.stderr.write(`generating ${summary.protocols} protocols for ${summary.forvaltningar.length} förvaltningar, ${summary.from}..${summary.to}, seed ${summary.seed} → ${out}\n`);

const truth = createWriteStream(join(out, 'truth.json'));
const write = async (text: string) => {
  if (!truth.write(text)) await once(truth, 'drain');
};
await write(`{"generator":${JSON.stringify(summary)},\n"trends":${JSON.stringify(archiveTrends(plan))},\n"protocols":[\n`);

const started = performance.now();
let count = 0;
let pages = 0;
let lastReport = started;
const dirs = new Set<string>();
for await (const protocol of generateArchive(plan)) {
  const path = join(out, protocol.file);
  const dir = dirname(path);
  if (!dirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    dirs.add(dir);
  }
  await writeFile(path, protocol.bytes);
  await write(`${count > 0 ? ',\n' : ''}${JSON.stringify(protocol.truth)}`);
  count++;
  pages += protocol.truth.pages;
  const now = performance.now();
  if (now - lastReport > 1000) {
    lastReport = now;
    process.stderr.write(`  ${count}/${summary.protocols} protocols, ${(count / ((now - started) / 1000)).toFixed(0)}/s\n`);
  }
}
await write('\n]}\n');
truth.end();
await once(truth, 'finish');

const seconds = (performance.now() - started) / 1000;
process.stderr.write(
  `wrote ${count} protocols (${pages} pages) in ${seconds.toFixed(1)} s: ` +
    `${(count / seconds).toFixed(1)} protocols/s, ${(pages / seconds).toFixed(1)} pages/s; truth in ${join(out, 'truth.json')}\n`,
);
