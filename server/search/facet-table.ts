// Facet values of every section as small integers, so counting facets over tens of thousands of matches is
// a walk over typed arrays instead of string look-ups per section.
import type { SectionDoc } from './documents.ts';
import type { Facets, FacetCount } from './engine.ts';

const SINGLE = ['forvaltning', 'body', 'year'] as const;
const MULTI = ['party', 'topic', 'status'] as const;
type Single = (typeof SINGLE)[number];
type Multi = (typeof MULTI)[number];

export class FacetTable {
  private readonly values = new Map<string, string[]>();
  private readonly codes = new Map<string, Map<string, number>>();
  private single: Record<Single, Int32Array> = { forvaltning: new Int32Array(0), body: new Int32Array(0), year: new Int32Array(0) };
  private readonly multi: Record<Multi, Array<number[] | undefined>> = { party: [], topic: [], status: [] };

  /** Records the facet values of the section in a slot (null for a removed section). */
  set(slot: number, doc: SectionDoc | null): void {
    this.grow(slot + 1);
    const single: Record<Single, string | null> = doc
      ? { forvaltning: doc.forvaltning, body: doc.body, year: doc.date ? doc.date.slice(0, 4) : null }
      : { forvaltning: null, body: null, year: null };
    for (const facet of SINGLE) this.single[facet][slot] = this.code(facet, single[facet]);
    const multi: Record<Multi, string[]> = doc ? { party: doc.parties, topic: doc.topics, status: doc.statuses } : { party: [], topic: [], status: [] };
    for (const facet of MULTI) this.multi[facet][slot] = multi[facet].map((v) => this.code(facet, v));
  }

  count(slots: Iterable<number>): Facets {
    const counts = new Map<string, Int32Array>();
    for (const facet of [...SINGLE, ...MULTI]) counts.set(facet, new Int32Array((this.values.get(facet)?.length ?? 0) + 1));
    const [forvaltning, body, year] = SINGLE.map((f) => counts.get(f)!);
    const [party, topic, status] = MULTI.map((f) => counts.get(f)!);
    for (const slot of slots) {
      forvaltning[this.single.forvaltning[slot]]++;
      body[this.single.body[slot]]++;
      year[this.single.year[slot]]++;
      for (const code of this.multi.party[slot] ?? []) party[code]++;
      for (const code of this.multi.topic[slot] ?? []) topic[code]++;
      for (const code of this.multi.status[slot] ?? []) status[code]++;
    }
    const list = (facet: string): FacetCount[] => {
      const names = this.values.get(facet) ?? [];
      const tally = counts.get(facet)!;
      const out: FacetCount[] = [];
      names.forEach((value, i) => {
        if (tally[i + 1] > 0) out.push({ value, count: tally[i + 1] });
      });
      return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv'));
    };
    return { forvaltning: list('forvaltning'), party: list('party'), topic: list('topic'), status: list('status'), body: list('body'), year: list('year') };
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
    for (const facet of SINGLE) {
      const bigger = new Int32Array(capacity);
      bigger.set(this.single[facet]);
      this.single[facet] = bigger;
    }
  }
}
