// Remembers the matches of recent searches — the sections that have the words and pass the filters, with their
// scores, facets and the order of the pages shown so far — so that the next page of a search, or the same
// search in the other order, is cut from them instead of searched again: users page through results. Keyed
// by the words and filters only; a search's matches are kept from its second asking on (doorkeeper.ts), so
// one-off searches do not churn them. It knows nothing of the index: the engine empties it whenever the index
// changes, so no matches outlive their index.
import { Doorkeeper } from './doorkeeper.ts';
import { Lru } from './lru.ts';
import type { SearchFilters } from './engine.ts';

/** Matched sections held at most over all kept searches: each costs some 16 bytes, so about 30 MB. */
const MAX_HELD = 2_000_000;

export class MatchCache<T extends { slots: ArrayLike<number> }> {
  private readonly kept: Lru<T>;
  private readonly doorkeeper = new Doorkeeper();

  /** @param capacity searches kept at most; 0 keeps none. */
  constructor(private readonly capacity: number) {
    this.kept = new Lru({ entries: capacity, weight: MAX_HELD, weightOf: (matches) => matches.slots.length });
  }

  /** The kept matches of the search, or those `find` makes (kept for next time if the search was asked before). */
  get(query: string, filters: SearchFilters, find: () => T): T {
    if (this.capacity === 0) return find();
    const key = searchKey(query, filters);
    const known = this.kept.get(key);
    if (known) return known;
    const matches = find();
    if (this.doorkeeper.admits(key)) this.kept.set(key, matches);
    return matches;
  }

  clear(): void {
    this.kept.clear();
    this.doorkeeper.clear();
  }
}

/**
 * The words and the set filters in a fixed order, so equal searches share a key; `more` (sort, page, ...) joins
 * it for a cache of whole answers.
 */
export function searchKey(query: string, filters: SearchFilters, ...more: Array<string | number>): string {
  const set = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([query, set, ...more]);
}
