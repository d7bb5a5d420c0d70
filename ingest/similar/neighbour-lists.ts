// Keeps every question's list of most similar questions up to date as protocols are ingested: the new questions
// get their lists, and each old question a new one comes close to gets it in its list (both directions), so a
// request only reads a stored list. Loads the archive's question features into memory at the end of an ingest run,
// adds the run's questions, and writes only the lists that changed.
import { questionRecordsOf } from '../store/records.ts';
import type { ArchiveStore, NeighbourList } from '../store/types.ts';
import type { Protocol } from '../model.ts';
import { questionFeatures, type QuestionFeatures } from './question-terms.ts';
import { closestThenNewest, SimilarityIndex, type ScoredNeighbour, type SimilarityOptions } from './similarity-index.ts';

/** Neighbours kept per question: more than a page shows, so a few can be filtered away on reading. */
export const KEPT_NEIGHBOURS = 12;
/** Shared words named in a neighbour's "why". */
const WHY_WORDS = 4;

export class NeighbourLists {
  private readonly lists = new Map<string, ScoredNeighbour[]>();
  /** Who lists each question, so a question's removal reaches the lists it is in. */
  private readonly listedBy = new Map<string, Set<string>>();

  private constructor(private readonly store: ArchiveStore, readonly index: SimilarityIndex) {}

  /**
   * Loads the stored features and lists, brings in `saved` (protocols saved since, see `SavedProtocols`), and works
   * out the lists of questions stored without them (an archive of an older version, protocols saved by a test).
   */
  static async open(store: ArchiveStore, saved?: SavedProtocols, options?: SimilarityOptions): Promise<NeighbourLists> {
    const state = await store.similarityState();
    const lists = new NeighbourLists(store, new SimilarityIndex(options));
    lists.index.add(state.features);
    for (const { questionId, neighbourId, score } of state.neighbours) lists.insert(questionId, { id: neighbourId, score }, Infinity);
    if (saved) await lists.update(saved.features, saved.protocolIds);
    const { questions } = await store.counts();
    if (questions !== lists.index.size) {
      const missing = (await store.questions()).filter((q) => !lists.index.has(q.id));
      await lists.update(missing.map(questionFeatures), []);
    }
    return lists;
  }

  private async update(features: QuestionFeatures[], replacedProtocols: string[]): Promise<void> {
    const changed = new Set<string>();
    for (const protocolId of replacedProtocols) for (const id of this.index.idsOfProtocol(protocolId)) this.forget(id, changed);
    this.index.add(features);
    const found = features.map((f) => ({ id: f.id, nearest: this.index.nearest(f.id, KEPT_NEIGHBOURS) }));
    for (const { id, nearest } of found) {
      for (const old of this.lists.get(id) ?? []) this.listedBy.get(old.id)?.delete(id);
      this.lists.set(id, []);
      for (const n of nearest) this.insert(id, n, KEPT_NEIGHBOURS);
      changed.add(id);
    }
    for (const { id, nearest } of found) {
      for (const n of nearest) if (this.insert(n.id, { id, score: n.score }, KEPT_NEIGHBOURS)) changed.add(n.id);
    }
    if (features.length === 0 && changed.size === 0) return;
    await this.store.saveSimilarity({ features, lists: [...changed].filter((id) => this.index.has(id)).map((id) => this.listOf(id)) });
  }

  /** Puts a neighbour into a question's list if it is among the closest; says whether the list changed. */
  private insert(owner: string, neighbour: ScoredNeighbour, keep: number): boolean {
    let list = this.lists.get(owner);
    if (!list) this.lists.set(owner, (list = []));
    const existing = list.findIndex((n) => n.id === neighbour.id);
    // Most offers are farther than everything in a full list: nothing to do.
    if (existing < 0 && list.length >= keep && neighbour.score < list[list.length - 1].score) return false;
    if (existing >= 0) list.splice(existing, 1);
    const dateOf = (n: ScoredNeighbour) => this.index.features(n.id)?.date ?? '';
    list.push(neighbour);
    list.sort((a, b) => closestThenNewest({ score: a.score, date: dateOf(a) }, { score: b.score, date: dateOf(b) }));
    const dropped = list.length > keep ? list.splice(keep) : [];
    for (const d of dropped) this.listedBy.get(d.id)?.delete(owner);
    if (dropped.some((d) => d.id === neighbour.id)) return existing >= 0;
    let owners = this.listedBy.get(neighbour.id);
    if (!owners) this.listedBy.set(neighbour.id, (owners = new Set()));
    owners.add(owner);
    return true;
  }

  private forget(id: string, changed: Set<string>): void {
    for (const owner of this.listedBy.get(id) ?? []) {
      const list = this.lists.get(owner);
      if (list) this.lists.set(owner, list.filter((n) => n.id !== id));
      changed.add(owner);
    }
    for (const n of this.lists.get(id) ?? []) this.listedBy.get(n.id)?.delete(id);
    this.listedBy.delete(id);
    this.lists.delete(id);
    changed.delete(id);
    this.index.remove(id);
  }

  private listOf(id: string): NeighbourList {
    const own = this.index.features(id)!;
    return {
      questionId: id,
      neighbours: (this.lists.get(id) ?? []).map((n) => {
        const other = this.index.features(n.id)!;
        return { id: n.id, score: n.score, sharedWords: this.sharedWords(own, other), sharedTopics: own.topics.filter((t) => other.topics.includes(t)) };
      }),
    };
  }

  private sharedWords(a: QuestionFeatures, b: QuestionFeatures): string[] {
    const words: string[] = [];
    for (const term of this.index.sharedTerms(a, b)) {
      const word = a.words[term] ?? b.words[term];
      if (word && !words.includes(word)) words.push(word);
      if (words.length === WHY_WORDS) break;
    }
    return words;
  }
}

/**
 * The protocols an ingest run saved (or replaced, or lost to a failure), reduced to their questions' features as
 * each batch is written, for the similar questions to be worked out once at the end of the run: then the
 * computation never holds up the parse workers, and the run keeps no protocols in memory.
 */
export class SavedProtocols {
  readonly features: QuestionFeatures[] = [];
  readonly protocolIds: string[] = [];

  add(protocolId: string, protocol: Protocol | null): void {
    this.protocolIds.push(protocolId);
    if (protocol) for (const record of questionRecordsOf(protocol, protocolId)) this.features.push(questionFeatures(record));
  }

  get size(): number {
    return this.protocolIds.length;
  }
}

/** Works out the similar questions of everything stored that lacks them (e.g. protocols saved by a test or an older version). */
export async function refreshSimilarQuestions(store: ArchiveStore): Promise<void> {
  await NeighbourLists.open(store);
}
