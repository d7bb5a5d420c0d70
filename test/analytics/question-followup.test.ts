// Questions followed across meetings, on hand-made protocols: the user sees a deferred question as answered
// later (with the meeting that answered it), still open (with its age), or answered at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from '../../server/analytics/snapshot.ts';
import { storeOf } from './hand-made.ts';

const FVG = 'Farsta';
let store: ArchiveStore;
let snapshot: AnalyticsSnapshot;

function question(fragment: string) {
  const found = snapshot.questions.filter((q) => q.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0];
}

beforeAll(async () => {
  store = await storeOf([
    {
      forvaltning: FVG,
      date: '2024-01-16',
      sections: [
        {
          title: 'Övergripande information från arbetsgivaren',
          questions: [
            { party: 'Vision', text: 'Vision undrar hur många hot- och våldsincidenter som har anmälts inom hemtjänsten det senaste halvåret.', status: 'deferred', answer: 'Arbetsgivaren återkommer i frågan.' },
            { party: 'Kommunal', text: 'Kommunal frågar när schemaläggningen i äldreomsorgen ska utvärderas.', status: 'deferred', answer: 'Frågan besvaras vid nästa förvaltningsgrupp.' },
            { party: 'Saco', text: 'Saco undrar om friskvårdsbidraget höjs nästa år.', status: 'answered', answer: 'Arbetsgivaren svarar att bidraget är oförändrat.' },
          ],
        },
      ],
    },
    {
      forvaltning: FVG,
      date: '2024-02-13',
      sections: [
        {
          title: 'Kvarvarande frågor från föregående möte',
          says: [
            ['Vision', 'Kvarstående fråga från Vision om antalet anmälda hot- och våldsincidenter inom hemtjänsten.'],
            ['Arbetsgivaren', 'Arbetsgivaren svarar att elva händelser har anmälts i IA och att samtliga har följts upp.'],
          ],
        },
        {
          title: 'Övriga frågor',
          // Another union asks about the same subject: not Kommunal's question taken up again.
          questions: [{ party: 'Vision', text: 'Vision undrar när schemaläggningen i äldreomsorgen ska utvärderas.', status: 'answered', answer: 'Arbetsgivaren svarar att det sker i maj.' }],
        },
      ],
    },
    {
      forvaltning: FVG,
      date: '2024-03-12',
      sections: [{ title: 'Mötets öppnande', says: [['Arbetsgivaren', 'Ordföranden öppnade mötet.']] }],
    },
    // Another förvaltning's later meeting answers nothing of Farsta's.
    {
      forvaltning: 'Skärholmen',
      date: '2024-04-09',
      sections: [
        {
          title: 'Kvarvarande frågor från föregående möte',
          says: [
            ['Kommunal', 'Kommunal har tidigare frågat om utvärderingen av schemaläggningen i äldreomsorgen.'],
            ['Arbetsgivaren', 'Arbetsgivaren svarar att utvärderingen är klar.'],
          ],
        },
      ],
    },
  ]);
  snapshot = await buildSnapshot(store);
});

afterAll(async () => {
  await store.close();
});

describe('question follow-up across meetings', () => {
  it("links Vision's deferred question to the meeting where the employer answered it", () => {
    const q = question('hot- och våldsincidenter som har anmälts');
    expect(q.currentStatus).toBe('answered_later');
    expect(q.answeredIn?.date).toBe('2024-02-13');
    expect(q.answer?.text).toContain('elva händelser');
    expect(q.daysOpen).toBe(28);
    expect(q.trail.map((s) => [s.date, s.status])).toEqual([
      ['2024-01-16', 'deferred'],
      ['2024-02-13', 'answered'],
    ]);
  });

  it('keeps a question open when only another union, or another förvaltning, takes up the subject', () => {
    const q = question('Kommunal frågar när schemaläggningen');
    expect(q.currentStatus).toBe('open');
    expect(q.answeredIn).toBeNull();
    // Open questions age to the förvaltning's latest meeting in the archive (2024-03-12).
    expect(q.daysOpen).toBe(56);
  });

  it('counts a question answered in its own meeting as answered with no days open', () => {
    const q = question('friskvårdsbidraget');
    expect(q.currentStatus).toBe('answered');
    expect(q.daysOpen).toBe(0);
  });

  it('reports per förvaltning and party how many questions were answered at once and how many are open', async () => {
    const { questionStats } = await import('../../server/analytics/question-stats.ts');
    const farsta = questionStats(snapshot.questions).filter((r) => r.forvaltning === FVG);
    expect(farsta.find((r) => r.party === 'Kommunal')).toMatchObject({ questions: 1, open: 1, answeredSameMeeting: 0, medianDaysToAnswer: null });
    expect(farsta.find((r) => r.party === 'Vision')).toMatchObject({ questions: 2, open: 0, answeredSameMeeting: 0.5, medianDaysToAnswer: 14 });
  });
});
