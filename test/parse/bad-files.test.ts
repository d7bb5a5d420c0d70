// Files that are not parseable protocols are refused with their specific reason, in words a user understands,
// and without throwing: one bad file must never stop a batch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../ingest/pipeline.ts';

const BAD = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'bad');

const cases: [string, string, RegExp][] = [
  ['empty.pdf', 'empty', /empty/i],
  ['not-a-pdf.pdf', 'not_pdf', /not a PDF/i],
  ['encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf', 'encrypted', /password/i],
  ['truncated-hagersten-alvsjo-fvg-2024-01-13.pdf', 'corrupt', /truncated|corrupt|damaged/i],
  ['not-a-protocol-julfika.pdf', 'not_protocol', /not a protocol/i],
];

describe('refusing files that are not parseable protocols', () => {
  it.each(cases)('%s is refused as %s with a reason naming the problem', async (file, kind, reason) => {
    const outcome = await parsePdf(new Uint8Array(readFileSync(join(BAD, file))), file);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.kind).toBe(kind);
    expect(outcome.failure.reason).toMatch(reason);
    expect(outcome.failure.file).toBe(file);
  });
});
