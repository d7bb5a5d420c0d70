// Finds the questions most like a question among all the archive's questions: BM25-style term weights (rarity ×
// saturated, field-weighted counts from question-terms.ts) compared by cosine, blended with shared topics.
// The score is symmetric, so when a new question finds an old one close, the old one finds the new one equally
// close: one comparison updates the neighbour lists in both directions (neighbour-lists.ts).
import type { QuestionFeatures } from './question-terms.ts';

export interface ScoredNeighbour {
  id: string;
  score: number;
}

export interface SimilarityOptions {
  /** How much a shared topic adds (times the share of topics the two have in common). */
  topicWeight: number;
  /** Below this a question is not called similar at all. */
  minScore: number;
}

export const DEFAULT_OPTIONS: SimilarityOptions = { topicWeight: 0.1, minScore: 0.12 };

/**
 * Terms in more questions than this do not propose candidates by themselves (they still count in the score of those
 * that rarer terms proposed): "personal" would otherwise make every question a candidate of every other, and
 * finding neighbours quadratic in the archive's size. Grows with the archive from CANDIDATE_MIN_DF up to
 * CANDIDATE_MAX_DF, so the work per question stays bounded.
 */
const CANDIDATE_SHARE = 0.01;
const CANDIDATE_MIN_DF = 50;
const CANDIDATE_MAX_DF = 250;
/**
 * A question whose terms are all common (a matter asked hundreds of times) still needs candidates: its rarest
 * terms propose them, each from its latest postings only, since any of those questions is as close as another.
 */
const RAREST_PROPOSERS = 2;
const COMMON_POSTINGS_SCANNED = 300;
/** Norms are computed with the rarity of terms at the time; recomputed when the archive has grown by this share. */
const RENORM_GROWTH = 0.1;

/** The questions holding a term, by slot, with the term's weight in each. */
interface Posting {
  slots: number[];
  weights: number[];
}

/**
 * Questions are held in dense slots so that finding the nearest ones adds up scores in one typed array, term by
 * term, instead of comparing the question with each candidate in turn.
 */
