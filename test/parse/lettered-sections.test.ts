// Agenda items numbered in other ways: lettered A., B., C. … (the letter is the number, the title goes without it,
// and a bold attendance heading before the first item is not an item) and "Punkt 3 - Title" with a dash.
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

it('reads "Punkt 3 - Arbetsmiljö" as item 3 titled Arbetsmiljö', () => {
  const doc = layout([
    'Närvarande',
    heading('Punkt 1 - Inledning'),
    'Mötet öppnas.',
    heading('Punkt 2 - Verksamhetsinformation'),
    'Lena informerar.',
    heading('Punkt 3 - Arbetsmiljö'),
    'Inga frågor.',
  ]);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  expect(outcome.protocol.sections.map((s) => [s.number, s.title])).toEqual([
    ['1', 'Inledning'],
    ['2', 'Verksamhetsinformation'],
    ['3', 'Arbetsmiljö'],
  ]);
});
