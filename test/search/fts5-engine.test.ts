// The FTS5 reference engine behind the same interface: it answers exact words with ranges and facets, and,
// knowing no Swedish, misses what only compound splitting finds — the difference the benchmark reports.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fts5Engine } from '../../server/search/fts5-engine.ts';
import { HAND_MADE } from './hand-made-records.ts';

const engine = new Fts5Engine();
let dir = '';
beforeAll(async () => {
  await engine.index(HAND_MADE);
  dir = await mkdtemp(join(tmpdir(), 'fts5-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('FTS5 reference engine', () => {
  it('finds exact words with highlight ranges, facets and date filters', () => {
    const r = engine.search({ query: 'Sjukfrånvaron' });
    expect(r.hits.map((h) => h.id)).toEqual(['aaaa000000000003#5.1.1']);
    const [s, e] = r.hits[0].snippet.highlights[0];
    expect(r.hits[0].snippet.text.slice(s, e)).toBe('Sjukfrånvaron');
    expect(r.facets.forvaltning).toEqual([{ value: 'Skärholmen', count: 1 }]);
    expect(engine.search({ query: 'våld', filters: { from: '2025-01-01' } }).total).toBe(1);
  });

  it("does not find 'våldsincidenten' for 'våld' (no compound splitting)", () => {
    expect(engine.search({ query: 'våld' }).hits.map((h) => h.id)).toEqual(['aaaa000000000003#6']);
  });

  it('answers the same after save and load', async () => {
    await engine.save(dir);
    const loaded = new Fts5Engine();
    expect(await loaded.load(dir)).toBe(true);
    expect(loaded.search({ query: 'handlingsplan' })).toEqual(engine.search({ query: 'handlingsplan' }));
    expect(loaded.protocolIds().sort()).toEqual(engine.protocolIds().sort());
  });
});
