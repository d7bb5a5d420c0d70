// The analytics API over real HTTP: trends and questions with filters, the CSV export a spreadsheet opens with
// å/ä/ö intact, and 400 answers to bad parameters.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { protocolOf, storeOf } from './hand-made.ts';

let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let dataDir: string;

beforeAll(async () => {
  store = await storeOf([
    {
      forvaltning: 'Hägersten-Älvsjö',
      date: '2024-01-16',
      sections: [
        {
          title: 'Arbetsmiljö',
          topics: ['hot och våld'],
          // The answered question comes first, so newest-first and open-first orders differ.
          questions: [
            { party: 'Kommunal', text: '=Kommunal frågar om sjukfrånvaron, korttidssjukfrånvaron och rehabiliteringen.', status: 'answered', answer: 'Arbetsgivaren svarar att sjukfrånvaron minskar.' },
            { party: 'Vision', text: 'Vision undrar hur många hot- och våldsincidenter som har anmälts; "ökar" de?', status: 'deferred', answer: 'Arbetsgivaren återkommer i frågan.' },
          ],
        },
      ],
    },
    {
      forvaltning: 'Skärholmen',
      date: '2024-05-14',
      synthetic: false,
      sections: [
        {
          title: 'Övriga frågor',
          topics: ['budget/ekonomi'],
          questions: [{ party: 'Saco', text: 'Saco undrar över budgeten för år 2025.', status: 'unanswered' }],
        },
      ],
    },
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'analytics-api-'));
  app = await createApp({ store, dataDir, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function json(path: string) {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() };
}

describe('analytics API', () => {
  it('lists topics with archive counts', async () => {
    const { status, body } = await json('/topics');
    expect(status).toBe(200);
    expect(body.topics.find((t: { id: string }) => t.id === 'hot och våld')).toMatchObject({ protocols: 1, sections: 1 });
  });

  it('answers trends as vega-lite ready rows, filtered by förvaltning', async () => {
    const { body } = await json(`/trends?topic=${encodeURIComponent('hot och våld')}&period=year&forvaltning=${encodeURIComponent('Hägersten-Älvsjö')}`);
    expect(body).toMatchObject({ topic: 'hot och våld', period: 'year', by: 'forvaltning' });
    expect(body.rows).toEqual([
      { topic: 'hot och våld', period: '2024', periodStart: '2024-01-01', group: 'Hägersten-Älvsjö', protocols: 1, sections: 1, totalProtocols: 1, share: 1 },
    ]);
    const matrix = await json('/trends/matrix?from=2024-05');
    expect(matrix.body.rows.filter((r: { protocols: number }) => r.protocols > 0)).toEqual([
      { topic: 'budget/ekonomi', forvaltning: 'Skärholmen', protocols: 1, sections: 1, totalProtocols: 1, share: 1 },
    ]);
  });

  it('answers a repeated trend request with 304 when the browser already has it', async () => {
    const url = `${base}/trends?topic=${encodeURIComponent('hot och våld')}&period=quarter`;
    const first = await fetch(url);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates (fetch() alone would add "Cache-Control: no-cache", which forbids a 304).
    const again = await fetch(url, { headers: { 'If-None-Match': etag!, 'Cache-Control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('filters questions by status, party, förvaltning, topic and words, with paging and stats', async () => {
    const open = await json('/questions?status=open');
    expect(open.body.total).toBe(2);
    expect(open.body.questions.map((q: { party: string }) => q.party).sort()).toEqual(['Saco', 'Vision']);
    const byWord = await json(`/questions?q=${encodeURIComponent('sjukfrånvaro')}`);
    expect(byWord.body.questions.map((q: { party: string }) => q.party)).toEqual(['Kommunal']);
    const filtered = await json(`/questions?party=Vision&forvaltning=${encodeURIComponent('Hägersten-Älvsjö')}&topic=${encodeURIComponent('hot och våld')}`);
    expect(filtered.body.total).toBe(1);
    expect(filtered.body.questions[0]).toMatchObject({ currentStatus: 'open', status: 'deferred', daysOpen: 0 });
    const paged = await json('/questions?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.questions).toHaveLength(1);
    expect(paged.body.stats.find((s: { party: string }) => s.party === 'Kommunal')).toMatchObject({ questions: 1, answeredSameMeeting: 1, open: 0 });
  });

  it('lists open questions first, newest first within each, when asked for the open-first order', async () => {
    const parties = (body: { questions: Array<{ party: string }> }) => body.questions.map((q) => q.party);
    expect(parties((await json('/questions')).body)).toEqual(['Saco', 'Kommunal', 'Vision']);
    const openFirst = await json('/questions?sort=open-first');
    expect(parties(openFirst.body)).toEqual(['Saco', 'Vision', 'Kommunal']);
    expect(openFirst.body.questions.map((q: { currentStatus: string }) => q.currentStatus)).toEqual(['open', 'open', 'answered']);
    const secondPage = await json('/questions?sort=open-first&pageSize=2&page=2');
    expect(parties(secondPage.body)).toEqual(['Kommunal']);
    const csv = await (await fetch(`${base}/questions.csv?sort=open-first`)).text();
    expect(csv.split('\r\n').slice(1, 4).map((line) => line.split(',')[6])).toEqual(['Saco', 'Vision', 'Kommunal']);
  });

  it('keeps questions from real or from generated protocols apart, and marks each', async () => {
    const real = await json('/questions?source=real');
    expect(real.body.questions.map((q: { party: string; synthetic: boolean }) => [q.party, q.synthetic])).toEqual([['Saco', false]]);
    const generated = await json('/questions?source=synthetic&sort=open-first');
    expect(generated.body.questions.map((q: { party: string; synthetic: boolean }) => [q.party, q.synthetic])).toEqual([
      ['Vision', true],
      ['Kommunal', true],
    ]);
    expect(generated.body.stats.map((s: { party: string }) => s.party).sort()).toEqual(['Kommunal', 'Vision']);
    const overTime = await json('/questions/over-time?period=quarter&source=real');
    expect(overTime.body.rows).toEqual([{ period: '2024-Q2', periodStart: '2024-04-01', status: 'open', count: 1 }]);
    const csv = await (await fetch(`${base}/questions.csv?source=synthetic`)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].endsWith(',källa,rättad av,status enligt tolkningen,rättelsens notering')).toBe(true);
    expect(lines.slice(1).every((line) => line.endsWith(',genererat protokoll,,,'))).toBe(true);
  });

  it('shows one question with its trail, and 404 for an unknown id', async () => {
    const list = await json('/questions?party=Saco');
    const id = list.body.questions[0].id;
    const one = await json(`/questions/${encodeURIComponent(id)}`);
    expect(one.body).toMatchObject({ id, party: 'Saco', currentStatus: 'open' });
    expect(one.body.trail).toHaveLength(1);
    expect((await json('/questions/nope-q1')).status).toBe(404);
  });

  it('counts questions per period by their status now', async () => {
    const { body } = await json('/questions/over-time?period=quarter');
    expect(body.rows).toEqual([
      { period: '2024-Q1', periodStart: '2024-01-01', status: 'answered', count: 1 },
      { period: '2024-Q1', periodStart: '2024-01-01', status: 'open', count: 1 },
      { period: '2024-Q2', periodStart: '2024-04-01', status: 'open', count: 1 },
    ]);
  });

  it('exports questions as UTF-8 CSV with a byte-order mark, quoted fields and defused formulas', async () => {
    const res = await fetch(`${base}/questions.csv?forvaltning=${encodeURIComponent('Hägersten-Älvsjö')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('fragor.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('förvaltning');
    expect(lines).toHaveLength(3);
    expect(text).toContain('"Vision undrar hur många hot- och våldsincidenter som har anmälts; ""ökar"" de?"');
    expect(text).toContain(`"'=Kommunal frågar om sjukfrånvaron, korttidssjukfrånvaron och rehabiliteringen."`);
    const semicolons = await (await fetch(`${base}/questions.csv?delimiter=semicolon&party=Saco`)).text();
    expect(semicolons.split('\r\n')[1]).toMatch(/^[^;]+;[^;]+;Skärholmen;2024-05-14;/);
  });

  it('shows a newly ingested protocol in the next answer', async () => {
    const before = await json(`/trends?topic=${encodeURIComponent('hot och våld')}&period=year`);
    const extra = protocolOf(
      { forvaltning: 'Skärholmen', date: '2024-06-11', sections: [{ title: 'Arbetsmiljö', topics: ['hot och våld'], says: [['Vision', 'Vision lyfter hotbilden.']] }] },
      'skarholmen-2024-06-11.pdf',
    );
    await store.saveProtocol({ path: extra.source.file, sha256: extra.source.sha256, size: 1, pages: 1 }, extra, 'test');
    const after = await json(`/trends?topic=${encodeURIComponent('hot och våld')}&period=year`);
    const skarholmen = (body: { rows: Array<{ group: string; protocols: number; totalProtocols: number }> }) =>
      body.rows.find((r) => r.group === 'Skärholmen');
    expect(skarholmen(before.body)).toMatchObject({ protocols: 0, totalProtocols: 1 });
    expect(skarholmen(after.body)).toMatchObject({ protocols: 1, totalProtocols: 2 });
  });

  it('answers 400 with the parameter named when parameters are bad', async () => {
    for (const path of ['/trends?period=week', '/trends?topic=ingen', '/trends/matrix?from=igår', '/emerging?period=decade', '/questions?status=maybe', '/questions?page=0', '/questions?pageSize=100000', '/questions.csv?delimiter=tab', '/questions?source=all', '/questions?sort=party', '/questions.csv?source=verklig', '/questions/over-time?source=1']) {
      const res = await json(path);
      expect(res.status, path).toBe(400);
      expect(typeof res.body.error, path).toBe('string');
    }
    const bad = await json('/questions?status=maybe');
    expect(bad.body.details[0].parameter).toBe('status');
  });
});
