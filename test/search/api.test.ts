// The search and protocol API over real HTTP, against a real SQLite archive holding hand-made protocols.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { handMadeProtocols, sectionRecord, withGeneratedSkarholmen } from './hand-made-records.ts';

const PDF = resolve(import.meta.dirname, '../fixtures/corpus/skarholmen-fvg-2025-12.pdf');

let dir = '';
let store: ArchiveStore;
let app: App;
let server: Server;
let base = '';

async function get(path: string): Promise<{ status: number; body: any; type: string }> {
  const res = await fetch(base + path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.arrayBuffer() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-api-'));
  store = openStore(join(dir, 'archive.sqlite'));
  // Skärholmen's protocol is a generated one, as most of the demo archive is.
  for (const { sha256, protocol } of handMadeProtocols(withGeneratedSkarholmen())) {
    const path = protocol.meeting.forvaltning === 'Skärholmen' ? PDF : join(dir, 'missing.pdf');
    await store.saveProtocol({ path, sha256, size: 1000, pages: 6 }, protocol, 'test');
  }
  app = await createApp({ store, dataDir: dir, log: false });
  server = app.app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server?.close();
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/search', () => {
  it('finds sections with snippet ranges, page, party, facets and a link', async () => {
    const { status, body } = await get('/search?q=sjukfr%C3%A5nvaro');
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.relaxed).toBe(false);
    const hit = body.hits.find((h: any) => h.section.number === '16');
    expect(hit).toMatchObject({ id: 'aaaa000000000001#16', forvaltning: 'Hägersten-Älvsjö', party: 'Arbetsgivaren', page: 5 });
    const [s, e] = hit.snippet.highlights[0];
    expect(hit.snippet.text.slice(s, e)).toBe('Korttidssjukfrånvaron');
    expect(hit.link).toBe('/protokoll/aaaa000000000001?avsnitt=16&sida=5&q=sjukfr%C3%A5nvaro');
    expect(body.facets.forvaltning).toEqual([
      { value: 'Hägersten-Älvsjö', count: 1 },
      { value: 'Skärholmen', count: 1 },
    ]);
  });

  it('returns <script> from a document as plain text with ranges, never as markup', async () => {
    const { body, type } = await get('/search?q=skyddsrond');
    expect(type).toContain('application/json');
    const snippet = body.hits[0].snippet;
    expect(snippet.text).toContain('<script>alert(1)</script>');
    expect(snippet.highlights.every(([s, e]: [number, number]) => !snippet.text.slice(s, e).includes('<'))).toBe(true);
    expect(JSON.stringify(body)).not.toContain('<mark');
  });

  it('applies filters and pages', async () => {
    const party = await get('/search?q=v%C3%A5ld&party=Kommunal');
    expect(party.body.hits.map((h: any) => h.id)).toEqual(['aaaa000000000002#12']);
    const skh = await get('/search?q=arbetsgivaren&forvaltning=Sk%C3%A4rholmen&from=2025-01-01&to=2025-12-31');
    expect(skh.body.hits.every((h: any) => h.forvaltning === 'Skärholmen')).toBe(true);
    expect(skh.body.total).toBeGreaterThan(0);
    const all = await get('/search?q=arbetsgivaren&pageSize=2');
    const page2 = await get('/search?q=arbetsgivaren&pageSize=2&page=2');
    expect(page2.body.page).toBe(2);
    expect(page2.body.total).toBe(all.body.total);
    expect(page2.body.hits.map((h: any) => h.id)).not.toContain(all.body.hits[0].id);
  });

  it('shows only real protocols, or only generated ones, with the count of each for the query', async () => {
    const all = await get('/search?q=sjukfr%C3%A5nvaro');
    expect(all.body.facets.source).toEqual([
      { value: 'real', count: 1 },
      { value: 'synthetic', count: 1 },
    ]);
    const real = await get('/search?q=sjukfr%C3%A5nvaro&source=real');
    expect(real.body.hits.map((h: any) => [h.id, h.synthetic])).toEqual([['aaaa000000000001#16', false]]);
    // The source not chosen keeps its count, so a reader sees what the other choice holds.
    expect(real.body.facets.source).toEqual(all.body.facets.source);
    const generated = await get('/search?q=sjukfr%C3%A5nvaro&source=synthetic');
    expect(generated.body.hits.map((h: any) => [h.id, h.synthetic])).toEqual([['aaaa000000000003#5.1.1', true]]);
  });

  it.each([
    ['source=all', 'source'],
    ['from=2024-13-01', 'from'],
    ['to=igår', 'to'],
    ['sort=popular', 'sort'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['status=maybe', 'status'],
    ['q=a&q=b', 'q'],
    ['from=2025-01-01&to=2024-01-01', 'from'],
  ])('rejects %s with 400 naming the parameter', async (query, param) => {
    const { status, body } = await get(`/search?${query}`);
    expect(status).toBe(400);
    expect(body.error).toContain(param);
  });
});

