// The minisearch engine on hand-made sections: Swedish matching, query planning, filters, facets, snippets,
// and the saved index.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import type { SearchResponse } from '../../server/search/engine.ts';
import { HAND_MADE, sectionRecord } from './hand-made-records.ts';

const engine = new MiniSearchEngine();
beforeAll(() => engine.index(HAND_MADE));

const ids = (r: SearchResponse) => r.hits.map((h) => h.id);
const highlighted = (r: SearchResponse, i = 0) => r.hits[i].snippet.highlights.map(([s, e]) => r.hits[i].snippet.text.slice(s, e));

describe('Swedish matching', () => {
  it("finds 'korttidssjukfrånvaron' and 'Sjukfrånvaron' when searching 'sjukfrånvaro'", () => {
    const r = engine.search({ query: 'sjukfrånvaro' });
    expect(ids(r)).toEqual(expect.arrayContaining(['aaaa000000000001#16', 'aaaa000000000003#5.1.1']));
    expect(r.hits.flatMap((_, i) => highlighted(r, i))).toEqual(expect.arrayContaining(['Korttidssjukfrånvaron', 'Sjukfrånvaron']));
  });

  it("finds 'friskfaktorsinventering' when searching 'friskfaktor'", () => {
    expect(ids(engine.search({ query: 'friskfaktor' }))).toContain('aaaa000000000001#7');
  });

  it("finds 'våldsincidenten' when searching 'våld', ranking the plain word first", () => {
    const r = engine.search({ query: 'våld' });
    expect(ids(r)).toEqual(['aaaa000000000003#6', 'aaaa000000000002#12']);
  });

  it("finds 'systematiska arbetsmiljöarbetet' when searching 'SAM' and the other way round", () => {
    expect(ids(engine.search({ query: 'SAM' }))).toEqual(expect.arrayContaining(['aaaa000000000001#16', 'aaaa000000000003#5.1.1']));
    expect(ids(engine.search({ query: 'sam' }))).toContain('aaaa000000000001#16');
    expect(ids(engine.search({ query: 'systematiskt arbetsmiljöarbete' }))).toContain('aaaa000000000001#16');
  });

  it("corrects 'sjukfrånvarro' and 'Svergies lärare' to words the archive has", () => {
    const typo = engine.search({ query: 'sjukfrånvarro' });
    expect(typo.corrections).toEqual([{ from: 'sjukfrånvarro', to: 'sjukfrånvaro' }]);
    expect(typo.total).toBe(2);
    expect(ids(engine.search({ query: 'Svergies lärare' }))).toEqual(['aaaa000000000003#5.1.1']);
  });

  it('does not correct words the archive knows', () => {
    expect(engine.search({ query: 'skyddsronden' }).corrections).toEqual([]);
  });
});

describe('query planning', () => {
  it('requires all words, and falls back to any word flagged relaxed', () => {
    const strict = engine.search({ query: 'hot våld socialsekreterare' });
    expect(strict.relaxed).toBe(false);
    expect(ids(strict)).toEqual(['aaaa000000000003#6']);
    const relaxed = engine.search({ query: 'handlingsplan qqqzzzord' });
    expect(relaxed.relaxed).toBe(true);
    expect(ids(relaxed)).toEqual(['aaaa000000000003#6']);
  });

  it('checks a "quoted phrase" against the text', () => {
    expect(ids(engine.search({ query: '"hot och våld"' }))).toEqual(['aaaa000000000003#6']);
    expect(engine.search({ query: '"våld och hot"' }).total).toBe(0);
  });

  it('finds nothing for stopwords alone', () => {
    expect(engine.search({ query: 'och att det' }).total).toBe(0);
  });
});

describe('filters, facets, sorting, paging', () => {
  it('filters by the party that said the matching words, not by who else spoke', () => {
    expect(ids(engine.search({ query: 'våld', filters: { party: 'Kommunal' } }))).toEqual(['aaaa000000000002#12']);
    expect(engine.search({ query: 'friskfaktorsinventering', filters: { party: 'Arbetsgivaren' } }).total).toBe(0);
    const ssr = engine.search({ query: 'friskfaktorsinventering', filters: { party: 'Akademikerförbundet SSR' } });
    expect(ssr.hits[0].party).toBe('Akademikerförbundet SSR');
  });

  it('filters by förvaltning, dates (a month-only date overlaps), topic, status and body', () => {
    expect(engine.search({ query: 'våld', filters: { forvaltning: 'Skärholmen' } }).total).toBe(1);
    expect(ids(engine.search({ query: 'sjukfrånvaro', filters: { from: '2025-12-05', to: '2025-12-10' } }))).toEqual(['aaaa000000000003#5.1.1']);
    expect(engine.search({ query: 'sjukfrånvaro', filters: { to: '2024-06-30' } }).total).toBe(1);
    expect(engine.search({ query: 'våld', filters: { from: '2024-03', to: '2024-03' } }).total).toBe(1);
    expect(engine.search({ query: 'våld', filters: { topic: 'hot-och-vald', status: 'answered' } }).total).toBe(1);
    expect(engine.search({ query: 'våld', filters: { body: 'samverkansgrupp' } }).total).toBe(0);
  });

  it('counts facets over the current result', () => {
    const r = engine.search({ query: 'våld' });
    expect(r.facets.forvaltning).toEqual([
      { value: 'Hägersten-Älvsjö', count: 1 },
      { value: 'Skärholmen', count: 1 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2024', count: 1 },
      { value: '2025', count: 1 },
    ]);
    expect(engine.facets().forvaltning).toEqual([
      { value: 'Hägersten-Älvsjö', count: 3 },
      { value: 'Skärholmen', count: 2 },
    ]);
  });

  it('sorts by date, newest first, and pages', () => {
    const byDate = engine.search({ query: 'arbetsgivaren', sort: 'date' });
    const dates = byDate.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const second = engine.search({ query: 'arbetsgivaren', sort: 'date', page: 2, pageSize: 2 });
    expect(second.hits.map((h) => h.id)).toEqual(ids(byDate).slice(2, 4));
    expect(second.total).toBe(byDate.total);
  });
});

describe('snippets', () => {
  it('gives the page and party of the utterance that matched, and ranges over plain text', () => {
    const r = engine.search({ query: 'skyddsrond förskola' });
    const hit = r.hits[0];
    expect(hit.party).toBe('Sveriges Lärare');
    expect(hit.page).toBe(2);
    expect(hit.snippet.text).toContain('<script>');
    expect(highlighted(r)).toEqual(['skyddsronden', 'förskolan']);
  });
});

describe('saved index', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-index-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers the same after save and load, and takes in a new protocol', async () => {
    await engine.save(dir);
    const loaded = new MiniSearchEngine();
    expect(await loaded.load(dir)).toBe(true);
    for (const query of ['sjukfrånvaro', 'våld', 'SAM', 'Svergies lärare']) {
      expect(loaded.search({ query })).toEqual(engine.search({ query }));
    }
    loaded.add('bbbb000000000001', [
      sectionRecord({
        protocolId: 'bbbb000000000001', forvaltning: 'Skärholmen', date: '2026-01-15', number: '3', title: 'Friskvård',
        utterances: [['Vision', 'Vision frågar om friskvårdsbidraget höjs.']],
      }),
    ]);
    expect(ids(loaded.search({ query: 'friskvårdsbidrag' }))).toEqual(['bbbb000000000001#3']);
    loaded.remove('aaaa000000000003');
    expect(ids(loaded.search({ query: 'våld' }))).toEqual(['aaaa000000000002#12']);
  });
});
