// Uploading a scanned protocol to a server-mode node (PostgreSQL, the upload an ingest job in the database): the
// node answers at once that it is being read by OCR (202) instead of waiting for OCR, and the protocol appears when
// the job is done — marked as OCR'd, and served from the database as the OCR'd copy. Real PostgreSQL (a throwaway
// cluster) and real OCR; uses the mixed fixture (two scanned pages) to keep OCR short. A second node on the same
// database, which a load balancer may send the browser's next question to, answers for the upload from its job.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../ingest/extract/document.ts';
import { queuedUploads, type UploadIngest } from '../../ingest/jobs/ingest-job.ts';
import { JobQueue } from '../../ingest/jobs/queue.ts';
import { queuedUploadState } from '../../ingest/jobs/upload-status.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { startParsePool, type ParsePool } from '../../ingest/run/parse-pool.ts';
import { openPostgresStore, type PostgresStore } from '../../ingest/store/postgres.ts';
import { createApp, type App } from '../../server/app.ts';
import { pgUnavailable, startCluster, type Cluster } from '../pg-cluster.ts';

const MIXED = join(import.meta.dirname, '..', 'fixtures', 'scanned', 'hagersten-alvsjo-fvg-2024-03-12-mixed.pdf');
const TOKEN = 'rätt-token-för-test';

describe.skipIf(pgUnavailable)('uploading a scanned protocol to a server-mode node', () => {
  const work = mkdtempSync(join(tmpdir(), 'scanned-upload-pg-'));
  let cluster: Cluster;
  let store: PostgresStore;
  let pool: ParsePool | undefined;
  let uploads: UploadIngest;
  let app: App;
  let server: Server;
  let base: string;
  let otherStore: PostgresStore;
  let other: App;
  let otherServer: Server;
  let otherBase: string;
  const listen = (app: App) =>
    new Promise<{ server: Server; base: string }>((resolve) => {
      const s = app.app.listen(0, '127.0.0.1', () => resolve({ server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }));
    });

  beforeAll(async () => {
    cluster = await startCluster();
    const url = await cluster.createDatabase('scanned_upload');
    store = await openPostgresStore(url);
    uploads = queuedUploads(store, new JobQueue(store.pool), () => (pool ??= startParsePool({ size: 1 })));
    app = await createApp({ store, dataDir: work, adminToken: TOKEN, log: false, ingestUpload: uploads.ingest, refreshMs: 200 });
    ({ server, base } = await listen(app));
    otherStore = await openPostgresStore(url);
    const jobs = new JobQueue(otherStore.pool);
    other = await createApp({ store: otherStore, dataDir: join(work, 'b'), log: false, uploadState: (id) => queuedUploadState(jobs, id), refreshMs: 200 });
    ({ server: otherServer, base: otherBase } = await listen(other));
  });
  afterAll(async () => {
    await new Promise((resolve) => otherServer?.close(resolve));
    await other?.close();
    await otherStore?.close();
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    await uploads?.close();
    await pool?.close();
    await store?.close();
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  const getJson = async (path: string) => (await fetch(`${base}${path}`)).json();

  it('answers at once that it is being read by OCR, then the protocol appears marked and served as its OCR\'d copy', async () => {
    const id = sha256(readFileSync(MIXED)).slice(0, 16);
    const response = await fetch(`${base}/api/upload?name=inskannat.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
      body: readFileSync(MIXED),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ id, status: 'ocr', message: 'being read (OCR)', pages: 2, statusUrl: `/api/uploads/${id}` });
    expect((await getJson('/api/sources')).reading).toEqual([expect.objectContaining({ id, name: 'inskannat.pdf', status: 'ocr', pages: 2 })]);

    expect(await (await fetch(`${otherBase}/api/uploads/${id}`)).json()).toEqual({
      id, name: 'inskannat.pdf', status: 'ocr', pages: 2, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    let state = await getJson(`/api/uploads/${id}`);
    for (let waited = 0; state.status === 'ocr' && waited < 600; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      state = await getJson(`/api/uploads/${id}`);
    }
    expect(state).toEqual({ id, name: 'inskannat.pdf', status: 'ingested', protocolId: id, ocr: true });
    expect(await (await fetch(`${otherBase}/api/uploads/${id}`)).json()).toEqual(state);
    // An id no upload has: the same 404 on either node.
    expect((await fetch(`${otherBase}/api/uploads/${'0'.repeat(16)}`)).status).toBe(404);
    const protocol = await getJson(`/api/protocols/${id}`);
    expect(protocol).toMatchObject({ ocr: true, meeting: { forvaltning: 'Hägersten-Älvsjö', date: '2024-03-12' } });

    // The PDF the node serves (from the database) is the OCR'd copy: its scanned pages now carry text.
    const pdf = new Uint8Array(await (await fetch(`${base}/api/protocols/${id}/pdf`)).arrayBuffer());
    const extracted = await extractDocument(pdf);
    expect(extracted.ok && extracted.scannedPages).toEqual([]);
    expect(extracted.ok && extracted.document.pages[4].lines.length).toBeGreaterThan(5);
  }, 900_000);

  it('still answers an upload with a text layer when it is stored, as before', async () => {
    const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'hagersten-alvsjo-fvg-2025-01-14.pdf');
    const response = await fetch(`${base}/api/upload?name=text.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
      body: readFileSync(corpus),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ protocolId: sha256(readFileSync(corpus)).slice(0, 16), status: 'ingested' });
  }, 120_000);
});
