// Facet values of every section as small integers, so counting facets over tens of thousands of matches and
// testing the filters of a search are walks over typed arrays instead of string look-ups per section.
// One-valued facets (förvaltning, body, year, source) are value codes. Many-valued ones (parties, topics,
// statuses) are codes of value *sets*: an archive holds few distinct sets, so counting a match is one
// increment per facet, and the sets are expanded into value counts once per search. A slot's seven codes lie
// side by side: matches are scattered over the archive, and reading seven arrays cost seven cache misses each.
import type { SectionDoc } from './documents.ts';
import type { Facets, FacetCount } from './engine.ts';
import { sourceOf } from './filters.ts';

const SINGLE = ['forvaltning', 'body', 'year', 'source'] as const;
const MULTI = ['party', 'topic', 'status'] as const;
export type SingleFacet = (typeof SINGLE)[number];
export type MultiFacet = (typeof MULTI)[number];
type Facet = SingleFacet | MultiFacet;

// One collator for all comparisons: localeCompare(…, 'sv') sets one up per call, which was most of the cost
// of listing the facets of a search.
const swedish = new Intl.Collator('sv');

/** Numbers per slot in the code table: the seven facets' codes and one unused, for aligned rows. */
const STRIDE = 8;
const FACETS: readonly Facet[] = [...SINGLE, ...MULTI];
const column = (facet: Facet) => FACETS.indexOf(facet);

/** Where a facet's code of each slot is: codes[slot * stride + offset]. */
export interface FacetColumn {
  codes: Int32Array;
  stride: number;
  offset: number;
}

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
  private codeTable = new Int32Array(0);

  /** Records the facet values of the section in a slot (null for a removed section). */
  set(slot: number, doc: SectionDoc | null): void {
    this.grow(slot + 1);
    const single: Record<SingleFacet, string | null> = doc
      ? { forvaltning: doc.forvaltning, body: doc.body, year: doc.date ? doc.date.slice(0, 4) : null, source: sourceOf(doc) }
      : { forvaltning: null, body: null, year: null, source: null };
    const row = slot * STRIDE;
    for (const facet of SINGLE) this.codeTable[row + column(facet)] = this.code(facet, single[facet]);
    const multi: Record<MultiFacet, string[]> = doc ? { party: doc.parties, topic: doc.topics, status: doc.statuses } : { party: [], topic: [], status: [] };
    for (const facet of MULTI) this.codeTable[row + column(facet)] = this.setCode(facet, multi[facet]);
  }

  /** Where each slot's code of a facet is; a removed section's source code is 0, a live one's is positive. */
  column(facet: Facet): FacetColumn {
    return { codes: this.codeTable, stride: STRIDE, offset: column(facet) };
  }

  /** The code of a one-valued facet's value; 0 when no section has it. */
  codeOf(facet: SingleFacet, value: string): number {
    return this.codes.get(facet)?.get(value) ?? 0;
  }

  /** Which value sets of a many-valued facet hold the value, indexed by set code. */
  setsHolding(facet: MultiFacet, value: string): Uint8Array {
    const code = this.codes.get(facet)?.get(value);
    const members = this.sets[facet].members;
    const sets = new Uint8Array(members.length);
    if (code !== undefined) members.forEach((codes, set) => (sets[set] = codes.includes(code) ? 1 : 0));
    return sets;
  }

  /**
   * Facet counts over the slots; the source facet over `sourceSlots` when given: the matches under every filter
   * but the source, so both sources show their counts whichever is chosen.
   */
  count(slots: ArrayLike<number>, sourceSlots: ArrayLike<number> = slots): Facets {
    const tallies = new Map<Facet, Int32Array>();
    for (const facet of SINGLE) tallies.set(facet, new Int32Array(this.names(facet).length + 1));
    for (const facet of MULTI) tallies.set(facet, new Int32Array(this.sets[facet].members.length));
    const [forvaltning, body, year, source, party, topic, status] = FACETS.map((f) => tallies.get(f)!);
    const codes = this.codeTable;
    // Counted in the same walk when they are the same slots. Indexed loops: iterating arrays and iterators
    // through one for-of made this a megamorphic, visibly dearer walk.
    const sourceApart = sourceSlots !== slots;
    for (let i = 0; i < slots.length; i++) {
      const row = slots[i] * STRIDE;
      forvaltning[codes[row]]++;
      body[codes[row + 1]]++;
      year[codes[row + 2]]++;
      if (!sourceApart) source[codes[row + 3]]++;
      party[codes[row + 4]]++;
      topic[codes[row + 5]]++;
      status[codes[row + 6]]++;
    }
    if (sourceApart) for (let i = 0; i < sourceSlots.length; i++) source[codes[sourceSlots[i] * STRIDE + 3]]++;
    const list = (facet: Facet): FacetCount[] => {
      const byCode = MULTI.includes(facet as MultiFacet) ? this.expand(facet as MultiFacet, tallies.get(facet)!) : tallies.get(facet)!;
      const out: FacetCount[] = [];
      this.names(facet).forEach((value, i) => {
        if (byCode[i + 1] > 0) out.push({ value, count: byCode[i + 1] });
      });
      return out.sort((a, b) => b.count - a.count || swedish.compare(a.value, b.value));
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
    const slots = this.codeTable.length / STRIDE;
    if (size <= slots) return;
    const bigger = new Int32Array(Math.max(size, slots * 2, 1024) * STRIDE);
    bigger.set(this.codeTable);
    this.codeTable = bigger;
  }
}

function emptySets(): ValueSets {
  return { members: [[]], byKey: new Map([['', 0]]) };
}
