// Real and generated (synthetic) protocols kept apart: both engines filter on the source and count it as a
// facet, over a query's hits and over the whole archive, and agree with each other. The source facet counts
// both sources under the other filters, so the source not chosen still shows what it holds.
import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../server/search/engine.ts';
import { Fts5Engine } from '../../server/search/fts5-engine.ts';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import { withGeneratedSkarholmen } from './hand-made-records.ts';

async function indexed(engine: SearchEngine): Promise<SearchEngine> {
  await engine.index(withGeneratedSkarholmen());
  return engine;
}

describe.each([
  ['minisearch', () => indexed(new MiniSearchEngine())],
  ['fts5', () => indexed(new Fts5Engine())],
])('the %s engine with real and generated protocols', (_name, make) => {
  it('shows only real protocols, or only generated ones, when asked', async () => {
    const engine = await make();
    const real = engine.search({ query: 'arbetsgivaren', filters: { source: 'real' } });
    expect(real.total).toBeGreaterThan(0);
    expect(real.hits.every((h) => !h.synthetic && h.protocolId !== 'aaaa000000000003')).toBe(true);
    const generated = engine.search({ query: 'arbetsgivaren', filters: { source: 'synthetic' } });
    expect(generated.hits.map((h) => h.protocolId)).toEqual(['aaaa000000000003']);
    expect(generated.hits.every((h) => h.synthetic)).toBe(true);
    expect(real.total + generated.total).toBe(engine.search({ query: 'arbetsgivaren' }).total);
  });

  it('counts real and generated sections for the query and for the archive', async () => {
    const engine = await make();
    const all = engine.search({ query: 'arbetsgivaren' });
    const realCount = all.hits.filter((h) => !h.synthetic).length;
    expect(all.facets.source).toEqual(
      [
        { value: 'real', count: realCount },
        { value: 'synthetic', count: all.total - realCount },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
    expect(engine.facets().source).toEqual([
      { value: 'real', count: 3 },
      { value: 'synthetic', count: 2 },
    ]);
    const onlyReal = engine.facets({ source: 'real' });
    expect(onlyReal.forvaltning).toEqual([{ value: 'Hägersten-Älvsjö', count: 3 }]);
    expect(onlyReal.source).toEqual(engine.facets().source);
  });

  it('still counts the source not chosen, under the other filters', async () => {
    const engine = await make();
    const generated = engine.search({ query: 'arbetsgivaren', filters: { source: 'synthetic' } });
    expect(generated.facets.forvaltning).toEqual([{ value: 'Skärholmen', count: generated.total }]);
    expect(generated.facets.source).toEqual(engine.search({ query: 'arbetsgivaren' }).facets.source);
    const inSkarholmen = engine.search({ query: 'arbetsgivaren', filters: { source: 'real', forvaltning: 'Skärholmen' } });
    expect(inSkarholmen.total).toBe(0);
    expect(inSkarholmen.facets.source).toEqual([{ value: 'synthetic', count: generated.total }]);
  });
});