describe('GET /api/facets and /api/suggest', () => {
  it('counts over the whole archive', async () => {
    const { body } = await get('/facets');
    expect(body.forvaltning).toEqual([
      { value: 'Hägersten-Älvsjö', count: 3 },
      { value: 'Skärholmen', count: 2 },
    ]);
    expect(body.party.map((p: any) => p.value)).toContain('Kommunal');
    expect(body.source).toEqual([
      { value: 'real', count: 3 },
      { value: 'synthetic', count: 2 },
    ]);
  });

  it("counts only real protocols' sections when asked, and rejects an unknown source", async () => {
    const { body } = await get('/facets?source=real');
    expect(body.forvaltning).toEqual([{ value: 'Hägersten-Älvsjö', count: 3 }]);
    expect(body.source).toEqual([
      { value: 'real', count: 3 },
      { value: 'synthetic', count: 2 },
    ]);
    const bad = await get('/facets?source=fake');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('source');
  });

  it('completes archive words', async () => {
    const { body } = await get('/suggest?q=sjuk');
    expect(body.suggestions).toContain('sjukfrånvaron');
  });
});

describe('GET /api/protocols', () => {
  it('lists, filters and sorts protocols', async () => {
    const { body } = await get('/protocols?sort=date&order=asc');
    expect(body.protocols.map((p: any) => p.date)).toEqual(['2024-01-13', '2024-03-12', '2025-12']);
    const skh = await get('/protocols?forvaltning=Sk%C3%A4rholmen');
    expect(skh.body.protocols.map((p: any) => p.id)).toEqual(['aaaa000000000003']);
  });

  it('lists only real protocols, or only generated ones, when asked', async () => {
    const real = await get('/protocols?source=real&sort=date&order=asc');
    expect(real.body.protocols.map((p: any) => [p.id, p.synthetic])).toEqual([
      ['aaaa000000000001', false],
      ['aaaa000000000002', false],
    ]);
    const generated = await get('/protocols?source=synthetic');
    expect(generated.body.protocols.map((p: any) => p.id)).toEqual(['aaaa000000000003']);
    expect((await get('/protocols?source=both')).status).toBe(400);
  });

  it('returns one protocol with sections, utterances and question ids', async () => {
    const { status, body } = await get('/protocols/aaaa000000000003');
    expect(status).toBe(200);
    expect(body.sections.map((s: any) => s.number)).toEqual(['5.1.1', '6']);
    expect(body.questions[0].id).toBe('aaaa000000000003-q1');
  });

  it('serves the stored PDF by id and refuses ids that are not ids', async () => {
    const pdf = await get('/protocols/aaaa000000000003/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('/protocols/aaaa000000000001/pdf')).status).toBe(404);
    expect((await get('/protocols/ffff000000000000')).status).toBe(404);
    expect((await get('/protocols/..%2F..%2Fetc%2Fpasswd/pdf')).status).toBe(400);
  });
});

describe('freshness', () => {
  it('finds a protocol ingested after start without a restart', async () => {
    const [{ protocol }] = handMadeProtocols([
      sectionRecord({
        protocolId: 'cccc000000000001', forvaltning: 'Skärholmen', date: '2026-01-15', number: '2', title: 'Friskvård',
        utterances: [['Vision', 'Vision frågar om friskvårdsbidraget höjs i år.']],
      }),
    ]);
    await store.saveProtocol({ path: PDF, sha256: 'cccc000000000001'.padEnd(64, '1'), size: 1, pages: 1 }, protocol, 'test');
    await new Promise((ok) => setTimeout(ok, 3500));
    const { body } = await get('/search?q=friskv%C3%A5rdsbidrag');
    expect(body.hits.map((h: any) => h.protocolId)).toEqual(['cccc000000000001']);
  });
});
