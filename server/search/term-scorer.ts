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
 * @param live whether a slot still holds a section (discarded ones stay in postings until vacuumed)
 */
export function scoreGroups<T>(
  mini: MiniSearch<T>,
  groups: TermGroup[],
  fields: Record<string, number>,
  combineWith: 'AND' | 'OR',
  size: number,
  live: (slot: number) => boolean,
): ScoredMatches {
  const index = mini as unknown as Internals;
  const total = new Float64Array(size);
  const groupsMatched = new Uint8Array(size);
  const groupScore = new Float64Array(size);
  const candidates: number[] = [];
  for (const group of groups) {
    const touched: number[] = [];
    for (const alternative of group.alternatives) scoreAlternative(index, alternative, fields, groupScore, touched, size);
    for (const slot of touched) {
      const score = groupScore[slot];
      groupScore[slot] = 0;
      if (groupsMatched[slot] === 0) candidates.push(slot);
      groupsMatched[slot]++;
      total[slot] += score;
    }
  }
  const wanted = combineWith === 'AND' ? groups.length : 1;
  return { slots: candidates.filter((slot) => groupsMatched[slot] >= wanted && live(slot)), scores: total };
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

function addTerm(index: Internals, term: string, fields: Record<string, number>, add: (slot: number, score: number) => void): void {
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
    for (const [slot, frequency] of postings) {
      const length = slot < lengths.length ? lengths[slot] : average;
      add(slot, boost * idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average))));
    }
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
