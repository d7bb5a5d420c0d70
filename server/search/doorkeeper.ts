// Admission for the search caches: a search is kept only when it was asked before, recently.
//
// Under a stream of one-off searches (every user asking something new), keeping each answer and each match list
// only to evict it unused is pure cost: the kept objects outlive the young generation, and collecting them from
// the old one set the tail of the latency (bench:server, every search new, 32 connections: p95 68–77 ms with both
// caches admitting everything, 42–48 ms with neither). A search asked again — the next page, the other order,
// the back button, a shared link — is what the caches are for, and its second asking is what admits it.
//
// The doorkeeper remembers the last `capacity` keys it was shown, as 30-bit hashes (small integers: no garbage
// per search); a collision merely admits a search early.

export class Doorkeeper {
  private readonly seen = new Set<number>();
  private readonly ring: Int32Array;
  private next = 0;

  constructor(capacity = 4096) {
    this.ring = new Int32Array(capacity).fill(-1);
  }

  /** Whether `key` was shown before (and is still remembered); remembers it either way. */
  admits(key: string): boolean {
    const hash = hashOf(key);
    if (this.seen.has(hash)) return true;
    const old = this.ring[this.next];
    if (old >= 0) this.seen.delete(old);
    this.ring[this.next] = hash;
    this.seen.add(hash);
    this.next = (this.next + 1) % this.ring.length;
    return false;
  }

  clear(): void {
    this.seen.clear();
    this.ring.fill(-1);
    this.next = 0;
  }
}

/** FNV-1a over the UTF-16 code units, folded to 30 bits so that V8 keeps it as a small integer. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 2) & 0x3fffffff;
}
