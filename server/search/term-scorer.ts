// Scores sections for a query plan straight from minisearch's postings, term at a time, into typed arrays.
// minisearch's own search() builds a result object per matching document and term, which at 100,000
// sections made a common word cost tens of milliseconds (profiled with node --cpu-prof); reading the same
// postings into a Float64Array accumulator gives the same BM25 scores (minisearch's formula and defaults)
// for a fraction of the work. This reads minisearch internals, typed below; the engine tests cover them.
import type MiniSearch from 'minisearch';
import type { TermGroup } from './plan.ts';

/** The parts of a MiniSearch instance this scorer reads (minisearch 7.x). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

// minisearch's BM25+ defaults.
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface ScoredMatches {
  /** Slots of the matching sections (short ids equal slots, see MiniSearchEngine.insert). */
  slots: number[];
  scores: Float64Array;
}

/**
 * Sections matching every group (AND) or any group (OR), each scored by the sum over groups of its best
 * alternative's BM25 over the given fields.
 * @param accept whether a section may be in the result: it still exists (discarded ones stay in postings
 * until vacuumed) and passes the filters. Checked before the common groups are looked up.
 */
export function scoreGroups<T>(
  mini: MiniSearch<T>,
  groups: TermGroup[],
  fields: Record<string, number>,
  combineWith: 'AND' | 'OR',
  size: number,
  accept: (slot: number) => boolean,
): ScoredMatches {
  const index = mini as unknown as Internals;
  const total = new Float64Array(size);
  const groupsMatched = new Uint8Array(size);
  const groupScore = new Float64Array(size);
  // All groups required: start from the rarest, so the common ones only need to be looked up for the few
  // sections still in the running instead of walked posting by posting.
  const ordered = combineWith === 'AND' ? [...groups].sort((a, b) => cost(index, a, fields) - cost(index, b, fields)) : groups;
  let candidates: number[] = [];
  ordered.forEach((group, g) => {
    if (combineWith === 'AND' && g === 1) candidates = candidates.filter(accept);
    if (combineWith === 'AND' && g > 0 && candidates.length * 4 < cost(index, group, fields)) {
      candidates = candidates.filter((slot) => {
        const score = probeGroup(index, group, fields, slot);
        total[slot] += score;
        return score > 0;
      });
      for (const slot of candidates) groupsMatched[slot] = g + 1;
      return;
    }
    const touched: number[] = [];
    for (const alternative of group.alternatives) scoreAlternative(index, alternative, fields, groupScore, touched, size);
    for (const slot of touched) {
      const score = groupScore[slot];
      groupScore[slot] = 0;
      if (combineWith === 'AND' && groupsMatched[slot] !== g) continue;
      if (groupsMatched[slot] === 0) candidates.push(slot);
      groupsMatched[slot]++;
      total[slot] += score;
    }
  });
  const wanted = combineWith === 'AND' ? groups.length : 1;
  const checked = combineWith === 'AND' && groups.length > 1;
  return { slots: candidates.filter((slot) => groupsMatched[slot] >= wanted && (checked || accept(slot))), scores: total };
}

/** How many postings a group's terms have in these fields: the work of walking them. */
function cost(index: Internals, group: TermGroup, fields: Record<string, number>): number {
  let postings = 0;
  for (const terms of group.alternatives) {
    for (const term of terms) {
      const data = index._index.get(term);
      if (data) for (const field of Object.keys(fields)) postings += data.get(index._fieldIds[field])?.size ?? 0;
    }
  }
  return postings;
}

/** A group's score for one section, looking its terms up instead of walking their postings. */
function probeGroup(index: Internals, group: TermGroup, fields: Record<string, number>, slot: number): number {
  let best = 0;
  for (const terms of group.alternatives) {
    let sum = 0;
    for (const term of terms) {
      let termScore = 0;
      addTerm(index, term, fields, (_slot, score) => (termScore += score), slot);
      if (termScore === 0) {
        sum = 0;
        break;
      }
      sum += termScore;
    }
    best += sum;
  }
  return best;
}

/** Adds an alternative's score (all of its terms required) to `into`, listing the slots it touched. */
function scoreAlternative(
  index: Internals,
  terms: string[],
  fields: Record<string, number>,
  into: Float64Array,
  touched: number[],
  size: number,
): void {
  if (terms.length === 1) {
    addTerm(index, terms[0], fields, (slot, score) => {
      if (slot >= size) return;
      if (into[slot] === 0) touched.push(slot);
      into[slot] += score;
    });
    return;
  }
  const partial = new Map<number, { score: number; terms: number }>();
  terms.forEach((term, t) => {
    const counted = new Set<number>();
    addTerm(index, term, fields, (slot, score) => {
      const entry = partial.get(slot) ?? (t === 0 ? { score: 0, terms: 0 } : undefined);
      if (!entry || entry.terms < t) return;
      if (!counted.has(slot)) {
        entry.terms = t + 1;
        counted.add(slot);
      }
      entry.score += score;
      partial.set(slot, entry);
    });
  });
  for (const [slot, entry] of partial) {
    if (entry.terms !== terms.length || slot >= size) continue;
    if (into[slot] === 0) touched.push(slot);
    into[slot] += entry.score;
  }
}

/** Adds a term's BM25 per matching section; with `only`, for that one section alone. */
function addTerm(
  index: Internals,
  term: string,
  fields: Record<string, number>,
  add: (slot: number, score: number) => void,
  only?: number,
): void {
  const data = index._index.get(term);
  if (!data) return;
  const documents = index._documentCount;
  for (const [field, boost] of Object.entries(fields)) {
    const fieldId = index._fieldIds[field];
    const postings = data.get(fieldId);
    if (!postings) continue;
    const idf = Math.log(1 + (documents - postings.size + 0.5) / (postings.size + 0.5));
    const average = index._avgFieldLength[fieldId];
    const lengths = fieldLengths(index, fieldId);
    const score = (slot: number, frequency: number) => {
      const length = slot < lengths.length ? lengths[slot] : average;
      add(slot, boost * idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average))));
    };
    if (only !== undefined) {
      const frequency = postings.get(only);
      if (frequency !== undefined) score(only, frequency);
      continue;
    }
    for (const [slot, frequency] of postings) score(slot, frequency);
  }
}

// Field lengths copied out of minisearch's Map of arrays into one typed array per field, kept until the
// index changes: a Map look-up per posting was a third of a common term's cost.
const lengthCache = new WeakMap<Internals, { count: number; size: number; byField: Map<number, Float32Array> }>();

function fieldLengths(index: Internals, fieldId: number): Float32Array {
  let cache = lengthCache.get(index);
  if (!cache || cache.count !== index._documentCount || cache.size !== index._fieldLength.size) {
    cache = { count: index._documentCount, size: index._fieldLength.size, byField: new Map() };
    lengthCache.set(index, cache);
  }
  let lengths = cache.byField.get(fieldId);
  if (!lengths) {
    let max = 0;
    for (const slot of index._fieldLength.keys()) max = Math.max(max, slot + 1);
    lengths = new Float32Array(max);
    for (const [slot, perField] of index._fieldLength) lengths[slot] = perField[fieldId] ?? 0;
    cache.byField.set(fieldId, lengths);
  }
  return lengths;
}
