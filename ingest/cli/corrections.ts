// `npm run -s corrections -- export DIR [--db FILE]`: writes every corrected protocol in the gold format
// (ingest/export/gold.ts) with a manifest.json pairing each with its PDF, so corrections can become parser tests
// (node ../shared/tools/accuracy.mjs DIR/manifest.json). `… -- review` lists corrections a re-parse left without
// their record. Exit codes: 0 done, 2 usage errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { goldOf } from '../export/gold.ts';
import { correctionsToReview } from '../store/corrections-review.ts';
import { openStore } from '../store/sqlite.ts';

const USAGE = `usage: npm run -s corrections -- COMMAND [--db FILE]
  export DIR   write each corrected protocol as gold JSON, with DIR/manifest.json
  review       list corrections whose record the current parse no longer has
`;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const [command, dir] = positionals;
if (values.help || !command || (command === 'export' && !dir) || !['export', 'review'].includes(command)) {
  process.stderr.write(USAGE);
  process.exit(values.help ? 0 : 2);
}

const store = openStore(values.db ?? join(process.env.DATA_DIR ?? 'data', 'archive.sqlite'));
try {
  if (command === 'export') {
    const out = resolve(dir);
    mkdirSync(out, { recursive: true });
    const manifest: Array<{ pdf: string; gold: string }> = [];
    for (const id of await store.corrections.protocolIds()) {
      const protocol = await store.getProtocol(id);
      if (!protocol) continue;
      const file = `${id}.json`;
      writeFileSync(join(out, file), `${JSON.stringify(goldOf(protocol), null, 2)}\n`);
      const pdf = await store.pdfPath(id);
      manifest.push({ pdf: pdf ? relative(out, resolve(pdf)) : protocol.source.file, gold: file });
    }
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(`wrote ${manifest.length} corrected protocol(s) to ${out}\n`);
  } else {
    for (const e of await correctionsToReview(store)) {
      process.stdout.write(`${e.protocolId}\t${e.id}\t${e.field}\t${e.author}\t${e.createdAt}\t${e.reason}\n`);
    }
  }
} finally {
  await store.close();
}
