// Meeting facts: förvaltning from the letterhead, date stated or inferred, attendance with sides and parties.
import { describe, expect, it } from 'vitest';
import type { Line } from '../../ingest/model.ts';
import { parseAttendance } from '../../ingest/parse/attendees.ts';
import { inferMonth } from '../../ingest/parse/dates.ts';
import { readMeeting } from '../../ingest/parse/meeting.ts';

const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ page: 1, text, x: 71, y: 700 - 20 * i, size: 11, bold: false, gapBefore: 20 }));

describe('meeting facts', () => {
  it('names the förvaltning from the letterhead without the suffix or genitive s', () => {
    const m = readMeeting({ title: null, furniture: lines(['Skärholmens stadsdelsförvaltning Protokoll']), preamble: [], text: 'Socialförvaltningen nämns i texten.' });
    expect(m.forvaltning).toBe('Skärholmen');
  });
  it('names a fackförvaltning by its own name', () => {
    expect(readMeeting({ title: null, furniture: lines(['Äldreförvaltningen Protokoll']), preamble: [], text: '' }).forvaltning).toBe('Äldreförvaltningen');
  });
  it('names a fackförvaltning written in joined parts ("Vård- och omsorgsförvaltningen")', () => {
    const named = (letterhead: string): string | null => readMeeting({ title: null, furniture: lines([letterhead]), preamble: [], text: '' }).forvaltning;
    expect(named('Uppsala kommun Vård- och omsorgsförvaltningen')).toBe('Vård- och omsorgsförvaltningen');
    expect(named('Kultur-, fritids- och idrottsförvaltningen')).toBe('Kultur-, fritids- och idrottsförvaltningen');
    expect(readMeeting({ title: 'Protokoll samverkansgrupp Barn- och skolförvaltningen', furniture: [], preamble: [], text: '' }).forvaltning).toBe('Barn- och skolförvaltningen');
  });
  it('keeps the district a letterhead adds to a fackförvaltning, but not a word that follows it in a sentence', () => {
    const letterhead: Line = { ...lines([''])[0], text: 'Socialförvaltningen Centrum Sid 1 av 2', cells: ['Socialförvaltningen Centrum', 'Sid 1 av 2'] };
    expect(readMeeting({ title: null, furniture: [letterhead], preamble: [], text: '' }).forvaltning).toBe('Socialförvaltningen Centrum');
    expect(readMeeting({ title: null, furniture: lines(['Göteborgs Stad, Socialförvaltningen Nordost, Box 1']), preamble: [], text: '' }).forvaltning).toBe('Socialförvaltningen Nordost');
    expect(readMeeting({ title: null, furniture: lines(['Socialförvaltningen Vi ses']), preamble: [], text: '' }).forvaltning).toBe('Socialförvaltningen');
  });
  it('reads the date under Tidpunkt, taking the year from the title when Tidpunkt has none', () => {
    const m = readMeeting({ title: 'Protokoll från förvaltningsgruppen den 14 januari 2025', furniture: [], preamble: lines(['Tidpunkt:', '14 januari kl. 13.00', 'Plats:', 'Paddan']), text: '' });
    expect(m).toMatchObject({ date: '2025-01-14', dateStated: true, place: 'Paddan', body: 'förvaltningsgrupp' });
  });
  it('takes the year for a Tidpunkt without one from the dates in the text, not from a bare "under 2026"', () => {
    const m = readMeeting({ title: null, furniture: [], preamble: lines(['Tidpunkt:', '14 januari kl. 13.00']), text: 'Under 2026 ska det ske. Justering sker den 17 januari 2025.' });
    expect(m).toMatchObject({ date: '2025-01-14', dateStated: true });
  });
  it('reads a date written in figures ("18/3 2025", "18/3-2025", "18.3.2025"), not a sub-item number', () => {
    const dated = (text: string): string | null => readMeeting({ title: null, furniture: [], preamble: lines([text]), text: '' }).date;
    expect(dated('Datum: 18/3 2025')).toBe('2025-03-18');
    expect(dated('Datum: 18/3-2025')).toBe('2025-03-18');
    expect(dated('Tid: 18.3.2025 kl. 13.00')).toBe('2025-03-18');
    expect(dated('Punkt 4.2 2025 års budget')).toBeNull();
  });
  it('takes "ordf." and "sekr." in an attendee\'s role as chair and secretary', () => {
    const list = parseAttendance(lines(['Närvarande: Anna Berg (enhetschef, ordf.), Olle Ek (HR, sekr.)']), () => false);
    expect([list.chair, list.secretary]).toEqual(['Anna Berg', 'Olle Ek']);
  });
  it('reads short month names and ISO dates in a title', () => {
    expect(readMeeting({ title: null, furniture: [], preamble: lines(['Tid: tisdag 12 jan. 2024 kl 13']), text: '' }).date).toBe('2024-01-12');
    expect(readMeeting({ title: 'Protokoll FVG 2024-03-12', furniture: [], preamble: [], text: '' }).date).toBe('2024-03-12');
  });
  it('infers the month from the justering deadline and the next meeting when no date is stated', () => {
    const text = 'Justeras senast den 8 december kl.12.00. Nästa förvaltningsgrupp är den 15 januari 2026 kl.9-11.';
    expect(inferMonth(text, [])).toBe('2025-12');
    expect(readMeeting({ title: null, furniture: [], preamble: [], text })).toMatchObject({ date: '2025-12', dateStated: false });
  });
  it('stops a labelled name at the next label run into the same paragraph, and prefers the label to "Ordföranden öppnade"', () => {
    const text = 'Ordförande: Karin Lund Sekreterare: Mats Ek Justerare: Elin Sand\nOrdföranden öppnade mötet och hälsade alla välkomna.';
    expect(readMeeting({ title: null, furniture: [], preamble: [], text })).toMatchObject({ chair: 'Karin Lund', secretary: 'Mats Ek' });
    expect(readMeeting({ title: null, furniture: [], preamble: [], text: 'Ordföranden öppnade mötet.' }).chair).toBeNull();
  });
  it('takes who "hälsade välkommen och öppnade mötet" as chair, a lone first name only as a listed attendee', () => {
    expect(readMeeting({ title: null, furniture: [], preamble: [], text: 'Jenny Lind hälsade välkommen och öppnade mötet.' }).chair).toBe('Jenny Lind');
    const listed = { attendees: [{ name: 'Lars Berg' }], chair: null, secretary: null };
    expect(readMeeting({ title: null, furniture: [], preamble: [], text: 'Lars öppnade mötet.', listed }).chair).toBe('Lars Berg');
  });
  it('reads the place from "Tid och plats:" after the date and time', () => {
    const m = readMeeting({ title: null, furniture: [], preamble: lines(['Tid och plats: 2022-10-04 kl. 14.00–16.00, Kristallen, Kristallvägen 5']), text: '' });
    expect(m).toMatchObject({ date: '2022-10-04', place: 'Kristallen, Kristallvägen 5' });
  });
  it('finds who opened the meeting and who kept the minutes', () => {
    const m = readMeeting({ title: null, furniture: [], preamble: [], text: 'Mötet öppnades av Magnus Borgsten\nSekreterare valdes till Caroline Seidefors.' });
    expect(m).toMatchObject({ chair: 'Magnus Borgsten', secretary: 'Caroline Seidefors' });
  });
});

