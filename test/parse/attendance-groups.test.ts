// More attendance layouts: "Name – role, union" with a dash, groups under headings like "Deltagare från
// arbetsgivaren", absence written as a sentence ("Kommunal har anmält förhinder.") and a secretary named by a label.
import { expect, it } from 'vitest';
import type { Line } from '../../ingest/model.ts';
import { parseAttendance } from '../../ingest/parse/attendees.ts';

const lines = (texts: string[]): Line[] =>
  texts.map((text, i) => ({ page: 1, text, x: 71, y: 700 - 20 * i, size: 11, bold: false, gapBefore: 20 }));

it('reads "Name – role, union" lines with a dash after the name', () => {
  const list = parseAttendance(
    lines(['Närvarande', 'Karin Dahl – skolchef, ordförande', 'Leif Sandberg – huvudskyddsombud, Lärarförbundet', 'Nadia Karimi – Sveriges Skolledare', 'Förhinder: Vision, Akademikerförbundet SSR']),
    () => false,
  );
  expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
    ['Karin Dahl', 'arbetsgivare', null, 'skolchef'],
    ['Leif Sandberg', 'fack', 'Sveriges Lärare', 'huvudskyddsombud'],
    ['Nadia Karimi', 'fack', 'Sveriges Skolledare', null],
  ]);
  expect(list.chair).toBe('Karin Dahl');
  expect(list.absentParties).toEqual(['Vision', 'Akademikerförbundet SSR']);
});

it('reads groups under "Deltagare från arbetsgivaren" and "Deltagare från de fackliga organisationerna"', () => {
  const list = parseAttendance(
    lines(['Deltagare från arbetsgivaren', 'Hanna Lindberg, enhetschef', 'Deltagare från de fackliga organisationerna', 'Eva Marklund, SSR', 'Ronja Nilsson, Vision']),
    () => false,
  );
  expect(list.attendees.map((a) => [a.name, a.side, a.party])).toEqual([
    ['Hanna Lindberg', 'arbetsgivare', null],
    ['Eva Marklund', 'fack', 'Akademikerförbundet SSR'],
    ['Ronja Nilsson', 'fack', 'Vision'],
  ]);
});

it('takes "Kommunal har anmält förhinder." as an absent party and "Sekreterare: Name, role" as an attendee', () => {
  const list = parseAttendance(
    lines(['För arbetstagarna: Sofia Lund (Vision), Rolf Ekström (Ledarna)', 'Sekreterare: Ida Karlsson, HR-konsult', 'Kommunal har anmält förhinder.']),
    () => false,
  );
  expect(list.attendees.map((a) => a.name)).toEqual(['Sofia Lund', 'Rolf Ekström', 'Ida Karlsson']);
  expect(list.secretary).toBe('Ida Karlsson');
  expect(list.absentParties).toEqual(['Kommunal']);
});

it('does not list a chair twice when "Ordförande: Name" stands before the list that names them', () => {
  const list = parseAttendance(lines(['Ordförande: Anna Berg', 'Närvarande', 'Anna Berg, förvaltningschef', 'Olle Ek, Vision']), () => false);
  expect(list.attendees.map((a) => [a.name, a.role])).toEqual([
    ['Anna Berg', 'förvaltningschef'],
    ['Olle Ek', null],
  ]);
  expect(list.chair).toBe('Anna Berg');
});
