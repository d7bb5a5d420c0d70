// Topic trends on hand-made protocols: counts, shares of a förvaltning's meetings, the parties that raised a
// topic, and the topic × förvaltning matrix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from '../../server/analytics/snapshot.ts';
import { storeOf, type HandMadeMeeting } from './hand-made.ts';

const violence = (party: 'Vision' | 'Kommunal'): HandMadeMeeting['sections'][number] => ({
  title: 'Arbetsmiljö',
  topics: ['hot och våld'],
  says: [[party, `${party} lyfter att hotbilden har ökat.`]],
});
const other: HandMadeMeeting['sections'][number] = { title: 'Ekonomi', topics: ['budget/ekonomi'], says: [['Arbetsgivaren', 'Prognosen visar underskott.']] };

let store: ArchiveStore;
let snapshot: AnalyticsSnapshot;

beforeAll(async () => {
  store = await storeOf([
    // Farsta Q1: 3 meetings, 2 about hot och våld (one with two such sections).
    { forvaltning: 'Farsta', date: '2024-01-10', sections: [violence('Vision'), violence('Kommunal')] },
    { forvaltning: 'Farsta', date: '2024-02-10', sections: [violence('Vision')] },
    { forvaltning: 'Farsta', date: '2024-03-10', sections: [other] },
    // Farsta Q2: 1 meeting, none about it.
    { forvaltning: 'Farsta', date: '2024-04-10', sections: [other] },
    // Skärholmen Q1: 1 meeting about it; month-only date.
    { forvaltning: 'Skärholmen', date: '2024-03', sections: [violence('Kommunal')] },
    // Undated: counts in totals, never in a period.
    { forvaltning: 'Skärholmen', date: null, sections: [violence('Vision')] },
  ]);
  snapshot = await buildSnapshot(store);
});

afterAll(async () => {
  await store.close();
});

describe('topic trends', () => {
  it('counts protocols and sections per förvaltning and quarter, with the share of that förvaltning’s meetings', () => {
    const rows = snapshot.trends.trendRows({ topic: 'hot och våld', period: 'quarter', by: 'forvaltning' });
    expect(rows.map((r) => [r.period, r.group, r.protocols, r.sections, r.totalProtocols, r.share])).toEqual([
      ['2024-Q1', 'Farsta', 2, 3, 3, 2 / 3],
      ['2024-Q1', 'Skärholmen', 1, 1, 1, 1],
      ['2024-Q2', 'Farsta', 0, 0, 1, 0],
    ]);
    expect(rows[0].periodStart).toBe('2024-01-01');
  });

  it('tells which parties raised the topic', () => {
    const rows = snapshot.trends.trendRows({ topic: 'hot och våld', period: 'year', by: 'party' });
    const byParty = Object.fromEntries(rows.map((r) => [r.group, [r.protocols, r.totalProtocols]]));
    expect(byParty).toEqual({ Kommunal: [2, 5], Vision: [2, 5] });
  });

  it('filters by förvaltning and date range', () => {
    const rows = snapshot.trends.trendRows({
      topic: 'hot och våld',
      period: 'month',
      by: 'forvaltning',
      forvaltningar: ['Farsta'],
      from: '2024-02',
      to: '2024-03-31',
    });
    expect(rows.map((r) => [r.period, r.protocols, r.totalProtocols])).toEqual([
      ['2024-02', 1, 1],
      ['2024-03', 0, 1],
    ]);
  });

  it('gives topic × förvaltning totals for the heat map', () => {
    const cell = (topic: string, forvaltning: string) =>
      snapshot.trends.matrixRows().find((r) => r.topic === topic && r.forvaltning === forvaltning);
    expect(cell('hot och våld', 'Farsta')).toMatchObject({ protocols: 2, sections: 3, totalProtocols: 4, share: 0.5 });
    expect(cell('hot och våld', 'Skärholmen')).toMatchObject({ protocols: 2, totalProtocols: 2, share: 1 });
    expect(snapshot.trends.matrixRows('2024-04').find((r) => r.topic === 'budget/ekonomi')).toMatchObject({
      forvaltning: 'Farsta',
      protocols: 1,
      totalProtocols: 1,
    });
  });

  it('lists every taxonomy topic with archive totals', () => {
    expect(snapshot.topics.length).toBeGreaterThanOrEqual(10);
    expect(snapshot.topics.find((t) => t.id === 'hot och våld')).toMatchObject({ protocols: 4, sections: 5 });
    expect(snapshot.topics.find((t) => t.id === 'friskfaktorer')).toMatchObject({ protocols: 0, sections: 0 });
  });
});