describe('attendance', () => {
  it('reads employer roles, union lists and Förhinder', () => {
    const list = parseAttendance(
      lines(['Närvarande:', 'Stadsdelsförvaltningen', 'Lars Wennberg, avdelningschef nämndkansliet', 'Fackliga organisationer', 'Kommunal: Charlotte Andersson, Piero Cima', 'SACO: Carl Korch', 'Förhinder', 'Ledarna', 'Vårdförbundet', 'Tidpunkt:', '12 mars 2024']),
      () => false,
    );
    expect(list.attendees).toEqual([
      { name: 'Lars Wennberg', side: 'arbetsgivare', party: null, role: 'avdelningschef nämndkansliet' },
      { name: 'Charlotte Andersson', side: 'fack', party: 'Kommunal', role: null },
      { name: 'Piero Cima', side: 'fack', party: 'Kommunal', role: null },
      { name: 'Carl Korch', side: 'fack', party: 'Saco', role: null },
    ]);
    expect(list.absentParties).toEqual(['Ledarna', 'Vårdförbundet']);
  });
  it('reads "Party – names", "Name (Party)" and "Name Party" lines', () => {
    const list = parseAttendance(lines(['Närvarande', 'Vision – Anna Berg', 'Olle Ek (Kommunal)', 'Eva Lind Sveriges Lärare']), () => false);
    expect(list.attendees.map((a) => [a.name, a.party])).toEqual([['Anna Berg', 'Vision'], ['Olle Ek', 'Kommunal'], ['Eva Lind', 'Sveriges Lärare']]);
  });
  it('reads the visible names of a list cut at the start, the side from the role', () => {
    const list = parseAttendance(lines(['Anna Hamlin, Individ och Familj', 'Louise Lindberg-Svärd,', 'Vårdförbundet', 'Tidpunkt:', 'idag']), () => false);
    expect(list.attendees).toEqual([
      { name: 'Anna Hamlin', side: 'arbetsgivare', party: null, role: 'Individ och Familj' },
      { name: 'Louise Lindberg-Svärd', side: 'fack', party: 'Vårdförbundet', role: null },
    ]);
  });
});
