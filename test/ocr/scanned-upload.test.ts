// Uploading a scanned protocol over real HTTP: the server answers at once that it is being read by OCR (202), lists
// it as being read, and the protocol appears when real OCR is done — marked as OCR'd in the API, and served as the
// OCR'd copy, whose text the protocol view searches and marks. Uses the mixed fixture (two scanned pages) to keep OCR short.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../ingest/extract/document.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';

const MIXED = join(import.meta.dirname, '..', 'fixtures', 'scanned', 'hagersten-alvsjo-fvg-2024-03-12-mixed.pdf');
const TOKEN = 'rätt-token-för-test';
const work = mkdtempSync(join(tmpdir(), 'scanned-upload-'));
let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;

beforeAll(async () => {
  store = openStore(join(work, 'archive.sqlite'));
  app = await createApp({ store, dataDir: work, adminToken: TOKEN, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(work, { recursive: true, force: true });
});

const getJson = async (path: string) => (await fetch(`${base}${path}`)).json();

describe('uploading a scanned protocol', () => {
  it('says so when asked after an upload it does not have', async () => {
    const response = await fetch(`${base}/api/uploads/0123456789abcdef`);
    expect(response.status).toBe(404);
  });

  it('answers at once that it is being read by OCR, then the protocol appears marked as OCR\'d', async () => {
    const id = sha256(readFileSync(MIXED)).slice(0, 16);
    const response = await fetch(`${base}/api/upload?name=inskannat.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
      body: readFileSync(MIXED),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ id, status: 'ocr', message: 'being read (OCR)', pages: 2, statusUrl: `/api/uploads/${id}` });
    expect((await getJson('/api/sources')).reading).toEqual([expect.objectContaining({ id, name: 'inskannat.pdf', status: 'ocr', pages: 2 })]);
    expect((await getJson('/api/protocols')).protocols).toEqual([]);

    let state = await getJson(`/api/uploads/${id}`);
    for (let waited = 0; state.status === 'ocr' && waited < 600; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      state = await getJson(`/api/uploads/${id}`);
    }
    expect(state).toEqual({ id, name: 'inskannat.pdf', status: 'ingested', protocolId: id, ocr: true });
    expect((await getJson('/api/sources')).reading).toEqual([]);
    expect((await getJson('/api/protocols')).protocols).toEqual([expect.objectContaining({ id, ocr: true, file: 'inskannat.pdf' })]);
    const protocol = await getJson(`/api/protocols/${id}`);
    expect(protocol).toMatchObject({ ocr: true, meeting: { forvaltning: 'Hägersten-Älvsjö', date: '2024-03-12' } });

    // The PDF served is the OCR'd copy: its scanned pages now carry text the viewer can find and mark.
    const pdf = new Uint8Array(await (await fetch(`${base}/api/protocols/${id}/pdf`)).arrayBuffer());
    const extracted = await extractDocument(pdf);
    expect(extracted.ok && extracted.scannedPages).toEqual([]);
    expect(extracted.ok && extracted.document.pages[4].lines.length).toBeGreaterThan(5);
  }, 900_000);
});
