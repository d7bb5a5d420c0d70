// Emerging subjects as a person would name them, on hand-made protocols: everyday words that rise by chance
// ("används", "staden", "arbetet", "enheten", "användningen") are not subjects; a new noun phrase raised in
// several meetings is, shown with the sentences it comes from; a word repeated in one meeting only is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from '../../server/analytics/snapshot.ts';
import { storeOf, type HandMadeMeeting } from './hand-made.ts';

const everyday = 'Arbetet i enheten fortsätter och staden följer användningen av lokalerna.';
// In the latest quarter the everyday words are used far more, and "används" appears for the first time.
const everydayMore = 'Arbetet i enheten fortsätter, arbetet i staden också, och användningen av lokalerna följs upp. Arbetet med enheten i staden pågår och användningen ökar. Lokalerna används mer.';
const newSubject = 'Arbetsgivaren presenterar heltidsresan för undersköterskorna. Kommunal vill veta hur heltidsresan påverkar schemat.';
const oneMeetingOnly = 'Vision tar upp robotdammsugarna. Robotdammsugarna är dyra, robotdammsugarna går sönder och robotdammsugarna bullrar. Fler robotdammsugarna ska köpas.';

function meeting(date: string, texts: string[]): HandMadeMeeting {
  return { forvaltning: 'Farsta', date, sections: [{ title: 'Information', says: texts.map((t): ['Arbetsgivaren', string] => ['Arbetsgivaren', t]) }] };
}

let store: ArchiveStore;
let snapshot: AnalyticsSnapshot;

beforeAll(async () => {
  const meetings: HandMadeMeeting[] = [];
  for (const [i, month] of ['01', '02', '03', '04', '05', '06', '07', '08', '09'].entries()) {
    // The everyday words occur in most earlier meetings, though less often than in the latest quarter.
    meetings.push(meeting(`2025-${month}-10`, i % 3 === 2 ? ['Budgeten följs upp.'] : [everyday]));
  }
  for (const month of ['10', '11', '12']) {
    meetings.push(meeting(`2025-${month}-10`, [everydayMore, everydayMore, newSubject]));
    meetings.push(meeting(`2025-${month}-24`, [everydayMore, everydayMore, newSubject]));
  }
  meetings.push(meeting('2025-12-30', [oneMeetingOnly, oneMeetingOnly]));
  store = await storeOf(meetings);
  snapshot = await buildSnapshot(store);
});

afterAll(async () => {
  await store.close();
});

describe('emerging subjects a person would call subjects', () => {
  it('leaves out "används", "staden", "arbetet", "enheten" and "användningen" even when their use rises', () => {
    const terms = snapshot.emerging.quarter.terms.map((t) => t.term);
    for (const word of ['används', 'staden', 'arbetet', 'enheten', 'användningen']) {
      expect(terms.filter((t) => t.split(' ').includes(word)), word).toEqual([]);
    }
  });

  it('lists "heltidsresan", raised in six meetings, with the sentences it comes from', () => {
    const subject = snapshot.emerging.quarter.terms.find((t) => t.term === 'heltidsresan');
    expect(subject).toBeDefined();
    expect(subject!.protocols).toBe(6);
    expect(subject!.examples.length).toBeGreaterThanOrEqual(1);
    expect(subject!.examples.length).toBeLessThanOrEqual(3);
    expect(subject!.examples[0]).toMatchObject({ forvaltning: 'Farsta', date: '2025-12-24' });
    expect(subject!.examples.map((e) => e.sentence)).toContain('Arbetsgivaren presenterar heltidsresan för undersköterskorna.');
  });

  it('does not list a word repeated in one meeting only', () => {
    expect(snapshot.emerging.quarter.terms.map((t) => t.term)).not.toContain('robotdammsugarna');
  });
});
