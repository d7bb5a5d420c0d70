// Attendance lists in other layouts than one person a line: inline after a label and wrapped at the margin,
// semicolon-separated "Name, role" entries, and two-column tables with the union in the organisation column.
import { describe, expect, it } from 'vitest';
import type { Line } from '../../ingest/model.ts';
import { parseAttendance } from '../../ingest/parse/attendees.ts';
import { readMeeting } from '../../ingest/parse/meeting.ts';

const line = (text: string, i: number, cells?: string[]): Line => ({ page: 1, text, x: 71, y: 700 - 20 * i, size: 11, bold: false, gapBefore: 20, cells });
const lines = (texts: string[]): Line[] => texts.map((t, i) => line(t, i));
/** A full body line in these tests: the wrapped lines below run about this long. */
const FULL_LINE = 95;

describe('attendance written inline', () => {
  it('reads "Arbetsgivare: Name (role, ordförande), …" wrapped over lines, with who chaired and kept the minutes', () => {
    const list = parseAttendance(
      lines([
        'Närvarande',
        'Arbetsgivare: Helga Sten (avdelningschef, ordförande), Jon Ås (HR-strateg, sekreterare),',
        'Cilla Ros (enhetschef)',
        'Fackliga: Rolf Olsson (Kommunal), Siv Ek (Kommunal), Mia Lund (Vision), Anders Stefan',
        'Holm (Vårdförbundet), Kerstin Ås (Saco)',
        'Förhinder: Akademikerförbundet SSR, Ledarna',
      ]),
      () => false,
      FULL_LINE,
    );
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Helga Sten', 'arbetsgivare', null, 'avdelningschef'],
      ['Jon Ås', 'arbetsgivare', null, 'HR-strateg'],
      ['Cilla Ros', 'arbetsgivare', null, 'enhetschef'],
      ['Rolf Olsson', 'fack', 'Kommunal', null],
      ['Siv Ek', 'fack', 'Kommunal', null],
      ['Mia Lund', 'fack', 'Vision', null],
      ['Anders Stefan Holm', 'fack', 'Vårdförbundet', null],
      ['Kerstin Ås', 'fack', 'Saco', null],
    ]);
    expect(list.absentParties).toEqual(['Akademikerförbundet SSR', 'Ledarna']);
    expect(readMeeting({ title: null, furniture: [], preamble: [], text: '', listed: list })).toMatchObject({ chair: 'Helga Sten', secretary: 'Jon Ås' });
  });

  it('reads semicolon-separated "Name, role" entries wrapped mid-name, an Adjungerad, and pre-2023 teacher unions', () => {
    const list = parseAttendance(
      lines([
        'För arbetsgivaren: Jenny Lind, förvaltningschef; Pål Hansson, HR-chef; Ulla Nord,',
        'verksamhetschef förskola',
        'För arbetstagarna: Kalle Mårtensson, Lärarförbundet; Sara Ek, Lärarnas Riksförbund; Hanna Maria',
        'Borg, Vision; Erik Dahl, Kommunal',
        'Adjungerad: Lotta Frisk, arbetsmiljöstrateg, punkt 5',
        'Ej närvarande: SACO',
      ]),
      () => false,
      FULL_LINE,
    );
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Jenny Lind', 'arbetsgivare', null, 'förvaltningschef'],
      ['Pål Hansson', 'arbetsgivare', null, 'HR-chef'],
      ['Ulla Nord', 'arbetsgivare', null, 'verksamhetschef förskola'],
      ['Kalle Mårtensson', 'fack', 'Sveriges Lärare', null],
      ['Sara Ek', 'fack', 'Sveriges Lärare', null],
      ['Hanna Maria Borg', 'fack', 'Vision', null],
      ['Erik Dahl', 'fack', 'Kommunal', null],
      ['Lotta Frisk', 'arbetsgivare', null, 'arbetsmiljöstrateg'],
    ]);
    expect(list.absentParties).toEqual(['Saco']);
  });

  it('reads an unlisted label by its words: "Närvarande för arbetstagarsidan:", "Frånvarande fackliga:"', () => {
    const list = parseAttendance(
      lines(['Närvarande för arbetsgivarsidan:', 'Anna Berg, enhetschef', 'Närvarande för arbetstagarsidan:', 'Olle Ek, skyddsombud', 'Frånvarande fackliga: Ledarna']),
      () => false,
    );
    expect(list.attendees.map((a) => [a.name, a.side])).toEqual([['Anna Berg', 'arbetsgivare'], ['Olle Ek', 'fack']]);
    expect(list.absentParties).toEqual(['Ledarna']);
  });

  it('reads a meeting function in parentheses after the role: "Anna Berg, avdelningschef (ordförande)"', () => {
    const list = parseAttendance(lines(['Närvarande:', 'Anna Berg, avdelningschef (ordförande)', 'Olle Ek, Kommunal']), () => false);
    expect(list.attendees.map((a) => [a.name, a.role])).toEqual([['Anna Berg', 'avdelningschef'], ['Olle Ek', null]]);
    expect(list.chair).toBe('Anna Berg');
  });

  it('keeps one person a line apart when the lines are short', () => {
    const list = parseAttendance(lines(['Arbetsgivare: Anna Berg, chef', 'Olle Ek, HR-chef']), () => false, FULL_LINE);
    expect(list.attendees.map((a) => [a.name, a.role])).toEqual([['Anna Berg', 'chef'], ['Olle Ek', 'HR-chef']]);
  });
});

describe('attendance table', () => {
  it('reads name | function rows: the header row is no person, the union comes from the organisation column', () => {
    const rows = [
      ['Namn', 'Funktion/organisation'],
      ['Henrik Al', 'Sektorchef, ordförande'],
      ['Maria Jonsson', 'HR-specialist, sekreterare'],
      ['Oskar Lind', 'Huvudskyddsombud, Vision'],
      ['Fatima Rahim', 'Skyddsombud, Akademikerförbundet SSR'],
    ];
    const list = parseAttendance([line('Närvarande', 0), ...rows.map((cells, i) => line(cells.join(' '), i + 1, cells))], () => false);
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Henrik Al', 'arbetsgivare', null, 'Sektorchef'],
      ['Maria Jonsson', 'arbetsgivare', null, 'HR-specialist'],
      ['Oskar Lind', 'fack', 'Vision', 'Huvudskyddsombud'],
      ['Fatima Rahim', 'fack', 'Akademikerförbundet SSR', 'Skyddsombud'],
    ]);
    expect([list.chair, list.secretary]).toEqual(['Henrik Al', 'Maria Jonsson']);
  });

  it('keeps each row of a three-column table its own entry, however long the rows run', () => {
    const rows = [
      ['Namn', 'Roll', 'Organisation'],
      ['Lisa Holm', 'Enhetschef, ordförande', 'Arbetsgivare'],
      ['Per Ås', 'Huvudskyddsombud', 'Kommunal'],
      ['Ali Khan', 'HR-konsult, sekreterare', 'Förvaltningen'],
    ];
    const list = parseAttendance([line('Närvarande', 0), ...rows.map((cells, i) => line(cells.join(' '), i + 1, cells))], () => false, 20);
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Lisa Holm', 'arbetsgivare', null, 'Enhetschef'],
      ['Per Ås', 'fack', 'Kommunal', 'Huvudskyddsombud'],
      ['Ali Khan', 'arbetsgivare', null, 'HR-konsult'],
    ]);
    expect([list.chair, list.secretary]).toEqual(['Lisa Holm', 'Ali Khan']);
  });
});
