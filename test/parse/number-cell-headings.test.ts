// Headings whose number is set as a separate run left of the title come out of extraction as a two-cell row
// ("2.1 | Ekonomi"); they are agenda items, not table rows.
import { expect, it } from 'vitest';
import type { LineSpec } from './layout.ts';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout } from './layout.ts';

type CellSpec = LineSpec & { cells: string[] };

const cellHeading = (number: string, title: string): CellSpec => ({ ...heading(`${number} ${title}`), cells: [number, title] });

it('reads a bold row "2.1 | Ekonomi" as item 2.1 titled Ekonomi', () => {
  const specs: (LineSpec | CellSpec | string)[] = [
    heading('Närvarande'),
    'Eva Marklund, SSR',
    cellHeading('1', 'Mötet öppnas'),
    'Mötet öppnas.',
    cellHeading('2', 'Information'),
    'Verksamhetschefen informerar.',
    cellHeading('2.1', 'Ekonomi'),
    'SSR undrar om tjänster dras in.',
  ];
  const doc = layout(specs);
  doc.body.forEach((line, i) => {
    const spec = specs[i];
    if (typeof spec !== 'string' && 'cells' in spec) line.cells = (spec as CellSpec).cells;
  });
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  expect(outcome.protocol.sections.map((s) => [s.number, s.title])).toEqual([
    ['1', 'Mötet öppnas'],
    ['2', 'Information'],
    ['2.1', 'Ekonomi'],
  ]);
});
