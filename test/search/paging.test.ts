// Paging through a search: every section appears on exactly one page, also among sections that rank equal
// (same score, same date), and a server that keeps a search's matches for its further pages gives the pages a
// fresh search gives — including after the archive changes.
import { describe, expect, it } from 'vitest';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import type { SearchRequest } from '../../server/search/engine.ts';
import type { SectionRecord } from '../../ingest/store/types.ts';
import { HAND_MADE, sectionRecord } from './hand-made-records.ts';

/** The hand-made archive copied under other protocol ids: copies rank exactly equal. */
function copies(count: number): SectionRecord[] {
  return Array.from({ length: count }, (_, copy) =>
    HAND_MADE.map((record) => ({ ...record, protocolId: `${record.protocolId.slice(0, 12)}${String(copy).padStart(4, '0')}` })),
  ).flat();
}

const RECORDS = copies(12);

function allPages(engine: MiniSearchEngine, request: SearchRequest, pageSize: number): string[] {
  const ids: string[] = [];
  const total = engine.search({ ...request, pageSize }).total;
  for (let page = 1; (page - 1) * pageSize < total; page++) ids.push(...engine.search({ ...request, page, pageSize }).hits.map((h) => h.id));
  return ids;
}

describe('paging', () => {
  it('shows every match on exactly one page, also among equally ranked sections', async () => {
    const engine = new MiniSearchEngine();
    await engine.index(RECORDS);
    for (const request of [{ query: 'arbetsgivaren' }, { query: 'arbetsgivaren', sort: 'date' as const }, { query: 'våld' }]) {
      const paged = allPages(engine, request, 4);
      const whole = engine.search({ ...request, pageSize: 100 }).hits.map((h) => h.id);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(paged.length);
    }
  });

  it('gives the same pages from kept matches as from searching anew, in any order of asking', async () => {
    const fresh = new MiniSearchEngine();
    const keeping = new MiniSearchEngine({ keptSearches: 10 });
    await fresh.index(RECORDS);
    await keeping.index(RECORDS);
    const requests: SearchRequest[] = [
      { query: 'arbetsgivaren', page: 3, pageSize: 5 },
      { query: 'arbetsgivaren', page: 1, pageSize: 5 },
      { query: 'arbetsgivaren', sort: 'date', page: 2, pageSize: 5 },
      { query: 'arbetsgivaren', page: 9, pageSize: 5 },
      { query: 'arbetsgivaren', filters: { party: 'Arbetsgivaren', source: 'real' }, page: 2, pageSize: 5 },
      { query: 'handlingsplan qqqzzzord', page: 2, pageSize: 3 },
    ];
    for (const request of requests) expect(keeping.search(request)).toEqual(fresh.search(request));
  });

  it('does not answer from matches kept before a protocol was added', async () => {
    const keeping = new MiniSearchEngine({ keptSearches: 10 });
    await keeping.index(RECORDS);
    // Asked twice: matches are kept from a search's second asking on.
    expect(keeping.search({ query: 'friskvårdsbidrag' }).total).toBe(0);
    expect(keeping.search({ query: 'friskvårdsbidrag', page: 2 }).total).toBe(0);
    const added = sectionRecord({
      protocolId: 'bbbb000000000001', forvaltning: 'Skärholmen', date: '2026-01-15', number: '3', title: 'Friskvård',
      utterances: [['Vision', 'Vision frågar om friskvårdsbidraget höjs.']],
    });
    keeping.add(added.protocolId, [added]);
    expect(keeping.search({ query: 'friskvårdsbidrag' }).hits.map((h) => h.id)).toEqual(['bbbb000000000001#3']);
    keeping.remove(added.protocolId);
    expect(keeping.search({ query: 'friskvårdsbidrag' }).total).toBe(0);
  });
});
