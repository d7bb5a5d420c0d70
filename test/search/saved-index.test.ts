// The search service across restarts and ingests: a restarted service answers from the index it saved, exactly as
// the service that built it, and a search asked again after an ingest sees the new protocol (no stale answer).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { MiniSearchEngine } from '../../server/search/minisearch-engine.ts';
import { SearchService } from '../../server/search/service.ts';
import type { SearchRequest, SearchResponse } from '../../server/search/engine.ts';
import { handMadeProtocols, sectionRecord } from './hand-made-records.ts';

const REQUESTS: SearchRequest[] = [
  { query: 'sjukfrånvaro' },
  { query: 'arbetsmiljö', filters: { party: 'Vision' } },
  { query: 'skyddsrond', sort: 'date' },
  { query: '', filters: { forvaltning: 'Skärholmen' } },
  { query: 'friskvårdsbidrag' },
  // Phrases are checked in the saved texts' bytes after a restart, in the texts themselves before it.
  { query: '"hot och våld"' },
  { query: '"våld och hot"' },
];

let dir = '';
let store: ArchiveStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saved-index-'));
  store = openStore(join(dir, 'archive.sqlite'));
  for (const { sha256, protocol } of handMadeProtocols()) {
    await store.saveProtocol({ path: join(dir, 'missing.pdf'), sha256, size: 1000, pages: 6 }, protocol, 'test');
  }
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** The real engine, as slow to load as a 10,000-protocol index is (seconds there; here longer than the poll interval). */
class SlowLoadingEngine extends MiniSearchEngine {
  override async load(indexDir: string): Promise<boolean> {
    const loading = super.load(indexDir);
    await new Promise((ok) => setTimeout(ok, 30));
    return loading;
  }
}

async function started(pollMs = 0, engine = new MiniSearchEngine()): Promise<SearchService> {
  const service = new SearchService({ store, engine, indexDir: join(dir, 'index'), pollMs });
  await service.start();
  return service;
}

describe('saved search index', () => {
  it('answers after a restart exactly as before it', async () => {
    const built = await started();
    const before = REQUESTS.map((r) => built.engine.search(r));
    expect(before[0].total).toBeGreaterThan(0);
    expect(before.find((_, i) => REQUESTS[i].query === '"hot och våld"')?.total).toBeGreaterThan(0);
    await built.close();
    const loaded = await started();
    expect(REQUESTS.map((r) => loaded.engine.search(r))).toEqual(before);
    expect(loaded.engine.facets()).toEqual(built.engine.facets());
    expect(loaded.engine.suggest('arbets')).toEqual(built.engine.suggest('arbets'));
    await loaded.close();
  });

  it('loads intact while polling the store faster than the index loads', async () => {
    const built = await started();
    const before = REQUESTS.map((r) => built.engine.search(r));
    await built.close();
    const loaded = await started(5, new SlowLoadingEngine());
    await new Promise((ok) => setTimeout(ok, 20));
    expect(REQUESTS.map((r) => loaded.engine.search(r))).toEqual(before);
    await loaded.close();
  });

  it('answers a repeated search with the protocol ingested since it was first asked', async () => {
    const service = await started();
    const search = (query: string) => JSON.parse(service.search({ query }, JSON.stringify)) as SearchResponse;
    expect(search('friskvårdsbidrag').total).toBe(0);
    const [{ protocol }] = handMadeProtocols([
      sectionRecord({
        protocolId: 'dddd000000000001', forvaltning: 'Skärholmen', date: '2026-02-10', number: '3', title: 'Friskvård',
        utterances: [['Vision', 'Vision frågar om friskvårdsbidraget höjs i år.']],
      }),
    ]);
    await store.saveProtocol({ path: join(dir, 'missing.pdf'), sha256: 'dddd000000000001'.padEnd(64, '1'), size: 1, pages: 1 }, protocol, 'test');
    await service.refresh();
    expect(search('friskvårdsbidrag').hits.map((h) => h.protocolId)).toEqual(['dddd000000000001']);
    await service.close();
  });
});
