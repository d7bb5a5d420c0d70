// Measured relevance: the judged Swedish queries (judged-queries.json) run against the four corpus protocols
// as the real parser reads them. Prints recall@10 and MRR, and requires recall@10 ≥ 0.9 and MRR ≥ 0.7.
import { beforeAll, describe, expect, it } from 'vitest';
import judged from './judged-queries.json' with { type: 'json' };
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import type { SearchFilters } from '../../server/search/engine.ts';
import { corpusRecords } from './corpus-records.ts';

interface Judged {
  query: string;
  kind: string;
  filters?: SearchFilters;
  relevant: Record<string, string[]>;
}

const queries = judged.queries as Judged[];
const engine = new MiniSearchEngine();
let protocolIds = new Map<string, string>();

beforeAll(async () => {
  const corpus = await corpusRecords();
  protocolIds = corpus.protocolIds;
  await engine.index(corpus.records);
});

function relevantIds(q: Judged): Set<string> {
  return new Set(Object.entries(q.relevant).flatMap(([file, numbers]) => numbers.map((n) => `${protocolIds.get(file)}#${n}`)));
}

function measure(q: Judged): { recall: number; reciprocalRank: number; missed: string[] } {
  const relevant = relevantIds(q);
  const top = engine.search({ query: q.query, filters: q.filters, pageSize: 10 }).hits.map((h) => h.id);
  const found = top.filter((id) => relevant.has(id));
  const first = top.findIndex((id) => relevant.has(id));
  return {
    recall: found.length / relevant.size,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    missed: [...relevant].filter((id) => !top.includes(id)),
  };
}

describe('judged Swedish queries over the corpus', () => {
  it(`has at least 40 judged queries (${queries.length})`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
  });

  it('finds the judged sections: recall@10 ≥ 0.9 and MRR ≥ 0.7', () => {
    const results = queries.map((q) => ({ q, ...measure(q) }));
    const recall = results.reduce((s, r) => s + r.recall, 0) / results.length;
    const mrr = results.reduce((s, r) => s + r.reciprocalRank, 0) / results.length;
    const weak = results.filter((r) => r.recall < 1 || r.reciprocalRank < 1);
    const lines = weak.map(
      (r) => `  ${JSON.stringify(r.q.query)}${r.q.filters ? ' ' + JSON.stringify(r.q.filters) : ''}: recall ${r.recall.toFixed(2)}, RR ${r.reciprocalRank.toFixed(2)}${r.missed.length ? ', missed ' + r.missed.join(' ') : ''}`,
    );
    console.log(`judged queries: ${results.length}, recall@10 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}\n${lines.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(mrr).toBeGreaterThanOrEqual(0.7);
  });

  it.each([
    ['sjukfrånvaro', undefined],
    ['friskfaktor', undefined],
    ['våld', undefined],
    ['SAM', undefined],
    ['sjukfrånvarro', undefined],
    ['"hot och våld"', undefined],
    ['hot och våld', { party: 'Akademikerförbundet SSR' }],
  ] as Array<[string, SearchFilters | undefined]>)('ranks a judged section first for %s %j', (query, filters) => {
    const q = queries.find((j) => j.query === query && JSON.stringify(j.filters) === JSON.stringify(filters));
    expect(q, `judged query ${query}`).toBeDefined();
    expect(measure(q!).reciprocalRank).toBe(1);
  });
});
