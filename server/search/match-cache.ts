// Remembers the matches of recent searches — the sections that have the words and pass the filters, with their
// scores, facets and the order of the pages shown so far — so that the next page of a search, or the same
// search in the other order, is cut from them instead of searched again: users page through results. Keyed
// by the words and filters only; a search's matches are kept from its second asking on (doorkeeper.ts), so
// one-off searches do not churn them. It knows nothing of the index: the engine empties it whenever the index
// changes, so no matches outlive their index.
import { Doorkeeper } from './doorkeeper.ts';
import type { SearchFilters } from './engine.ts';

/** Matched sections held at most over all kept searches: each costs some 16 bytes, so about 30 MB. */
const MAX_HELD = 2_000_000;

export class MatchCache<T extends { slots: ArrayLike<number> }> {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  private readonly kept = new Map<string, T>();
  private held = 0;
  private readonly doorkeeper = new Doorkeeper();

  /** @param capacity searches kept at most; 0 keeps none. */
  constructor(private readonly capacity: number) {}

  /** The kept matches of the search, or those `find` makes (kept for next time if the search was asked before). */
  get(query: string, filters: SearchFilters, find: () => T): T {
    if (this.capacity === 0) return find();
    const key = searchKey(query, filters);
    const known = this.kept.get(key);
    if (known) {
      this.kept.delete(key);
      this.kept.set(key, known);
      return known;
    }
    const matches = find();
    if (!this.doorkeeper.admits(key)) return matches;
    this.kept.set(key, matches);
    this.held += matches.slots.length;
    for (const [old, { slots }] of this.kept) {
      if ((this.kept.size <= this.capacity && this.held <= MAX_HELD) || old === key) break;
      this.kept.delete(old);
      this.held -= slots.length;
    }
    return matches;
  }

  clear(): void {
    this.kept.clear();
    this.held = 0;
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
