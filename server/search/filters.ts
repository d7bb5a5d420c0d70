// Which sections pass the search filters (everything but the party of the matching statement, which each
// engine checks where it knows which statement matched). The filters of a search are turned into one test
// over the sections' facet codes and day numbers (facet-table.ts, slot-dates.ts), run for every candidate.
import type { SectionDoc } from './documents.ts';
import type { SearchFilters, SearchSource } from './engine.ts';
import type { FacetTable } from './facet-table.ts';
import type { SlotDates } from './slot-dates.ts';

/** The filters as a test of a slot; removed sections never pass, every other one when nothing is filtered. */
export function slotFilter(filters: SearchFilters, table: FacetTable, dates: SlotDates): (slot: number) => boolean {
  const live = table.column('source');
  const isLive = (slot: number) => live.codes[slot * live.stride + live.offset] > 0;
  const tests: Array<(slot: number) => boolean> = [];
  const single = (facet: 'forvaltning' | 'body' | 'source', value: string) => {
    const code = table.codeOf(facet, value);
    const { codes, stride, offset } = table.column(facet);
    tests.push((slot) => code !== 0 && codes[slot * stride + offset] === code);
  };
  const multi = (facet: 'party' | 'topic' | 'status', value: string) => {
    const sets = table.setsHolding(facet, value);
    const { codes, stride, offset } = table.column(facet);
    tests.push((slot) => sets[codes[slot * stride + offset]] === 1);
  };
  if (filters.forvaltning) single('forvaltning', filters.forvaltning);
  if (filters.body) single('body', filters.body);
  if (filters.source) single('source', filters.source);
  if (filters.topic) multi('topic', filters.topic);
  if (filters.status) multi('status', filters.status);
  if (filters.party) multi('party', filters.party);
  if (filters.from || filters.to) tests.push(dates.within(filters.from, filters.to));
  if (tests.length === 0) return isLive;
  if (tests.length === 1) return (slot) => isLive(slot) && tests[0](slot);
  // A loop rather than every() with a closure: this runs for each candidate of a search.
  return (slot) => {
    if (!isLive(slot)) return false;
    for (const test of tests) if (!test(slot)) return false;
    return true;
  };
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
