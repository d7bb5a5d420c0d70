// Agenda items are found in every numbering style protocols use, and numbers that merely start a paragraph or a
// list inside an item are not taken for items.
import { describe, expect, it } from 'vitest';
import { bodySizeOf, buildBlocks } from '../../ingest/parse/blocks.ts';
import { splitSections } from '../../ingest/parse/sections.ts';
import { heading, layout, wrapped } from './layout.ts';

function items(specs: Parameters<typeof layout>[0]): { number: string; title: string }[] {
  const doc = layout(specs);
  return splitSections(buildBlocks(doc.body), bodySizeOf(doc.body)).sections.map(({ number, title }) => ({ number, title }));
}

describe('finding agenda items', () => {
  it('reads bold headings numbered "1 X", "2. X" and "§ 3 X"', () => {
    expect(items([heading('1 Mötets öppnande'), 'Mötet öppnades.', heading('2. Dagordning'), 'Godkändes.', heading('§ 3 Val av justerare'), 'Valdes.'])).toEqual([
      { number: '1', title: 'Mötets öppnande' },
      { number: '2', title: 'Dagordning' },
      { number: '3', title: 'Val av justerare' },
    ]);
  });

  it('reads headings written "Punkt 2: X" and "Ärende 3 X", not a body sentence about a punkt', () => {
    expect(items([heading('Punkt 1: Mötets öppnande'), 'Mötet öppnades.', heading('Punkt 2: Ekonomi'), 'Punkt 2 i förra protokollet gällde budgeten.', heading('Ärende 3 Övriga frågor'), 'Inga.'])).toEqual([
      { number: '1', title: 'Mötets öppnande' },
      { number: '2', title: 'Ekonomi' },
      { number: '3', title: 'Övriga frågor' },
    ]);
  });

  it('reads sub-numbered headings, also "5.1.1.X" written without a space', () => {
    expect(items([heading('5. Verksamhetsfrågor'), heading('5.1 Information'), heading('5.1.1.Information från ledningsgruppen'), 'Text.'])).toEqual([
      { number: '5', title: 'Verksamhetsfrågor' },
      { number: '5.1', title: 'Information' },
      { number: '5.1.1', title: 'Information från ledningsgruppen' },
    ]);
  });

  it('joins a heading wrapped over two lines', () => {
    const second = { ...heading('övergripande tillbud/IA'), gap: 13.8 };
    expect(items([heading('16. Skyddskommitté: Arbetsmiljö och hälsa – exempelvis'), second, 'Text.'])[0].title).toBe(
      'Skyddskommitté: Arbetsmiljö och hälsa – exempelvis övergripande tillbud/IA',
    );
  });

  it('takes the bold line under a bold number standing alone as its title', () => {
    expect(items([heading('1'), heading('Mötets öppnande'), 'Text.', heading('2'), heading('Övriga frågor'), 'Inga.'])).toEqual([
      { number: '1', title: 'Mötets öppnande' },
      { number: '2', title: 'Övriga frågor' },
    ]);
  });

  it('reads "4) X" numbering and paragraph-sign numbering that runs on from earlier meetings', () => {
    expect(items(['1) Mötets öppnande', 'Text.', '2) Övriga frågor', 'Inga.']).map((s) => s.number)).toEqual(['1', '2']);
    expect(items(['§ 45 Mötets öppnande', 'Text.', '§ 46 Val av justerare', 'Text.']).map((s) => s.number)).toEqual(['45', '46']);
  });

  it('falls back to bold headings larger than the text when no item is numbered', () => {
    const title = { text: 'Protokoll samverkansgrupp', bold: true, size: 16 };
    const text = 'Ordföranden hälsade alla välkomna och gick igenom dagordningen för mötet.';
    expect(items([title, heading('Mötets öppnande'), text, heading('Ekonomi'), text])).toEqual([
      { number: '1', title: 'Mötets öppnande' },
      { number: '2', title: 'Ekonomi' },
    ]);
  });

  it('accepts skipped numbers (an agenda without item 8)', () => {
    expect(items([heading('7. Information'), 'Text.', heading('9. Facklig information'), 'Text.']).map((s) => s.number)).toEqual(['7', '9']);
  });

  it('reads a body-font item number on its own line and one run into the first sentence', () => {
    expect(
      items([heading('4. Föregående protokoll'), 'Lades till handlingarna.', '5. Kvarvarande frågor från föregående möte.', 'Kommunal önskar redovisning.',
        '6. Övergripande information från arbetsgivaren Kommunfullmäktige har beslutat om ny', wrapped('chefsstruktur för staden.')]),
    ).toEqual([
      { number: '4', title: 'Föregående protokoll' },
      { number: '5', title: 'Kvarvarande frågor från föregående möte' },
      { number: '6', title: 'Övergripande information från arbetsgivaren' },
    ]);
  });

  it('takes the first sentence as the title of a sub-numbered paragraph item', () => {
    const found = items([heading('5.1 Information'), '5.1.2 Magnus Borgsten informerar om att det finns brist på mötesrum. Ett nytt', wrapped('rum byggs.')]);
    expect(found[1]).toEqual({ number: '5.1.2', title: 'Magnus Borgsten informerar om att det finns brist på mötesrum' });
  });

  it('does not take an agenda listed in plain text above the bold items for the items', () => {
    const found = items(['Dagordning', '1. Mötets öppnande', '2. Ekonomi', '3. Övriga frågor', heading('1. Mötets öppnande'), 'Text.', heading('2. Ekonomi'), 'Text.', heading('3. Övriga frågor'), 'Inga.']);
    expect(found.map((s) => s.number)).toEqual(['1', '2', '3']);
  });

  it('does not take a numbered list inside an item, or a paragraph starting with a number, for items', () => {
    const found = items([heading('10. Ärenden till nämnden'), '1. Verksamhetsberättelse', '2. Budget', '20 Mars är sista dag.', heading('11. Övriga frågor'), 'Inga.']);
    expect(found.map((s) => s.number)).toEqual(['10', '11']);
  });
});
