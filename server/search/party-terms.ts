// Which index terms each party said in each section, as sorted arrays of term numbers. The party filter asks
// it whether the party of the filter said the words that matched; kept apart from minisearch because a field
// per party doubled the index's postings (and its memory) for what is a yes/no question per matching section.
import type { TermGroup } from './plan.ts';
import { unmarked } from './term-postings.ts';

/**
 * The saved form: the term and party names, and one run of numbers for all slots — per slot its entry count
 * (-1 for a removed section), then per entry the party's number, the count of its terms and the sorted term
 * numbers. Saved as a binary file, it loads as views into one buffer instead of parsing 150,000 JSON arrays.
 */
export interface PartyTermsSnapshot {
  terms: string[];
  parties: string[];
  data: Int32Array;
}

export class PartyTerms {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly slots: Array<Map<string, Int32Array> | null> = [];
  private readonly byParty = new Map<string, Map<number, Int32Array>>();

  constructor(snapshot?: PartyTermsSnapshot) {
    if (!snapshot) return;
    snapshot.terms.forEach((term) => this.number(term));
    const { parties, data } = snapshot;
    for (let at = 0; at < data.length; ) {
      const count = data[at++];
      if (count < 0) {
        this.slots.push(null);
        continue;
      }
      const entries = new Map<string, Int32Array>();
      for (let e = 0; e < count; e++) {
        const party = parties[data[at]];
        const length = data[at + 1];
        entries.set(party, data.subarray(at + 2, at + 2 + length));
        at += 2 + length;
      }
      this.slots.push(entries);
    }
  }

  set(slot: number, byParty: Map<string, string[]>): void {
    const entries = new Map<string, Int32Array>();
    for (const [party, terms] of byParty) {
      entries.set(party, Int32Array.from(new Set(terms.map((t) => this.number(t)))).sort());
    }
    this.slots[slot] = entries;
    this.byParty.clear();
  }

  clear(slot: number): void {
    this.slots[slot] = null;
    this.byParty.clear();
  }

  /**
   * A test of whether the party said, in a section, every group of the query (or any group, for the relaxed
   * OR): some alternative of the group with all of its terms. Worked out here for all sections at once from
   * the party's sections per term, so the test itself is one array read.
   */
  saidBy(party: string, groups: TermGroup[], combineWith: 'AND' | 'OR'): (slot: number) => boolean {
    const numbered = groups.map((group) =>
      group.alternatives
        .map((terms) => terms.map((term) => this.numbers.get(unmarked(term)) ?? -1))
        .filter((numbers) => !numbers.includes(-1)),
    );
    const slots = this.slots;
    if (numbered.length === 0) return combineWith === 'AND' ? (slot) => slots[slot]?.has(party) ?? false : () => false;
    const sections = this.sectionsOf(party);
    // Per slot, how many groups the party said there (AND, counted in group order), or whether it said any (OR).
    const said = new Uint8Array(slots.length);
    numbered.forEach((alternatives, g) => {
      for (const numbers of alternatives) {
        for (const slot of sectionsWithAll(sections, numbers)) {
          if (combineWith === 'OR') said[slot] = 1;
          else if (said[slot] === g) said[slot] = g + 1;
        }
      }
    });
    const wanted = combineWith === 'AND' ? numbered.length : 1;
    return (slot) => said[slot] === wanted;
  }

  snapshot(): PartyTermsSnapshot {
    const parties: string[] = [];
    const partyNumbers = new Map<string, number>();
    const data: number[] = [];
    for (const entries of this.slots) {
      if (!entries) {
        data.push(-1);
        continue;
      }
      data.push(entries.size);
      for (const [party, numbers] of entries) {
        let n = partyNumbers.get(party);
        if (n === undefined) partyNumbers.set(party, (n = parties.push(party) - 1));
        data.push(n, numbers.length, ...numbers);
      }
    }
    return { terms: this.terms, parties, data: Int32Array.from(data) };
  }

  /**
   * The slots where the party said each term, made from the per-slot lists the first time a search filters on
   * the party and kept until the sections change: reading the lists of every matching section instead was most
   * of a party-filtered search.
   */
  private sectionsOf(party: string): Map<number, Int32Array> {
    const known = this.byParty.get(party);
    if (known) return known;
    const lists = new Map<number, number[]>();
    this.slots.forEach((entries, slot) => {
      const said = entries?.get(party);
      if (!said) return;
      for (const term of said) {
        const list = lists.get(term);
        if (list) list.push(slot);
        else lists.set(term, [slot]);
      }
    });
    const sections = new Map([...lists].map(([term, list]) => [term, Int32Array.from(list)]));
    this.byParty.set(party, sections);
    return sections;
  }

  private number(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) {
      number = this.terms.length;
      this.terms.push(term);
      this.numbers.set(term, number);
    }
    return number;
  }
}

/** The slots (ascending) whose lists hold all of the terms. */
function sectionsWithAll(sections: Map<number, Int32Array>, terms: number[]): Int32Array {
  let slots = sections.get(terms[0]) ?? new Int32Array(0);
  for (const term of terms.slice(1)) {
    const other = sections.get(term) ?? new Int32Array(0);
    slots = slots.filter((slot) => contains(other, slot));
  }
  return slots;
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
