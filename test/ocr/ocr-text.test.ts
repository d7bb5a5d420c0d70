// What OCR misreads in printed Swedish protocols, normalised where the misreading is unambiguous, and running
// headers that OCR reads a little differently on each page still recognised as page furniture.
import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../ingest/extract/furniture.ts';
import { normaliseOcrText } from '../../ingest/extract/ocr-text.ts';
import type { Line, Page } from '../../ingest/model.ts';

describe('normalising OCR text', () => {
  it.each([
    ['$ 12 Ekonomi', '§ 12 Ekonomi'],
    ['enligt $5 i avtalet', 'enligt §5 i avtalet'],
    ['S 4 Arbetsmiljö', '§ 4 Arbetsmiljö'],
    ['8 12. Budget 2025', '§ 12. Budget 2025'],
    ['841 Mötets öppnande', '§ 41 Mötets öppnande'],
    ['S4 Ekonomi', '§ 4 Ekonomi'],
    ['£88 Val av justerare', '§88 Val av justerare'],
    ['&93 Sjukfrånvaro', '§ 93 Sjukfrånvaro'],
    ['Sammanträde 2O24-O3-l2 kl. l3:00', 'Sammanträde 2024-03-12 kl. 13:00'],
    ['totalt 1 O00 kr', 'totalt 1 000 kr'],
    ['l. Mötets öppnande', '1. Mötets öppnande'],
    ['arbetsmiljö¬', 'arbetsmiljö-'],
    ['Äläreförvaltningen', 'Äldreförvaltningen'],
    ['Val av justerare |', 'Val av justerare'],
    ['| Ekonomisk uppföljning ;', 'Ekonomisk uppföljning'],
    ['Hägersten-Alvsjö stadsdelsförvaltnina', 'Hägersten-Älvsjö stadsdelsförvaltning'],
  ])('reads %j as %j', (read, meant) => {
    expect(normaliseOcrText(read)).toBe(meant);
  });

  it.each([
    'S 4 kronor',
    '8 personer deltog',
    '85 Budget och uppföljning',
    '80 Övrigt',
    'I. Inledning',
    'Ola och Olle',
    'Sida 2 (5)',
    'Kostnaden är 1 400 kr – det är för mycket',
    'förvaltningen och förvaltningarna',
    'Stadsdelsförvaltningens ledning',
    'alla stadsdelsnämnder',
  ])('leaves %j as written', (text) => {
    expect(normaliseOcrText(text)).toBe(text);
  });
});

function line(page: number, text: string, y: number): Line {
  return { page, text, x: 72, y, size: 11, bold: false, gapBefore: 0 };
}

function pages(headers: string[]): Page[] {
  return headers.map((header, i) => ({
    number: i + 1,
    width: 595,
    height: 842,
    lines: [line(i + 1, header, 800), line(i + 1, `Brödtext på sidan ${i + 1} om arbetsmiljö.`, 500)],
  }));
}

describe('page headers read by OCR', () => {
  const readings = ['Hägersten-Älvsjö stadsdelsförvaltning', 'Hägersten-Alvsjö stadsdelsförvaltning', 'Hägersten-Älvsjö stadsdelsförvaltnina', 'Hagersten-Älvsjö stadsdelsförvaltning'];

  it('are furniture on every page when matched loosely, as for an OCR\'d document', () => {
    const doc = pages(readings);
    const furniture = findFurniture(doc, { loose: true });
    expect(doc.map((p) => furniture.has(p.lines[0]))).toEqual([true, true, true, true]);
    expect(doc.some((p) => furniture.has(p.lines[1]))).toBe(false);
  });

  it('are matched exactly in a document with a real text layer', () => {
    const doc = pages(readings);
    const furniture = findFurniture(doc);
    expect(doc.filter((p) => furniture.has(p.lines[0])).length).toBe(0);
  });

  it('do not take different lines in the header band for one', () => {
    const doc = pages(['Ekonomisk uppföljning', 'Arbetsmiljöfrågor', 'Rekrytering av chefer', 'Övriga frågor']);
    expect(findFurniture(doc, { loose: true }).size).toBe(0);
  });
});
