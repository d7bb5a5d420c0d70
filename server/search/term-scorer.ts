// Scores sections for a query plan term at a time, from the postings term-postings.ts reads out of minisearch
// with their BM25 scores. minisearch's own search() builds a result object per matching document and term,
// which at 100,000 sections made a common word cost tens of milliseconds (profiled with node --cpu-prof);
// summing the postings' scores into typed arrays gives the same BM25 ranking for a fraction of the work. The
// arrays are kept between searches and cleared where they were written, so a search allocates only its result.
import type { TermGroup } from './plan.ts';
import type { TermPostings } from './term-postings.ts';

export interface ScoredMatches {
  /** Slots of the matching sections (short ids equal slots, see MiniSearchEngine.insert). */
  slots: Int32Array;
  /** The score of each, in the order of `slots`. */
  scores: Float64Array;
}

export class GroupScorer {
  /** Per slot: its total score, how many groups it matched, and its score in the group being read. */
  private total = new Float64Array(0);
  private matched = new Uint8Array(0);
  private groupScore = new Float64Array(0);
  /** Per slot, for alternatives of several terms: how many of them it has, and their summed score. */
  private termsHad = new Uint8Array(0);
  private termsScore = new Float64Array(0);

  constructor(private readonly postings: TermPostings) {}

  /**
   * Sections matching every group (AND) or any group (OR), each scored by the sum over groups of its best
   * alternative's BM25 over the given fields.
   * @param size slots at most (postings may still name removed sections above it until minisearch vacuums).
   * @param accept whether a section may be in the result: it still exists (removed ones stay in postings until
   * vacuumed) and passes the filters. Checked before the common groups are looked up.
   */
  score(groups: TermGroup[], combineWith: 'AND' | 'OR', size: number, accept: (slot: number) => boolean): ScoredMatches {
    if (groups.length === 1 && groups[0].alternatives.length === 1 && groups[0].alternatives[0].length === 1) {
      return this.oneTerm(groups[0].alternatives[0][0], size, accept);
    }
    this.grow(size);
    const { total, matched, groupScore } = this;
    // All groups required: start from the rarest, so the common ones only need to be looked up for the few
    // sections still in the running instead of walked posting by posting.
    const ordered = combineWith === 'AND' ? [...groups].sort((a, b) => this.cost(a) - this.cost(b)) : groups;
    let candidates: number[] = [];
    // Every slot whose total or group count was written, to clear them for the next search.
    let written: number[] = [];
    ordered.forEach((group, g) => {
      if (combineWith === 'AND' && g === 1) candidates = candidates.filter(accept);
      if (combineWith === 'AND' && g > 0 && candidates.length * 4 < this.cost(group)) {
        candidates = candidates.filter((slot) => {
          const score = this.probe(group, slot);
          total[slot] += score;
          return score > 0;
        });
        for (const slot of candidates) matched[slot] = g + 1;
        return;
      }
      if (g === 0 && group.alternatives.length === 1 && group.alternatives[0].length === 1) {
        // One term first (most queries): its postings are the candidates, with no other group's scores to merge.
        const { slots, scores } = this.postings.of(group.alternatives[0][0]);
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i];
          if (slot >= size) continue;
          candidates.push(slot);
          matched[slot] = 1;
          total[slot] = scores[i];
        }
        written = candidates;
        return;
      }
      const touched: number[] = [];
      for (const alternative of group.alternatives) this.addAlternative(alternative, touched, size);
      for (const slot of touched) {
        const score = groupScore[slot];
        groupScore[slot] = 0;
        if (combineWith === 'AND' && matched[slot] !== g) continue;
        if (matched[slot] === 0) candidates.push(slot);
        matched[slot]++;
        total[slot] += score;
      }
      if (g === 0) written = candidates;
    });
    const wanted = combineWith === 'AND' ? groups.length : 1;
    const checked = combineWith === 'AND' && groups.length > 1;
    const out = new ScoredList(candidates.length);
    for (const slot of candidates) if (matched[slot] >= wanted && (checked || accept(slot))) out.push(slot, total[slot]);
    const { slots, scores } = out.done();
    if (combineWith === 'OR') written = candidates;
    for (const slot of written) {
      total[slot] = 0;
      matched[slot] = 0;
    }
    return { slots, scores };
  }

  /**
   * A query of one term (most queries): its postings filtered, scores as they are. Without the per-slot arrays
   * the general case needs, which cost a write and a read at each scattered slot.
   */
  private oneTerm(term: string, size: number, accept: (slot: number) => boolean): ScoredMatches {
    const postings = this.postings.of(term);
    const out = new ScoredList(postings.slots.length);
    for (let i = 0; i < postings.slots.length; i++) {
      const slot = postings.slots[i];
      if (slot < size && accept(slot)) out.push(slot, postings.scores[i]);
    }
    return out.done();
  }

  /** How many postings a group's terms have: the work of walking them. */
  private cost(group: TermGroup): number {
    let postings = 0;
    for (const terms of group.alternatives) for (const term of terms) postings += this.postings.count(term);
    return postings;
  }

  /** A group's score for one section, looking its terms up instead of walking their postings. */
  private probe(group: TermGroup, slot: number): number {
    let best = 0;
    for (const terms of group.alternatives) {
      let sum = 0;
      for (const term of terms) {
        const termScore = this.postings.scoreIn(term, slot);
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

  /** Adds an alternative's score (all of its terms required) to the group scores, listing the slots it touched. */
  private addAlternative(terms: string[], touched: number[], size: number): void {
    const into = this.groupScore;
    if (terms.length === 1) {
      const { slots, scores } = this.postings.of(terms[0]);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (slot >= size) continue;
        if (into[slot] === 0) touched.push(slot);
        into[slot] += scores[i];
      }
      return;
    }
    // A section counts a term only when it had all the terms before it.
    const { termsHad: had, termsScore: sum } = this;
    const first = this.postings.of(terms[0]);
    const holders = Array.from(first.slots);
    first.slots.forEach((slot, i) => {
      had[slot] = 1;
      sum[slot] = first.scores[i];
    });
    for (let t = 1; t < terms.length; t++) {
      const { slots, scores } = this.postings.of(terms[t]);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (had[slot] !== t) continue;
        had[slot] = t + 1;
        sum[slot] += scores[i];
      }
    }
    for (const slot of holders) {
      if (had[slot] === terms.length && slot < size) {
        if (into[slot] === 0) touched.push(slot);
        into[slot] += sum[slot];
      }
      had[slot] = 0;
      sum[slot] = 0;
    }
  }

  private grow(size: number): void {
    // Postings may name slots up to minisearch's next id, beyond `size`; room for those too.
    const needed = Math.max(size, this.postings.idLimit());
    if (needed <= this.total.length) return;
    const capacity = Math.max(needed, this.total.length * 2);
    this.total = new Float64Array(capacity);
    this.matched = new Uint8Array(capacity);
    this.groupScore = new Float64Array(capacity);
    this.termsHad = new Uint8Array(capacity);
    this.termsScore = new Float64Array(capacity);
  }
}

/**
 * Matches collected into typed arrays of the most they can hold, handed out at their exact length: a plain
 * array of tens of thousands of slots grew by copying on the garbage-collected heap, once per search.
 */
export class ScoredList {
  private readonly slots: Int32Array;
  private readonly scores: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  push(slot: number, score: number): void {
    this.slots[this.length] = slot;
    this.scores[this.length++] = score;
  }

  done(): ScoredMatches {
    return { slots: this.slots.slice(0, this.length), scores: this.scores.slice(0, this.length) };
  }
}
