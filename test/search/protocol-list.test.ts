// The protocol list of the Arkiv page over real HTTP, on an archive of 1,200 hand-made protocols: answered a page
// at a time, sorted and filtered on the server, so the browser never receives (or renders) the whole archive.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { protocolOf } from '../analytics/hand-made.ts';
import { storeWith } from '../analytics/archive-store.ts';

const FORVALTNINGAR = ['Älvsjö', 'Farsta', 'Skärholmen'];
let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let dataDir: string;

interface Listed {
  total: number;
  page: number;
  pageSize: number;
  protocols: Array<{ id: string; date: string; forvaltning: string; file: string; questions: number }>;
}

beforeAll(async () => {
  const protocols = Array.from({ length: 1200 }, (_, i) => {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
    const forvaltning = FORVALTNINGAR[i % 3];
    const questions = Array.from({ length: i % 4 }, (_, n) => ({ party: 'Vision' as const, text: `Vision frågar om punkt ${n}.`, status: 'answered' as const }));
    return protocolOf({ forvaltning, date: day, sections: [{ title: 'Övriga frågor', questions }] }, `${forvaltning}-${day}.pdf`);
  });
  store = await storeWith(protocols);
  dataDir = mkdtempSync(join(tmpdir(), 'protocol-list-'));
  app = await createApp({ store, dataDir, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function list(query: string): Promise<Listed> {
  const res = await fetch(`${base}/protocols?${query}`);
  expect(res.status, query).toBe(200);
  return res.json();
}

describe('the protocol list, a page at a time', () => {
  it('answers 100 of 1,200 protocols by default, newest first, and the next page continues where it stopped', async () => {
    const first = await list('');
    expect(first).toMatchObject({ total: 1200, page: 1, pageSize: 100 });
    expect(first.protocols).toHaveLength(100);
    const second = await list('page=2');
    expect(second.protocols[0].date < first.protocols[99].date).toBe(true);
    const last = await list('page=12');
    expect(last.protocols).toHaveLength(100);
    expect((await list('page=13')).protocols).toEqual([]);
  });

  it('sorts the whole archive on the server, not only the page shown', async () => {
    const oldest = await list('sort=date&order=asc&pageSize=1');
    expect(oldest.protocols[0].date).toBe('2015-01-01');
    const byForvaltning = await list('sort=forvaltning&order=desc&pageSize=500');
    // Swedish order puts Älvsjö last: descending, all 400 of its protocols come first.
    expect(byForvaltning.protocols.slice(0, 400).every((p) => p.forvaltning === 'Älvsjö')).toBe(true);
    const mostQuestions = await list('sort=questions&order=desc&pageSize=300');
    expect(mostQuestions.protocols.every((p) => p.questions === 3)).toBe(true);
  });

  it('filters before paging, and counts what the filters leave', async () => {
    const farsta2016 = await list(`forvaltning=Farsta&from=2016-01-01&to=2016-12-31&pageSize=50`);
    expect(farsta2016.total).toBeGreaterThan(30);
    expect(farsta2016.total).toBeLessThan(50);
    expect(farsta2016.protocols.every((p) => p.forvaltning === 'Farsta' && p.date.startsWith('2016'))).toBe(true);
    const byFile = await list(`file=${encodeURIComponent('skärholmen 2020-02')}`);
    expect(byFile.total).toBeGreaterThan(0);
    expect(byFile.protocols.every((p) => p.file.startsWith('Skärholmen-2020-02'))).toBe(true);
  });

  it('refuses pages of more than 500 and page numbers below 1', async () => {
    expect((await fetch(`${base}/protocols?pageSize=501`)).status).toBe(400);
    expect((await fetch(`${base}/protocols?page=0`)).status).toBe(400);
    expect((await fetch(`${base}/protocols?sort=size`)).status).toBe(400);
  });
});