export class SimilarityIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly bySlot: Array<QuestionFeatures | undefined> = [];
  private norms = new Float64Array(1024);
  private scores = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private readonly freeSlots: number[] = [];
  private readonly postings = new Map<string, Posting>();
  private readonly byProtocol = new Map<string, Set<string>>();
  private sizeAtNorms = 0;

  constructor(readonly options: SimilarityOptions = DEFAULT_OPTIONS) {}

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  features(id: string): QuestionFeatures | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.bySlot[slot];
  }

  /** Adds (or replaces) questions. */
  add(features: QuestionFeatures[]): void {
    for (const f of features) {
      this.remove(f.id);
      const slot = this.freeSlots.pop() ?? this.bySlot.length;
      this.ensureCapacity(slot + 1);
      this.bySlot[slot] = f;
      this.slotOf.set(f.id, slot);
      for (const [term, weight] of Object.entries(f.terms)) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { slots: [], weights: [] }));
        posting.slots.push(slot);
        posting.weights.push(weight);
      }
      let ids = this.byProtocol.get(f.protocolId);
      if (!ids) this.byProtocol.set(f.protocolId, (ids = new Set()));
      ids.add(f.id);
    }
    if (this.size > this.sizeAtNorms * (1 + RENORM_GROWTH)) this.renormAll();
    else for (const f of features) this.norms[this.slotOf.get(f.id)!] = this.normOf(f);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const f = this.bySlot[slot]!;
    for (const term of Object.keys(f.terms)) {
      const posting = this.postings.get(term)!;
      const at = posting.slots.indexOf(slot);
      posting.slots.splice(at, 1);
      posting.weights.splice(at, 1);
      if (posting.slots.length === 0) this.postings.delete(term);
    }
    this.byProtocol.get(f.protocolId)?.delete(id);
    this.slotOf.delete(id);
    this.bySlot[slot] = undefined;
    this.norms[slot] = 0;
    this.freeSlots.push(slot);
  }

  /** Ids of every question of a protocol. */
  idsOfProtocol(protocolId: string): string[] {
    return [...(this.byProtocol.get(protocolId) ?? [])];
  }

  /**
   * The `limit` questions closest to `id` from other protocols, best first (newest first among equal scores).
   */
  nearest(id: string, limit: number): ScoredNeighbour[] {
    const slot = this.slotOf.get(id);
    if (slot === undefined || this.norms[slot] === 0) return [];
    const features = this.bySlot[slot]!;
    const maxDf = Math.min(CANDIDATE_MAX_DF, Math.max(CANDIDATE_MIN_DF, this.size * CANDIDATE_SHARE));
    const touched: number[] = [];
    const propose = (other: number) => {
      if (this.seen[other] === 1) return;
      this.seen[other] = 1;
      touched.push(other);
    };
    // Terms whose postings are not all added up here, with their weight × rarity²: looked up in each candidate.
    const common: Array<[string, number]> = [];
    const terms = Object.entries(features.terms)
      .map(([term, weight]) => ({ term, weight, posting: this.postings.get(term)! }))
      .sort((x, y) => x.posting.slots.length - y.posting.slots.length);
    for (const { term, weight, posting } of terms) {
      const df = posting.slots.length;
      if (df > maxDf) {
        common.push([term, weight * this.idf(term) ** 2]);
        continue;
      }
      const w = weight * this.idf(term) ** 2;
      for (let i = 0; i < df; i++) {
        propose(posting.slots[i]);
        this.scores[posting.slots[i]] += w * posting.weights[i];
      }
    }
    if (touched.length < limit * 4) {
      for (const { posting } of terms.slice(0, RAREST_PROPOSERS)) {
        const df = posting.slots.length;
        if (df > maxDf) for (let i = Math.max(0, df - COMMON_POSTINGS_SCANNED); i < df; i++) propose(posting.slots[i]);
      }
    }
    const best: Dated[] = [];
    const norm = this.norms[slot];
    // Below this cosine not even shared topics can lift a candidate over the minimum.
    const floor = this.options.minScore - this.options.topicWeight;
    for (const other of touched) {
      let dot = this.scores[other];
      this.scores[other] = 0;
      this.seen[other] = 0;
      const candidate = this.bySlot[other]!;
      if (candidate.protocolId === features.protocolId) continue;
      for (const [term, weighted] of common) {
        const w = candidate.terms[term];
        if (w !== undefined) dot += weighted * w;
      }
      const cosine = dot / (norm * this.norms[other]);
      if (cosine < floor) continue;
      // Rounded so that "equally close" means something and the newest of them comes first.
      const score = Math.round((cosine + this.options.topicWeight * topicShare(features.topics, candidate.topics)) * 1000) / 1000;
      if (score >= this.options.minScore) keepBest(best, { id: candidate.id, score, date: candidate.date ?? '' }, limit);
    }
    return best.map(({ id: nid, score }) => ({ id: nid, score }));
  }

  /** The terms two questions share, the most telling first. */
  sharedTerms(a: QuestionFeatures, b: QuestionFeatures): string[] {
    return Object.keys(a.terms)
      .filter((t) => t in b.terms)
      .map((t) => ({ t, w: a.terms[t] * b.terms[t] * this.idf(t) ** 2 }))
      .sort((x, y) => y.w - x.w)
      .map((x) => x.t);
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.slots.length ?? 0;
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private normOf(f: QuestionFeatures): number {
    let sum = 0;
    for (const [term, weight] of Object.entries(f.terms)) sum += (weight * this.idf(term)) ** 2;
    return Math.sqrt(sum);
  }

  private renormAll(): void {
    this.bySlot.forEach((f, slot) => {
      if (f) this.norms[slot] = this.normOf(f);
    });
    this.sizeAtNorms = this.size;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.norms.length) return;
    const grown = (from: Float64Array) => {
      const to = new Float64Array(Math.max(slots, from.length * 2));
      to.set(from);
      return to;
    };
    this.norms = grown(this.norms);
    this.scores = grown(this.scores);
    const seen = new Uint8Array(this.norms.length);
    seen.set(this.seen);
    this.seen = seen;
  }
}

type Dated = ScoredNeighbour & { date: string };

/** Puts `entry` into `best` (kept in order, at most `limit` long) if it is among the closest. */
function keepBest(best: Dated[], entry: Dated, limit: number): void {
  if (best.length === limit && closestThenNewest(entry, best[limit - 1]) >= 0) return;
  let at = best.length;
  while (at > 0 && closestThenNewest(entry, best[at - 1]) < 0) at--;
  best.splice(at, 0, entry);
  if (best.length > limit) best.pop();
}

/** Share of the two questions' topics that both have (0 when neither has any). */
function topicShare(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = a.filter((t) => b.includes(t)).length;
  return shared / new Set([...a, ...b]).size;
}

export function closestThenNewest(a: { score: number; date: string }, b: { score: number; date: string }): number {
  return b.score - a.score || b.date.localeCompare(a.date);
}
