// Facet counts (förvaltning, party, topic, question status, body, year) over a set of sections.
import type { SectionDoc } from './documents.ts';
import type { FacetCount, Facets } from './engine.ts';

export function countFacets(docs: Iterable<SectionDoc>): Facets {
  const counts = {
    forvaltning: new Map<string, number>(),
    party: new Map<string, number>(),
    topic: new Map<string, number>(),
    status: new Map<string, number>(),
    body: new Map<string, number>(),
    year: new Map<string, number>(),
  };
  const bump = (map: Map<string, number>, value: string | null) => {
    if (value) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const doc of docs) {
    bump(counts.forvaltning, doc.forvaltning);
    bump(counts.body, doc.body);
    bump(counts.year, doc.date ? doc.date.slice(0, 4) : null);
    for (const party of doc.parties) bump(counts.party, party);
    for (const topic of doc.topics) bump(counts.topic, topic);
    for (const status of doc.statuses) bump(counts.status, status);
  }
  return {
    forvaltning: sorted(counts.forvaltning),
    party: sorted(counts.party),
    topic: sorted(counts.topic),
    status: sorted(counts.status),
    body: sorted(counts.body),
    year: sorted(counts.year),
  };
}

/** Most frequent first; equal counts in alphabetical order so the list does not jump between requests. */
function sorted(map: Map<string, number>): FacetCount[] {
  return [...map]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv'));
}
