// `npm run -s lines -- FILE.pdf`: prints the extracted body lines with page, weight, size and indentation,
// for looking at how a new layout comes out of extraction before tuning the parser to it.
import { readFileSync } from 'node:fs';
import { extractDocument } from '../extract/document.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s lines -- FILE.pdf\n');
  process.exit(2);
}
const outcome = await extractDocument(new Uint8Array(readFileSync(file)));
if (!outcome.ok) {
  process.stderr.write(`${file}: ${outcome.failure.reason}\n`);
  process.exit(1);
}
for (const l of outcome.document.body) {
  const text = l.cells ? `[${l.cells.join(' | ')}]` : l.text;
  process.stdout.write(`${l.page} ${l.bold ? 'B' : ' '} ${l.size} x${Math.round(l.x)} +${l.gapBefore} ${text}\n`);
}
