// minisearch's index saved in a form that loads without JSON: its postings (term → field → section → count) as
// one run of 32-bit numbers, beside the term list and minisearch's small bookkeeping. minisearch's own
// toJSON/loadJSON writes every posting as a JSON object key, and parsing those and turning them back into Maps
// was the largest part of a 10,000-protocol start. Loading through loadJS with an empty index and then setting
// each term's postings builds the very structure loadJS would (minisearch 7.x internals, as term-scorer.ts
// reads them; the saved-index tests compare answers before and after a restart).
import MiniSearch, { type Options } from 'minisearch';

type Postings = Map<number, Map<number, number>>;

interface Internals {
  _index: { set(term: string, postings: Postings): void; [Symbol.iterator](): Iterator<[string, Postings]> };
}

/** minisearch's JSON form without its index, plus the indexed terms in the order of `data`. */
export interface PostingsHead {
  mini: Record<string, unknown>;
  terms: string[];
}

/**
 * Per term, in the order of `head.terms`: its field count, then per field the field id, the section count and
 * that many (section short id, term count) pairs.
 */
export function savedPostings<T>(mini: MiniSearch<T>): { head: PostingsHead; data: Int32Array } {
  const { index: _omitted, ...rest } = mini.toJSON() as unknown as Record<string, unknown> & { index: unknown };
  const terms: string[] = [];
  const numbers: number[] = [];
  for (const [term, fields] of (mini as unknown as Internals)._index as Iterable<[string, Postings]>) {
    terms.push(term);
    numbers.push(fields.size);
    for (const [fieldId, counts] of fields) {
      numbers.push(fieldId, counts.size);
      for (const [shortId, count] of counts) numbers.push(shortId, count);
    }
  }
  return { head: { mini: { ...rest, index: [] }, terms }, data: Int32Array.from(numbers) };
}

export function loadPostings<T>(head: PostingsHead, data: Int32Array, options: Options<T>): MiniSearch<T> {
  const mini = MiniSearch.loadJS<T>(head.mini as never, options);
  const index = (mini as unknown as Internals)._index;
  let at = 0;
  for (const term of head.terms) {
    const fields: Postings = new Map();
    const fieldCount = data[at++];
    for (let f = 0; f < fieldCount; f++) {
      const fieldId = data[at];
      const count = data[at + 1];
      at += 2;
      const counts = new Map<number, number>();
      for (let end = at + 2 * count; at < end; at += 2) counts.set(data[at], data[at + 1]);
      fields.set(fieldId, counts);
    }
    index.set(term, fields);
  }
  return mini;
}
