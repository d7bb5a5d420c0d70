// Matching watches when protocols come in: the sections of just the new (or re-ingested, or corrected) protocols
// are put in a throwaway index of the same Swedish search engine the archive search uses, and every saved search
// is asked of that small index with its own words and filters. So a watch finds exactly what searching the archive
// would find in those protocols, and the cost grows with what came in, never with the archive.
import type { ArchiveStore, SectionRecord } from '../../ingest/store/types.ts';
import type { SearchFilters } from '../search/engine.ts';
import { MiniSearchEngine } from '../search/minisearch-engine.ts';

/** More hits than protocols in any one ingest batch: every matching protocol is seen. */
const PAGE_SIZE = 100;

/** Records a hit for every search watch matching one of these protocols' sections; returns how many were new. */
export async function matchWatches(store: ArchiveStore, records: SectionRecord[], now = new Date()): Promise<number> {
  if (records.length === 0) return 0;
  const watches = await store.watches.watchesOfKind('search');
  if (watches.length === 0) return 0;
  const engine = new MiniSearchEngine();
  const byProtocol = new Map<string, SectionRecord[]>();
  for (const record of records) {
    if (!byProtocol.has(record.protocolId)) byProtocol.set(record.protocolId, []);
    byProtocol.get(record.protocolId)!.push(record);
  }
  for (const [id, sections] of byProtocol) engine.add(id, sections);
  const hits: Array<{ watchId: number; protocolId: string }> = [];
  for (const watch of watches) {
    const found = new Set<string>();
    for (let page = 1; ; page++) {
      const answer = engine.search({ query: watch.query, filters: watch.filters as SearchFilters, page, pageSize: PAGE_SIZE });
      // A search relaxed to "any of the words" is not what the user asked to be told about.
      if (answer.relaxed) break;
      for (const hit of answer.hits) found.add(hit.protocolId);
      if (page * PAGE_SIZE >= answer.total || answer.hits.length === 0) break;
    }
    for (const protocolId of found) hits.push({ watchId: watch.id, protocolId });
  }
  return store.watches.recordHits(hits, now.toISOString());
}
