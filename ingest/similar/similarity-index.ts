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
 * Terms in more questions than this share do not propose candidates (they still count in the score): "personal"
 * would otherwise make every question a candidate of every other, and finding neighbours quadratic.
 */
const CANDIDATE_MAX_SHARE = 0.05;
/** …unless the archive is so small that every term is in few questions anyway. */
const CANDIDATE_MIN_DF = 50;
/** Norms are computed with the rarity of terms at the time; recomputed when the archive has grown by this share. */
const RENORM_GROWTH = 0.1;

interface Entry {
  features: QuestionFeatures;
  norm: number;
}

export class SimilarityIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new Map<string, Set<string>>();
  private sizeAtNorms = 0;

  constructor(readonly options: SimilarityOptions = DEFAULT_OPTIONS) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  features(id: string): QuestionFeatures | undefined {
    return this.entries.get(id)?.features;
  }

  /** Adds (or replaces) questions. */
  add(features: QuestionFeatures[]): void {
    for (const f of features) {
      this.remove(f.id);
      for (const term of Object.keys(f.terms)) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = new Set()));
        list.add(f.id);
      }
      this.entries.set(f.id, { features: f, norm: 0 });
    }
    if (this.entries.size > this.sizeAtNorms * (1 + RENORM_GROWTH)) this.renormAll();
    else for (const f of features) this.entries.get(f.id)!.norm = this.normOf(f);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const term of Object.keys(entry.features.terms)) {
      const list = this.postings.get(term);
      list?.delete(id);
      if (list?.size === 0) this.postings.delete(term);
    }
    this.entries.delete(id);
  }

  /** Ids of every question of a protocol. */
  idsOfProtocol(protocolId: string): string[] {
    return [...this.entries.values()].filter((e) => e.features.protocolId === protocolId).map((e) => e.features.id);
  }

  /**
   * The `limit` questions closest to `id` from other protocols, best first (newest first among equal scores).
   */
  nearest(id: string, limit: number): ScoredNeighbour[] {
    const entry = this.entries.get(id);
    if (!entry || entry.norm === 0) return [];
    const { features } = entry;
    const maxDf = Math.max(CANDIDATE_MIN_DF, this.entries.size * CANDIDATE_MAX_SHARE);
    const candidates = new Set<string>();
    for (const term of Object.keys(features.terms)) {
      const list = this.postings.get(term);
      if (!list || list.size > maxDf) continue;
      for (const other of list) candidates.add(other);
    }
    const scored: Array<ScoredNeighbour & { date: string }> = [];
    for (const otherId of candidates) {
      const other = this.entries.get(otherId)!;
      if (other.features.protocolId === features.protocolId) continue;
      // Rounded so that "equally close" means something and the newest of them comes first.
      const score = Math.round(this.score(entry, other) * 1000) / 1000;
      if (score >= this.options.minScore) scored.push({ id: otherId, score, date: other.features.date ?? '' });
    }
    scored.sort(closestThenNewest);
    return scored.slice(0, limit).map(({ id: nid, score }) => ({ id: nid, score }));
  }

  /** The similarity of two stored questions (0 when either is unknown). */
  similarity(a: string, b: string): number {
    const ea = this.entries.get(a);
    const eb = this.entries.get(b);
    return ea && eb ? this.score(ea, eb) : 0;
  }

  /** The terms two questions share, the most telling first. */
  sharedTerms(a: QuestionFeatures, b: QuestionFeatures): string[] {
    return Object.keys(a.terms)
      .filter((t) => t in b.terms)
      .map((t) => ({ t, w: a.terms[t] * b.terms[t] * this.idf(t) ** 2 }))
      .sort((x, y) => y.w - x.w)
      .map((x) => x.t);
  }

  private score(a: Entry, b: Entry): number {
    if (a.norm === 0 || b.norm === 0) return 0;
    let dot = 0;
    const [small, large] = Object.keys(a.features.terms).length <= Object.keys(b.features.terms).length ? [a, b] : [b, a];
    for (const [term, weight] of Object.entries(small.features.terms)) {
      const other = large.features.terms[term];
      if (other !== undefined) dot += weight * other * this.idf(term) ** 2;
    }
    const cosine = dot / (a.norm * b.norm);
    if (cosine === 0) return 0;
    return cosine + this.options.topicWeight * topicShare(a.features.topics, b.features.topics);
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    const n = this.entries.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private normOf(f: QuestionFeatures): number {
    let sum = 0;
    for (const [term, weight] of Object.entries(f.terms)) sum += (weight * this.idf(term)) ** 2;
    return Math.sqrt(sum);
  }

  private renormAll(): void {
    for (const entry of this.entries.values()) entry.norm = this.normOf(entry.features);
    this.sizeAtNorms = this.entries.size;
  }
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
