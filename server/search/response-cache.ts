// Remembers the answers to recent searches, so a query asked again (the same words, filters, sort and page —
// users page back, share links and re-run saved searches) is answered without searching. Answers are kept as
// the text sent: one string is one object to the garbage collector, while 500 answers kept as object trees
// made every collection under load copy and mark them (a fifth of the server's time on new searches). An answer
// is kept from the second time its search is asked (doorkeeper.ts), so one-off searches do not churn it. It
// knows nothing of the index: the search service empties it whenever the index changes, so no answer outlives
// its index.
import { Doorkeeper } from './doorkeeper.ts';
import { Lru } from './lru.ts';
import type { SearchRequest } from './engine.ts';
import { searchKey } from './match-cache.ts';

/** Answers kept at most; a search answer is about 10 kB, so this stays a few MB. */
const DEFAULT_CAPACITY = 500;

export class ResponseCache {
  private readonly answers: Lru<string>;
  private readonly doorkeeper = new Doorkeeper();

  constructor(capacity = DEFAULT_CAPACITY) {
    this.answers = new Lru({ entries: capacity });
  }

  get(request: SearchRequest): string | undefined {
    return this.answers.get(keyOf(request));
  }

  /** Keeps the answer if its search was asked before (see the doorkeeper); a first asking is only noted. */
  set(request: SearchRequest, answer: string): void {
    const key = keyOf(request);
    if (this.doorkeeper.admits(key)) this.answers.set(key, answer);
  }

  clear(): void {
    this.answers.clear();
    this.doorkeeper.clear();
  }
}

/** The request with its filters in a fixed order and unset ones left out, so equal requests share a key. */
function keyOf(request: SearchRequest): string {
  return searchKey(request.query, request.filters ?? {}, request.sort ?? 'relevance', request.page ?? 1, request.pageSize ?? 10);
}
