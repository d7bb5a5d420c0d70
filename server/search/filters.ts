// Which sections pass the search filters (everything but the party of the matching statement, which each
// engine checks where it knows which statement matched). The filters of a search are turned into one test
// over the sections' facet codes and day numbers (facet-table.ts, slot-dates.ts), run for every candidate.
import type { SectionDoc } from './documents.ts';
import type { SearchFilters, SearchSource } from './engine.ts';
import type { FacetTable } from './facet-table.ts';
import type { SlotDates } from './slot-dates.ts';

/** The filters as a test of a slot; every slot passes when nothing is filtered. */
export function slotFilter(filters: SearchFilters, table: FacetTable, dates: SlotDates): (slot: number) => boolean {
  const tests: Array<(slot: number) => boolean> = [];
  const single = (facet: 'forvaltning' | 'body' | 'source', value: string) => {
    const { code, slots } = table.single(facet, value);
    tests.push((slot) => code !== 0 && slots[slot] === code);
  };
  const multi = (facet: 'party' | 'topic' | 'status', value: string) => {
    const { sets, slots } = table.holding(facet, value);
    tests.push((slot) => sets[slots[slot]] === 1);
  };
  if (filters.forvaltning) single('forvaltning', filters.forvaltning);
  if (filters.body) single('body', filters.body);
  if (filters.source) single('source', filters.source);
  if (filters.topic) multi('topic', filters.topic);
  if (filters.status) multi('status', filters.status);
  if (filters.party) multi('party', filters.party);
  if (filters.from || filters.to) tests.push(dates.within(filters.from, filters.to));
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (slot) => tests.every((test) => test(slot));
}

export function sourceOf(doc: SectionDoc): SearchSource {
  return doc.synthetic ? 'synthetic' : 'real';
}

/** A date of only a month ("2025-12") covers the whole month, so it overlaps a range that touches it. */
export function withinDates(date: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  // Bounds given as months ("2024-03") cover their whole month too.
  if (from?.length === 7) from = `${from}-01`;
  if (to?.length === 7) to = `${to}-31`;
  const first = date.length === 7 ? `${date}-01` : date.length === 4 ? `${date}-01-01` : date;
  const last = date.length === 7 ? `${date}-31` : date.length === 4 ? `${date}-12-31` : date;
  if (from && last < from) return false;
  if (to && first > to) return false;
  return true;
}
