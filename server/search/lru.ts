// The eviction rule of the search caches (answers, kept matches, scored postings): least recently used first,
// bounded by a number of entries and by a weight summed over them (matched sections, postings). A Map keeps
// insertion order, so re-inserting an entry on use makes the Map's first key the least recently used.

export interface LruLimits<V> {
  entries?: number;
  weight?: number;
  /** An entry's share of `weight`; entries weigh nothing without it. */
  weightOf?: (value: V) => number;
}

export class Lru<V> {
  private readonly values = new Map<string, V>();
  private weight = 0;
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly weightOf: (value: V) => number;

  constructor(limits: LruLimits<V>) {
    this.maxEntries = limits.entries ?? Number.POSITIVE_INFINITY;
    this.maxWeight = limits.weight ?? Number.POSITIVE_INFINITY;
    this.weightOf = limits.weightOf ?? (() => 0);
  }

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  /** Keeps the value, then drops the least recently used entries (never this one) until the limits hold. */
  set(key: string, value: V): void {
    const old = this.values.get(key);
    if (old !== undefined) {
      this.values.delete(key);
      this.weight -= this.weightOf(old);
    }
    this.values.set(key, value);
    this.weight += this.weightOf(value);
    for (const [oldest, dropped] of this.values) {
      if (oldest === key || (this.values.size <= this.maxEntries && this.weight <= this.maxWeight)) break;
      this.values.delete(oldest);
      this.weight -= this.weightOf(dropped);
    }
  }

  clear(): void {
    this.values.clear();
    this.weight = 0;
  }
}
