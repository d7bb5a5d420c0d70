// Searching text worded otherwise than the query (issue 13): a compound in the query finds its parts written
// apart and a derived form ("anställa" → "anställningen"), and a query naming a topic of the taxonomy finds the
// sections tagged with it that never use its words, below the sections that do.
import { beforeAll, describe, expect, it } from 'vitest';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import type { SearchResponse } from '../../server/search/engine.ts';
import { sectionRecord } from './hand-made-records.ts';

const engine = new MiniSearchEngine();
const ids = (r: SearchResponse) => r.hits.map((h) => h.id);

const ARCHIVE = [
  sectionRecord({
    protocolId: 'bbbb000000000001', forvaltning: 'Farsta', date: '2025-02-11', number: '4', title: 'Kompetensförsörjning',
    utterances: [['Arbetsgivaren', 'Alla nya chefer ska gå en utbildning i arbetsmiljö under första halvåret.']],
    topics: ['kompetensförsörjning/utbildning', 'arbetsmiljö/SAM'],
  }),
  sectionRecord({
    protocolId: 'bbbb000000000001', forvaltning: 'Farsta', date: '2025-02-11', number: '5', title: 'Bemanning',
    utterances: [['Arbetsgivaren', 'Anställningen till nattpatrullen är klar, men två sjukskötersketjänster är fortfarande vakanta.']],
    topics: ['kompetensförsörjning/utbildning'],
  }),
  sectionRecord({
    protocolId: 'bbbb000000000002', forvaltning: 'Farsta', date: '2025-03-11', number: '3', title: 'Arbetsmiljö',
    utterances: [['Vision', 'Vision tar upp våldsamt beteende från brukare och hotfulla brukare vid hembesök.']],
    topics: ['hot och våld'],
  }),
  sectionRecord({
    protocolId: 'bbbb000000000002', forvaltning: 'Farsta', date: '2025-03-11', number: '4', title: 'Hot och våld i hemtjänsten',
    utterances: [['Arbetsgivaren', 'Rutinen för hot och våld vid hembesök har uppdaterats.']],
    topics: ['hot och våld'],
  }),
  sectionRecord({
    protocolId: 'bbbb000000000002', forvaltning: 'Farsta', date: '2025-03-11', number: '5', title: 'Ekonomi',
    utterances: [['Arbetsgivaren', 'Budgeten är i balans; arbetsmiljöutbildningen för skyddsombud betalas centralt.']],
    topics: ['budget/ekonomi'],
  }),
  sectionRecord({
    protocolId: 'bbbb000000000003', forvaltning: 'Farsta', date: '2025-04-08', number: '2', title: 'Lokaler',
    utterances: [['Arbetsgivaren', 'Flytten till nya lokaler sker i maj. Hotet om vattenskador är åtgärdat.']],
  }),
];

beforeAll(() => engine.index(ARCHIVE));

describe('a compound in the query', () => {
  it("finds 'utbildning i arbetsmiljö' when searching 'arbetsmiljöutbildning', and the compound itself", () => {
    expect(ids(engine.search({ query: 'arbetsmiljöutbildning' }))).toEqual(expect.arrayContaining(['bbbb000000000001#4', 'bbbb000000000002#5']));
  });

  it("finds 'Anställningen … sjukskötersketjänster' when searching 'anställa sjuksköterskor'", () => {
    expect(ids(engine.search({ query: 'anställa sjuksköterskor' }))).toContain('bbbb000000000001#5');
  });
});

describe('a query naming a topic', () => {
  it("finds a section tagged 'hot och våld' that says 'våldsamt beteende' and 'hotfulla brukare', below the literal one", () => {
    const found = ids(engine.search({ query: 'hot och våld' }));
    expect(found[0]).toBe('bbbb000000000002#4');
    expect(found).toContain('bbbb000000000002#3');
  });

  it('keeps a quoted phrase literal: "hot och våld" finds only the words', () => {
    expect(ids(engine.search({ query: '"hot och våld"' }))).toEqual(['bbbb000000000002#4']);
  });

  it('does not give a section the topic for a word it merely shares (Hotet om vattenskador)', () => {
    expect(ids(engine.search({ query: 'hot och våld' }))).not.toContain('bbbb000000000003#2');
  });
});
