// The engine keeps what it worked out for earlier searches (each term's scored postings, each party's sections
// per term) until the index changes. These tests search first, then change the archive, and expect the answers
// a freshly built index gives — nothing stale from before the change.
import { describe, expect, it } from 'vitest';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import type { SearchRequest, SearchResponse } from '../../server/search/engine.ts';
import { slotFilter, withinDates } from '../../server/search/filters.ts';
import { FacetTable } from '../../server/search/facet-table.ts';
import { SlotDates } from '../../server/search/slot-dates.ts';
import { sectionDocOf } from '../../server/search/documents.ts';
import { HAND_MADE, sectionRecord } from './hand-made-records.ts';

const REQUESTS: SearchRequest[] = [
  { query: 'våld' },
  { query: 'arbetsgivaren', filters: { party: 'Arbetsgivaren' } },
  { query: 'vision frågar', filters: { party: 'Vision' } },
  { query: 'friskvårdsbidrag', filters: { party: 'Vision', from: '2026-01' } },
  { query: 'arbetsgivaren', filters: { forvaltning: 'Skärholmen', topic: 'hot-och-vald' } },
  { query: 'sjukfrånvaro', sort: 'date' },
];

const ADDED = sectionRecord({
  protocolId: 'bbbb000000000001', forvaltning: 'Skärholmen', date: '2026-01-15', number: '3', title: 'Friskvård',
  utterances: [
    ['Vision', 'Vision frågar om friskvårdsbidraget höjs och om våld mot personal ökar.'],
    ['Arbetsgivaren', 'Arbetsgivaren svarar att bidraget höjs.'],
  ],
  topics: ['hot-och-vald'], statuses: ['answered'],
});

/** What a search finds, without scores: removed sections stay in minisearch's term statistics until vacuumed. */
function found(response: SearchResponse) {
  return { total: response.total, ids: response.hits.map((h) => h.id).sort(), facets: response.facets };
}

describe('searching after the archive changes', () => {
  it('finds a protocol added after earlier searches, with party, date and topic filters', async () => {
    const changed = new MiniSearchEngine();
    await changed.index(HAND_MADE);
    for (const request of REQUESTS) changed.search(request);
    changed.add(ADDED.protocolId, [ADDED]);

    const fresh = new MiniSearchEngine();
    await fresh.index([...HAND_MADE, ADDED]);
    for (const request of REQUESTS) expect(found(changed.search(request))).toEqual(found(fresh.search(request)));
    expect(changed.search({ query: 'friskvårdsbidrag', filters: { party: 'Vision' } }).hits.map((h) => h.id)).toEqual(['bbbb000000000001#3']);
  });

  it('no longer finds a removed protocol, also under a party filter asked before', async () => {
    const changed = new MiniSearchEngine();
    await changed.index(HAND_MADE);
    for (const request of REQUESTS) changed.search(request);
    changed.remove('aaaa000000000002');

    const fresh = new MiniSearchEngine();
    await fresh.index(HAND_MADE.filter((r) => r.protocolId !== 'aaaa000000000002'));
    for (const request of REQUESTS) expect(found(changed.search(request))).toEqual(found(fresh.search(request)));
    expect(changed.search({ query: 'våld', filters: { party: 'Kommunal' } }).total).toBe(0);
  });
});

describe('date filters', () => {
  it('admit the same sections as the protocol list does, for days, months and years', () => {
    const dates = ['2024-02-29', '2024-03', '2024', '2024-12-31', '2025-01-01', '2023-12', null];
    const table = new FacetTable();
    const slotDates = new SlotDates();
    const { doc } = sectionDocOf(HAND_MADE[0]);
    dates.forEach((date, slot) => {
      table.set(slot, { ...doc, date });
      slotDates.set(slot, date);
    });
    const bounds = [undefined, '2024', '2024-03', '2024-03-01', '2024-02-29', '2024-12', '2025-01-01', '2023-12-31'];
    for (const from of bounds) {
      for (const to of bounds) {
        if (!from && !to) continue;
        const passes = slotFilter({ from, to }, table, slotDates);
        const expected = dates.map((date) => withinDates(date, from, to));
        expect(dates.map((_, slot) => passes(slot)), `from ${from} to ${to}`).toEqual(expected);
      }
    }
  });
});
