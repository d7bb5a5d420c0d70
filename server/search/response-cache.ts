// Remembers the answers to recent searches, so a query asked again (the same words, filters, sort and page —
// users page back, share links and re-run saved searches) is answered without searching. Answers are kept as
// the text sent: one string is one object to the garbage collector, while 500 answers kept as object trees
// made every collection under load copy and mark them (a fifth of the server's time on new searches). An answer
// is kept from the second time its search is asked (doorkeeper.ts), so one-off searches do not churn it. It
// knows nothing of the index: the search service empties it whenever the index changes, so no answer outlives
// its index.
import { Doorkeeper } from './doorkeeper.ts';
import type { SearchRequest } from './engine.ts';
import { searchKey } from './match-cache.ts';

/** Answers kept at most; a search answer is about 10 kB, so this stays a few MB. */
const DEFAULT_CAPACITY = 500;

export class ResponseCache {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  private readonly answers = new Map<string, string>();
  private readonly doorkeeper = new Doorkeeper();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(request: SearchRequest): string | undefined {
    const key = keyOf(request);
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Keeps the answer if its search was asked before (see the doorkeeper); a first asking is only noted. */
  set(request: SearchRequest, answer: string): void {
    const key = keyOf(request);
    if (!this.doorkeeper.admits(key)) return;
    this.answers.delete(key);
    this.answers.set(key, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
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
