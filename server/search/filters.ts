// Which sections pass the search filters (everything but the party of the matching statement, which each
// engine checks where it knows which statement matched).
import type { SectionDoc } from './documents.ts';
import type { SearchFilters, SearchSource } from './engine.ts';

export function passesFilters(doc: SectionDoc, filters: SearchFilters): boolean {
  if (filters.forvaltning && doc.forvaltning !== filters.forvaltning) return false;
  if (filters.body && doc.body !== filters.body) return false;
  if (filters.topic && !doc.topics.includes(filters.topic)) return false;
  if (filters.status && !doc.statuses.includes(filters.status)) return false;
  if (filters.party && !doc.parties.includes(filters.party)) return false;
  if (filters.source && sourceOf(doc) !== filters.source) return false;
  return withinDates(doc.date, filters.from, filters.to);
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
