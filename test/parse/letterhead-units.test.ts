// The förvaltning from a letterhead line that names only the unit, in lower case or as a unit other than a
// förvaltning ("Individ- och familjeomsorgen (IFO)"), the secretary from "Vid anteckningarna:", and the body
// "förvaltningens samverkansgrupp" named in full.
import { expect, it } from 'vitest';
import type { Line } from '../../ingest/model.ts';
import { readMeeting } from '../../ingest/parse/meeting.ts';

const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ page: 1, text, x: 71, y: 700 - 20 * i, size: 11, bold: false, gapBefore: 20 }));
const named = (letterhead: string): string | null => readMeeting({ title: null, furniture: lines(['KOMMUNENS NAMN', letterhead]), preamble: [], text: '' }).forvaltning;

it.each([
  ['skol- och fritidsförvaltningen', 'Skol- och fritidsförvaltningen'],
  ['Individ- och familjeomsorgen (IFO)', 'Individ- och familjeomsorgen'],
])('names the förvaltning from the letterhead line "%s"', (letterhead, expected) => {
  expect(named(letterhead)).toBe(expected);
});

it('does not take a sentence that merely mentions a unit for the letterhead unit', () => {
  expect(named('Möte med individ- och familjeomsorgen om lokaler')).toBeNull();
});

it('names the secretary from "Vid anteckningarna: Name"', () => {
  const m = readMeeting({ title: null, furniture: [], preamble: [], text: 'Mötet avslutas.\nVid anteckningarna: Therese Wall' });
  expect(m.secretary).toBe('Therese Wall');
});

it('names the body "förvaltningens samverkansgrupp" in full, not only "samverkansgrupp"', () => {
  const m = readMeeting({ title: 'Protokoll förvaltningens samverkansgrupp (FSG)', furniture: [], preamble: [], text: '' });
  expect(m.body).toBe('förvaltningens samverkansgrupp');
});
