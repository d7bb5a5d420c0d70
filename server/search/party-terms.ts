// Which index terms each party said in each section, as sorted arrays of term numbers. The party filter asks
// it whether the party of the filter said the words that matched; kept apart from minisearch because a field
// per party doubled the index's postings (and its memory) for what is a yes/no question per matching section.
import type { TermGroup } from './plan.ts';

export interface PartyTermsSnapshot {
  terms: string[];
  /** Per slot: [party, term numbers] pairs, or null for a removed section. */
  slots: Array<Array<[string, number[]]> | null>;
}

export class PartyTerms {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly slots: Array<Map<string, Int32Array> | null> = [];

  constructor(snapshot?: PartyTermsSnapshot) {
    snapshot?.terms.forEach((term) => this.number(term));
    snapshot?.slots.forEach((entries, slot) => {
      this.slots[slot] = entries && new Map(entries.map(([party, numbers]) => [party, Int32Array.from(numbers)]));
    });
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
    return {
      terms: this.terms,
      slots: this.slots.map((entries) => entries && [...entries].map(([party, numbers]): [string, number[]] => [party, [...numbers]])),
    };
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
