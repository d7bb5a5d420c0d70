// E-signature logs (Scrive, Assently …) appended to a protocol are set aside as furniture: they must not become
// text of the last agenda item, nor give the meeting a date.
import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../ingest/extract/furniture.ts';
import type { Line, Page } from '../../ingest/model.ts';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout } from './layout.ts';

const LOG = [
  'Transaktion 09222115557491234567',
  'Dokument',
  'Protokoll samverkansgrupp 2025-03-18',
  'Huvuddokument',
  '3 sidor',
  'Startades 2025-03-19 09:12:44 CET (+0100) av Anna Berg (AB)',
  'Signerande parter',
  'Anna Berg (AB) anna.berg@kommun.se',
  'Signerat 2025-03-19 10:01:22 CET (+0100)',
  'Olle Ek (OE) olle.ek@vision.se',
  'Signerat 2025-03-21 14:03:10 CET (+0100)',
  'Detta verifikat är utfärdat av Scrive.',
];

function page(number: number, texts: string[]): Page {
  const lines: Line[] = texts.map((text, i) => ({ page: number, text, x: 70, y: 700 - 14 * i, size: 11, bold: false, gapBefore: 14 }));
  return { number, width: 595, height: 842, lines };
}

describe('e-signature logs', () => {
  it('sets a page of signing log aside, whatever its position', () => {
    const pages = [page(1, ['8. Mötets avslutande', 'Ordföranden avslutade mötet.', 'Justeras', 'Anna Berg Olle Ek']), page(2, LOG)];
    const furniture = findFurniture(pages);
    expect(pages[1].lines.every((l) => furniture.has(l))).toBe(true);
    expect(pages[0].lines.some((l) => furniture.has(l))).toBe(false);
  });

  it('sets aside a log printed below the signatures on the last page, and keeps the signatures', () => {
    const pages = [page(1, ['8. Mötets avslutande', 'Ordföranden avslutade mötet.', 'Justeras', 'Anna Berg Olle Ek', ...LOG])];
    const kept = pages[0].lines.filter((l) => !findFurniture(pages).has(l)).map((l) => l.text);
    expect(kept).toEqual(['8. Mötets avslutande', 'Ordföranden avslutade mötet.', 'Justeras', 'Anna Berg Olle Ek']);
  });

  it('leaves a page of minutes that mentions a date and an e-mail address alone', () => {
    const minutes = ['Frågor skickas till hr@kommun.se senast 2025-03-19 kl. 12.00.', 'Vision undrar om rutinen gäller.', 'Arbetsgivaren svarar att den gäller.', 'Informationen noteras.', 'Nästa möte hålls i april.'];
    expect(findFurniture([page(1, minutes), page(2, minutes)]).size).toBe(0);
  });

  it('leaves a closing contact list of e-mail addresses alone', () => {
    const contacts = ['Kontaktpersoner', 'Anna Berg, anna.berg@kommun.se', 'Olle Ek, olle.ek@vision.se', 'Eva Lind, eva.lind@kommunal.se', 'Per Ås, per.as@kommun.se'];
    expect(findFurniture([page(1, ['1. Information', 'Text.']), page(2, contacts)]).size).toBe(0);
  });

  it('does not date a meeting by the log of its signing', () => {
    const doc = layout([heading('1. Mötets öppnande'), 'Mötet öppnades.', heading('2. Mötets avslutande'), 'Justeras senast den 28 mars 2025.']);
    const log = page(2, LOG);
    doc.pages.push(log);
    const outcome = parseProtocol(doc, { file: 'x.pdf', sha256: '', pages: 2 });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.protocol.meeting).toMatchObject({ date: '2025-03', dateStated: false });
  });
});
