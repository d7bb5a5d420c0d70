// A term's postings read out of minisearch's index with their BM25 scores (minisearch's formula and defaults,
// summed over the content fields with their boosts) as two typed arrays, kept until the index changes.
// minisearch holds postings as a Map per term and field; walking those and scoring each posting was most of
// a common word's cost, and every page of a search, and every search sharing a word, walked them again.
// This reads minisearch internals, typed below; the engine tests cover them.
import type MiniSearch from 'minisearch';
import { Lru } from './lru.ts';

/** The parts of a MiniSearch instance read here (minisearch 7.x). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  /** Short ids count up from 0 and are never reused: every posting's id is below this. */
  _nextId: number;
}

/** The sections holding a term (by short id, which equals the slot) and its score in each. */
export interface Postings {
  slots: Int32Array;
  scores: Float64Array;
}

/**
 * A term so marked (`apart('hel')`, for the parts of a query's compound written apart) is read in the first
 * field only, the words as written, and weighs a share of a term found whole: a section saying "utbildning i
 * arbetsmiljö" is found for "arbetsmiljöutbildning", below one that writes the compound.
 */
const APART = '~';
const APART_SHARE = 0.35;

/** The term marked to be read as a word written apart (see APART). */
export function apart(term: string): string {
  return `${APART}${term}`;
}

/** The term without its mark, as the index and the vocabulary know it. */
export function unmarked(term: string): string {
  return term.startsWith(APART) ? term.slice(APART.length) : term;
}

// minisearch's BM25+ defaults.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Postings held at most, over all terms: about 12 bytes each, so some 50 MB. */
const MAX_HELD = 4_000_000;

export class TermPostings {
  private readonly index: Internals;
  private readonly fields: Array<{ id: number; boost: number }>;
  private readonly held = new Lru<Postings>({ weight: MAX_HELD, weightOf: (postings) => postings.slots.length });
  private lengths = new Map<number, Float32Array>();
  private seen = new Int32Array(0);

  constructor(mini: MiniSearch<never> | MiniSearch<Record<string, unknown>>, boosts: Record<string, number>) {
    this.index = mini as unknown as Internals;
    this.fields = Object.entries(boosts).map(([field, boost]) => ({ id: this.index._fieldIds[field], boost }));
  }

  /** Forgets everything read: call whenever sections are added or removed (counts and lengths change). */
  clear(): void {
    this.held.clear();
    this.lengths.clear();
  }

  /** Every short id in the postings is below this. */
  idLimit(): number {
    return this.index._nextId;
  }

  /** How many postings the term has over the fields: the work of walking them. */
  count(term: string): number {
    const data = this.index._index.get(unmarked(term));
    if (!data) return 0;
    let count = 0;
    for (const { id } of this.fieldsOf(term)) count += data.get(id)?.size ?? 0;
    return count;
  }

  /** The fields a term is read in, with their boosts: all of them, or the first at a share for a marked term. */
  private fieldsOf(term: string): Array<{ id: number; boost: number }> {
    if (!term.startsWith(APART)) return this.fields;
    return [{ id: this.fields[0].id, boost: this.fields[0].boost * APART_SHARE }];
  }

  /**
   * The term's postings, in minisearch's order (the first field's sections, then those only in later ones),
   * each section once with its score summed over the fields.
   */
  of(term: string): Postings {
    const known = this.held.get(term);
    if (known) return known;
    const postings = this.read(term);
    this.held.set(term, postings);
    return postings;
  }

  /** The term's score in one section (0 when it lacks the term), looked up instead of walking the postings. */
  scoreIn(term: string, slot: number): number {
    const data = this.index._index.get(unmarked(term));
    if (!data) return 0;
    let score = 0;
    for (const field of this.fieldsOf(term)) {
      const frequencies = data.get(field.id);
      const frequency = frequencies?.get(slot);
      if (frequency !== undefined) score += this.scorer(field, frequencies!.size)(slot, frequency);
    }
    return score;
  }

  private read(term: string): Postings {
    const data = this.index._index.get(unmarked(term));
    if (!data) return { slots: new Int32Array(0), scores: new Float64Array(0) };
    const size = this.count(term);
    const slots = new Int32Array(size);
    const scores = new Float64Array(size);
    const seen = this.seenFor(this.index._nextId);
    let n = 0;
    for (const field of this.fieldsOf(term)) {
      const frequencies = data.get(field.id);
      if (!frequencies) continue;
      const scorer = this.scorer(field, frequencies.size);
      for (const [slot, frequency] of frequencies) {
        const score = scorer(slot, frequency);
        if (seen[slot] > 0) {
          scores[seen[slot] - 1] += score;
          continue;
        }
        seen[slot] = n + 1;
        slots[n] = slot;
        scores[n++] = score;
      }
    }
    for (let i = 0; i < n; i++) seen[slots[i]] = 0;
    return { slots: slots.subarray(0, n), scores: scores.subarray(0, n) };
  }

  /** BM25 of a term in one field, for a section and the term's count in it. */
  private scorer(field: { id: number; boost: number }, sections: number): (slot: number, frequency: number) => number {
    const { boost } = field;
    const idf = Math.log(1 + (this.index._documentCount - sections + 0.5) / (sections + 0.5));
    const average = this.index._avgFieldLength[field.id];
    const lengths = this.fieldLengths(field.id);
    return (slot, frequency) => {
      const length = slot < lengths.length ? lengths[slot] : average;
      return boost * idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average)));
    };
  }

  /** Where each slot's posting sits in the postings being read (plus one; 0 for none), reused between reads. */
  private seenFor(size: number): Int32Array {
    if (this.seen.length < size) this.seen = new Int32Array(size);
    return this.seen;
  }

  // Field lengths copied out of minisearch's Map of arrays into one typed array per field: a Map look-up per
  // posting was a third of a common term's cost.
  private fieldLengths(fieldId: number): Float32Array {
    let lengths = this.lengths.get(fieldId);
    if (lengths) return lengths;
    let max = 0;
    for (const slot of this.index._fieldLength.keys()) max = Math.max(max, slot + 1);
    lengths = new Float32Array(max);
    for (const [slot, perField] of this.index._fieldLength) lengths[slot] = perField[fieldId] ?? 0;
    this.lengths.set(fieldId, lengths);
    return lengths;
  }
}
