// Emerging subjects on hand-made protocols: a phrase that appears only in the latest quarter is found; steady
// words, people's names, numbers and calendar words are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from '../../server/analytics/snapshot.ts';
import { storeOf, type HandMadeMeeting } from './hand-made.ts';

const steady = 'Arbetsgivaren informerar om budgeten och sjukfrånvaron inom förskolan. Rekryteringen av socialsekreterare fortsätter.';
const emerging = 'Arbetsgivaren informerar om införandet av nya socialtjänstlagen och vad nya socialtjänstlagen innebär för handläggarna.';
const named = 'Anna Lindqvist berättar att Lindqvist har träffat Björklund i december 2025.';

function meeting(date: string, texts: string[]): HandMadeMeeting {
  return { forvaltning: 'Farsta', date, chair: 'Gunilla Björklund', sections: [{ title: 'Information', says: texts.map((t): ['Arbetsgivaren', string] => ['Arbetsgivaren', t]) }] };
}

let store: ArchiveStore;
let snapshot: AnalyticsSnapshot;

beforeAll(async () => {
  const meetings: HandMadeMeeting[] = [];
  for (const month of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) meetings.push(meeting(`2025-${month}-10`, [steady, steady]));
  for (const month of ['10', '11', '12']) {
    meetings.push(meeting(`2025-${month}-10`, [steady, emerging, named]));
    meetings.push(meeting(`2025-${month}-24`, [steady, emerging, named]));
  }
  store = await storeOf(meetings);
  snapshot = await buildSnapshot(store);
});

afterAll(async () => {
  await store.close();
});

describe('emerging subjects', () => {
  it('finds a phrase used only in the latest quarter, compared with the quarters before', () => {
    const result = snapshot.emerging.quarter;
    expect(result.latest).toBe('2025-Q4');
    expect(result.baseline).toBe('2025-Q1–2025-Q3');
    const terms = result.terms.map((t) => t.term);
    expect(terms).toContain('nya socialtjänstlagen');
    const phrase = result.terms.find((t) => t.term === 'nya socialtjänstlagen')!;
    expect(phrase).toMatchObject({ latestCount: 12, baselineCount: 0 });
    expect(phrase.score).toBeGreaterThan(10);
  });

  it('leaves out steady words, names of people, numbers and calendar words', () => {
    const terms = snapshot.emerging.quarter.terms.map((t) => t.term);
    for (const word of ['budgeten', 'sjukfrånvaron', 'lindqvist', 'björklund', 'anna', 'december', '2025']) {
      expect(terms.some((t) => t.split(' ').includes(word)), word).toBe(false);
    }
  });
});
