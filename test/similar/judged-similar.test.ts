// How well "Liknande frågor" finds the questions a person judged to be on the same matter (judged-similar.json):
// the real fixture protocols and a generated archive, parsed by the real pipeline into one SQLite store, the
// similar questions worked out as at ingest, and recall@5 and MRR held above their floors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSimilarQuestions } from '../../ingest/similar/neighbour-lists.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { storeWith } from '../analytics/archive-store.ts';
import { loadJudgedArchive, scoreJudged, type JudgedScore } from './judged-set.ts';

let store: ArchiveStore;
let score: JudgedScore;

beforeAll(async () => {
  const archive = await loadJudgedArchive();
  store = await storeWith([...archive.protocols.values()]);
  await refreshSimilarQuestions(store);
  score = await scoreJudged(store, archive);
  console.log(`similar questions on the judged set: ${score.queries} questions, recall@5 ${score.recallAt5.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
}, 240_000);
afterAll(() => store.close());

describe('similar questions on the judged set', () => {
  it('judges at least 30 questions that have a relevant question in another protocol', () => {
    expect(score.queries).toBeGreaterThanOrEqual(30);
  });

  it('finds most questions judged to be on the same matter among the first five (recall@5 ≥ 0.7)', () => {
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.7);
  });

  it('puts a question on the same matter first or near it (MRR ≥ 0.6)', () => {
    expect(score.mrr).toBeGreaterThanOrEqual(0.6);
  });
});
