// What the server keeps between searches: answers and match lists of searches asked again, not of every
// search. A stream of one-off searches must not fill the caches (that churn set the server's latency under
// load), while a search asked again — the next page, a shared link, the back button — is answered from them.
import { describe, expect, it } from 'vitest';
import { Doorkeeper } from '../../server/search/doorkeeper.ts';
import { Lru } from '../../server/search/lru.ts';
import { MatchCache } from '../../server/search/match-cache.ts';
import { ResponseCache } from '../../server/search/response-cache.ts';

describe('the doorkeeper', () => {
  it('admits a key the second time it is shown', () => {
    const door = new Doorkeeper(8);
    expect(door.admits('sjukfrånvaro')).toBe(false);
    expect(door.admits('hot och våld')).toBe(false);
    expect(door.admits('sjukfrånvaro')).toBe(true);
  });

  it('forgets keys shown longer ago than its capacity, and everything when cleared', () => {
    const door = new Doorkeeper(4);
    door.admits('a');
    for (const key of ['b', 'c', 'd', 'e']) door.admits(key);
    expect(door.admits('a')).toBe(false);
    door.clear();
    expect(door.admits('e')).toBe(false);
  });
});

describe('the answer cache', () => {
  it('keeps an answer from the second asking of its search on', () => {
    const answers = new ResponseCache(10);
    const request = { query: 'friskfaktorer', filters: { forvaltning: 'Skärholmen' }, page: 2 };
    answers.set(request, 'first');
    expect(answers.get(request)).toBeUndefined();
    answers.set(request, 'second');
    expect(answers.get({ ...request, filters: { forvaltning: 'Skärholmen' } })).toBe('second');
    expect(answers.get({ ...request, page: 3 })).toBeUndefined();
  });

  it('keeps nothing of a stream of searches asked once each', () => {
    const answers = new ResponseCache(10);
    for (let day = 1; day <= 28; day++) answers.set({ query: 'samverkan', filters: { to: `2090-02-${String(day).padStart(2, '0')}` } }, `answer ${day}`);
    for (let day = 1; day <= 28; day++) expect(answers.get({ query: 'samverkan', filters: { to: `2090-02-${String(day).padStart(2, '0')}` } })).toBeUndefined();
  });
});

describe('the kept matches', () => {
  it('searches anew until a search is asked again, then cuts further pages from what it kept', () => {
    const kept = new MatchCache<{ slots: number[] }>(10);
    let searches = 0;
    const find = () => {
      searches++;
      return { slots: [1, 2, 3] };
    };
    kept.get('våld', {}, find);
    kept.get('våld', {}, find);
    kept.get('våld', {}, find);
    kept.get('våld', { party: 'Vision' }, find);
    expect(searches).toBe(3);
  });
});

describe('the eviction rule of the caches', () => {
  it('drops the least recently used entries first, by count and by weight', () => {
    const byCount = new Lru<string>({ entries: 2 });
    byCount.set('a', 'A');
    byCount.set('b', 'B');
    byCount.get('a');
    byCount.set('c', 'C');
    expect([byCount.get('a'), byCount.get('b'), byCount.get('c')]).toEqual(['A', undefined, 'C']);

    const byWeight = new Lru<number[]>({ weight: 5, weightOf: (v) => v.length });
    byWeight.set('small', [1]);
    byWeight.set('big', [1, 2, 3, 4]);
    byWeight.set('more', [1, 2]);
    expect(byWeight.get('small')).toBeUndefined();
    expect(byWeight.get('big')).toBeUndefined();
    expect(byWeight.get('more')).toEqual([1, 2]);
    // An entry heavier than the limit is still kept (alone): it was just asked for.
    byWeight.set('huge', [1, 2, 3, 4, 5, 6]);
    expect(byWeight.get('huge')).toHaveLength(6);
  });
});
