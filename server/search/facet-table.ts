// Facet values of every section as small integers, so counting facets over tens of thousands of matches and
// testing the filters of a search are walks over typed arrays instead of string look-ups per section.
// One-valued facets (förvaltning, body, year, source) are value codes. Many-valued ones (parties, topics,
// statuses) are codes of value *sets*: an archive holds few distinct sets, so counting a match is one
// increment per facet, and the sets are expanded into value counts once per search.
import type { SectionDoc } from './documents.ts';
import type { Facets, FacetCount } from './engine.ts';
import { sourceOf } from './filters.ts';

const SINGLE = ['forvaltning', 'body', 'year', 'source'] as const;
const MULTI = ['party', 'topic', 'status'] as const;
export type SingleFacet = (typeof SINGLE)[number];
export type MultiFacet = (typeof MULTI)[number];
type Facet = SingleFacet | MultiFacet;

/** The distinct value sets of a many-valued facet; set 0 is the empty one. */
interface ValueSets {
  /** Per set, the codes of its values. */
  members: number[][];
  byKey: Map<string, number>;
}

export class FacetTable {
  private readonly values = new Map<Facet, string[]>();
  private readonly codes = new Map<Facet, Map<string, number>>();
  private readonly sets: Record<MultiFacet, ValueSets> = { party: emptySets(), topic: emptySets(), status: emptySets() };
  private readonly slotCodes: Record<Facet, Int32Array> = {
    forvaltning: new Int32Array(0),
    body: new Int32Array(0),
    year: new Int32Array(0),
    source: new Int32Array(0),
    party: new Int32Array(0),
    topic: new Int32Array(0),
    status: new Int32Array(0),
  };

  /** Records the facet values of the section in a slot (null for a removed section). */
  set(slot: number, doc: SectionDoc | null): void {
    this.grow(slot + 1);
    const single: Record<SingleFacet, string | null> = doc
      ? { forvaltning: doc.forvaltning, body: doc.body, year: doc.date ? doc.date.slice(0, 4) : null, source: sourceOf(doc) }
      : { forvaltning: null, body: null, year: null, source: null };
    for (const facet of SINGLE) this.slotCodes[facet][slot] = this.code(facet, single[facet]);
    const multi: Record<MultiFacet, string[]> = doc ? { party: doc.parties, topic: doc.topics, status: doc.statuses } : { party: [], topic: [], status: [] };
    for (const facet of MULTI) this.slotCodes[facet][slot] = this.setCode(facet, multi[facet]);
  }

  /** The code of a one-valued facet's value (0 when no section has it), and each slot's code. */
  single(facet: SingleFacet, value: string): { code: number; slots: Int32Array } {
    return { code: this.codes.get(facet)?.get(value) ?? 0, slots: this.slotCodes[facet] };
  }

  /** Which value sets of a many-valued facet hold the value (indexed by set code), and each slot's set code. */
  holding(facet: MultiFacet, value: string): { sets: Uint8Array; slots: Int32Array } {
    const code = this.codes.get(facet)?.get(value);
    const members = this.sets[facet].members;
    const sets = new Uint8Array(members.length);
    if (code !== undefined) members.forEach((codes, set) => (sets[set] = codes.includes(code) ? 1 : 0));
    return { sets, slots: this.slotCodes[facet] };
  }

  /**
   * Facet counts over the slots; the source facet over `sourceSlots` when given: the matches under every filter
   * but the source, so both sources show their counts whichever is chosen.
   */
  count(slots: Iterable<number>, sourceSlots: Iterable<number> = slots): Facets {
    const tallies = new Map<Facet, Int32Array>();
    for (const facet of SINGLE) tallies.set(facet, new Int32Array(this.names(facet).length + 1));
    for (const facet of MULTI) tallies.set(facet, new Int32Array(this.sets[facet].members.length));
    const [forvaltning, body, year, source, party, topic, status] = [...SINGLE, ...MULTI].map((f) => tallies.get(f)!);
    const codes = this.slotCodes;
    const [forvaltningOf, bodyOf, yearOf, sourceOf, partyOf, topicOf, statusOf] = [...SINGLE, ...MULTI].map((f) => codes[f]);
    // Counted in the same walk when they are the same slots (`slots` may be a one-pass iterator).
    const sourceApart = sourceSlots !== slots;
    for (const slot of slots) {
      forvaltning[forvaltningOf[slot]]++;
      body[bodyOf[slot]]++;
      year[yearOf[slot]]++;
      if (!sourceApart) source[sourceOf[slot]]++;
      party[partyOf[slot]]++;
      topic[topicOf[slot]]++;
      status[statusOf[slot]]++;
    }
    if (sourceApart) for (const slot of sourceSlots) source[sourceOf[slot]]++;
    const list = (facet: Facet): FacetCount[] => {
      const byCode = MULTI.includes(facet as MultiFacet) ? this.expand(facet as MultiFacet, tallies.get(facet)!) : tallies.get(facet)!;
      const out: FacetCount[] = [];
      this.names(facet).forEach((value, i) => {
        if (byCode[i + 1] > 0) out.push({ value, count: byCode[i + 1] });
      });
      return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv'));
    };
    return { forvaltning: list('forvaltning'), party: list('party'), topic: list('topic'), status: list('status'), body: list('body'), year: list('year'), source: list('source') };
  }

  /** Counts per value set turned into counts per value code. */
  private expand(facet: MultiFacet, perSet: Int32Array): Int32Array {
    const perValue = new Int32Array(this.names(facet).length + 1);
    this.sets[facet].members.forEach((codes, set) => {
      if (perSet[set] > 0) for (const code of codes) perValue[code] += perSet[set];
    });
    return perValue;
  }

  private names(facet: Facet): string[] {
    return this.values.get(facet) ?? [];
  }

  /** 0 stands for "no value"; real values count from 1. */
  private code(facet: Facet, value: string | null): number {
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

  private setCode(facet: MultiFacet, values: string[]): number {
    const codes = [...new Set(values.map((v) => this.code(facet, v)).filter((c) => c > 0))].sort((a, b) => a - b);
    const sets = this.sets[facet];
    const key = codes.join(',');
    let set = sets.byKey.get(key);
    if (set === undefined) {
      set = sets.members.push(codes) - 1;
      sets.byKey.set(key, set);
    }
    return set;
  }

  private grow(size: number): void {
    if (size <= this.slotCodes.forvaltning.length) return;
    const capacity = Math.max(size, this.slotCodes.forvaltning.length * 2, 1024);
    for (const facet of [...SINGLE, ...MULTI]) this.slotCodes[facet] = grown(this.slotCodes[facet], capacity);
  }
}

function emptySets(): ValueSets {
  return { members: [[]], byKey: new Map([['', 0]]) };
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
