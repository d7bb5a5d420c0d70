// Facet values of every section as small integers, so counting facets over tens of thousands of matches is
// a walk over typed arrays instead of string look-ups per section. Many-valued facets (parties, topics,
// statuses) are bit masks: the first 31 values of each fit one Int32 per section; later values, which the
// closed vocabularies of parties and topics do not reach, are kept aside.
import type { SectionDoc } from './documents.ts';
import type { Facets, FacetCount } from './engine.ts';
import { sourceOf } from './filters.ts';

const SINGLE = ['forvaltning', 'body', 'year', 'source'] as const;
const MULTI = ['party', 'topic', 'status'] as const;
type Single = (typeof SINGLE)[number];
type Multi = (typeof MULTI)[number];

export class FacetTable {
  private readonly values = new Map<string, string[]>();
  private readonly codes = new Map<string, Map<string, number>>();
  private single: Record<Single, Int32Array> = {
    forvaltning: new Int32Array(0),
    body: new Int32Array(0),
    year: new Int32Array(0),
    source: new Int32Array(0),
  };
  private multi: Record<Multi, Int32Array> = { party: new Int32Array(0), topic: new Int32Array(0), status: new Int32Array(0) };
  private readonly overflow: Record<Multi, Map<number, number[]>> = { party: new Map(), topic: new Map(), status: new Map() };

  /** Records the facet values of the section in a slot (null for a removed section). */
  set(slot: number, doc: SectionDoc | null): void {
    this.grow(slot + 1);
    const single: Record<Single, string | null> = doc
      ? { forvaltning: doc.forvaltning, body: doc.body, year: doc.date ? doc.date.slice(0, 4) : null, source: sourceOf(doc) }
      : { forvaltning: null, body: null, year: null, source: null };
    for (const facet of SINGLE) this.single[facet][slot] = this.code(facet, single[facet]);
    const multi: Record<Multi, string[]> = doc ? { party: doc.parties, topic: doc.topics, status: doc.statuses } : { party: [], topic: [], status: [] };
    for (const facet of MULTI) {
      let mask = 0;
      const rest: number[] = [];
      for (const code of multi[facet].map((v) => this.code(facet, v))) {
        if (code <= 31) mask |= 1 << (code - 1);
        else rest.push(code);
      }
      this.multi[facet][slot] = mask;
      if (rest.length > 0) this.overflow[facet].set(slot, rest);
      else this.overflow[facet].delete(slot);
    }
  }

  /**
   * Facet counts over the slots; the source facet over `sourceSlots` when given: the matches under every filter
   * but the source, so both sources show their counts whichever is chosen.
   */
  count(slots: Iterable<number>, sourceSlots: Iterable<number> = slots): Facets {
    const counts = new Map<string, Int32Array>();
    for (const facet of [...SINGLE, ...MULTI]) counts.set(facet, new Int32Array((this.values.get(facet)?.length ?? 0) + 1));
    const [forvaltning, body, year, source] = SINGLE.map((f) => counts.get(f)!);
    const [party, topic, status] = MULTI.map((f) => counts.get(f)!);
    const masks = MULTI.map((f) => this.multi[f]);
    const tallies = [party, topic, status];
    const single = this.single;
    // Counted in the same walk when they are the same slots (`slots` may be a one-pass iterator).
    const sourceApart = sourceSlots !== slots;
    for (const slot of slots) {
      forvaltning[single.forvaltning[slot]]++;
      body[single.body[slot]]++;
      year[single.year[slot]]++;
      if (!sourceApart) source[single.source[slot]]++;
      for (let f = 0; f < 3; f++) {
        let mask = masks[f][slot];
        while (mask !== 0) {
          const bit = 31 - Math.clz32(mask & -mask);
          tallies[f][bit + 1]++;
          mask &= mask - 1;
        }
      }
    }
    if (sourceApart) for (const slot of sourceSlots) source[single.source[slot]]++;
    MULTI.forEach((facet, f) => {
      if (this.overflow[facet].size === 0) return;
      for (const slot of slots) for (const code of this.overflow[facet].get(slot) ?? []) tallies[f][code]++;
    });
    const list = (facet: string): FacetCount[] => {
      const names = this.values.get(facet) ?? [];
      const tally = counts.get(facet)!;
      const out: FacetCount[] = [];
      names.forEach((value, i) => {
        if (tally[i + 1] > 0) out.push({ value, count: tally[i + 1] });
      });
      return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv'));
    };
    return { forvaltning: list('forvaltning'), party: list('party'), topic: list('topic'), status: list('status'), body: list('body'), year: list('year'), source: list('source') };
  }

  /** 0 stands for "no value"; real values count from 1. */
  private code(facet: string, value: string | null): number {
    if (!value) return 0;
    let codes = this.codes.get(facet);
    if (!codes) this.codes.set(facet, (codes = new Map()));
    let code = codes.get(value);
    if (code === undefined) {
      const names = this.values.get(facet) ?? [];
      names.push(value);
      this.values.set(facet, names);
      code = names.length;
      codes.set(value, code);
    }
    return code;
  }

  private grow(size: number): void {
    if (size <= this.single.forvaltning.length) return;
    const capacity = Math.max(size, this.single.forvaltning.length * 2, 1024);
    for (const facet of SINGLE) this.single[facet] = grown(this.single[facet], capacity);
    for (const facet of MULTI) this.multi[facet] = grown(this.multi[facet], capacity);
  }
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
