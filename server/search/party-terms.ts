// Which index terms each party said in each section, as sorted arrays of term numbers. The party filter asks
// it whether the party of the filter said the words that matched; kept apart from minisearch because a field
// per party doubled the index's postings (and its memory) for what is a yes/no question per matching section.
import type { TermGroup } from './plan.ts';

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
  }

  clear(slot: number): void {
    this.slots[slot] = null;
  }

  /**
   * A test of whether the party said, in a section, every group of the query (or any group, for the relaxed
   * OR): some alternative of the group with all of its terms. Term numbers are looked up once, here.
   */
  saidBy(party: string, groups: TermGroup[], combineWith: 'AND' | 'OR'): (slot: number) => boolean {
    const numbered = groups.map((group) =>
      group.alternatives
        .map((terms) => terms.map((term) => this.numbers.get(term) ?? -1))
        .filter((numbers) => !numbers.includes(-1)),
    );
    const slots = this.slots;
    return (slot) => {
      const said = slots[slot]?.get(party);
      if (!said) return false;
      const groupSaid = (alternatives: number[][]) => alternatives.some((numbers) => numbers.every((n) => contains(said, n)));
      return combineWith === 'AND' ? numbered.every(groupSaid) : numbered.some(groupSaid);
    };
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
