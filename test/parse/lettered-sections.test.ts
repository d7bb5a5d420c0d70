// Agendas lettered A., B., C. … instead of numbered: the letter is the item's number, the title goes without it,
// and a bold attendance heading before the first item is not an item.
import { expect, it } from 'vitest';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout, wrapped } from './layout.ts';

it('reads lettered headings "A. Mötets öppnande" as items A, B, C and keeps "Närvarande" out of the agenda', () => {
  const doc = layout([
    heading('Närvarande'),
    'Karin Dahl, skolchef',
    wrapped('Erik Vall, Kommunal'),
    heading('A. Mötets öppnande'),
    'Karin Dahl öppnar mötet.',
    heading('B. Föregående protokoll'),
    'Protokollet godkänns.',
    heading('C. Arbetsmiljö'),
    'Kommunal undrar hur många tillbud som rapporterats.',
  ]);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  expect(outcome.protocol.sections.map((s) => [s.number, s.title])).toEqual([
    ['A', 'Mötets öppnande'],
    ['B', 'Föregående protokoll'],
    ['C', 'Arbetsmiljö'],
  ]);
  expect(outcome.protocol.questions.map((q) => q.section)).toEqual(['C']);
});
