// Uploading a protocol over real HTTP to the express app: only with the admin token, a good PDF becomes a protocol
// listed in /api/sources, a bad one is refused with its reason, and the file is kept under a name of its own bytes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../ingest/parse-identity.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const TOKEN = 'rätt-token-för-test';
const work = mkdtempSync(join(tmpdir(), 'upload-api-'));

interface Running {
  base: string;
  app: App;
  server: Server;
  store: ArchiveStore;
}

async function start(name: string, adminToken?: string): Promise<Running> {
  const store = openStore(join(work, `${name}.sqlite`));
  const app = await createApp({ store, dataDir: join(work, name), adminToken, log: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, app, server, store };
}

async function stop(running: Running): Promise<void> {
  await new Promise((resolve) => running.server.close(resolve));
  await running.app.close();
  await running.store.close();
}

function upload(base: string, file: string, name: string, token?: string): Promise<Response> {
  return fetch(`${base}/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: readFileSync(join(CORPUS, file)),
  });
}

describe('uploading protocols', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start('with-token', TOKEN);
  });
  afterAll(async () => {
    await stop(running);
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses an upload without the right token', async () => {
    const wrong = await upload(running.base, 'skarholmen-fvg-2025-12.pdf', 'a.pdf', 'fel-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid or revoked token' });
    const anonymous = await upload(running.base, 'skarholmen-fvg-2025-12.pdf', 'a.pdf');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: 'sign in required' });
    expect((await (await fetch(`${running.base}/api/sources`)).json()).sources).toEqual([]);
  });

  it('stores a good PDF as a protocol that then shows in the ingest report and status', async () => {
    const before = await (await fetch(`${running.base}/api/status`)).json();
    const response = await upload(running.base, 'skarholmen-fvg-2025-12.pdf', '../../etc/Skärholmen december.pdf', TOKEN);
    expect(response.status).toBe(201);
    const body = await response.json();
    const hash = sha256(readFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf')));
    expect(body).toEqual({ protocolId: hash.slice(0, 16), status: 'ingested' });

    const { sources, summary } = await (await fetch(`${running.base}/api/sources`)).json();
    expect(sources).toEqual([
      expect.objectContaining({ path: 'Skärholmen december.pdf', status: 'ok', protocolId: body.protocolId, pages: 5, error: null }),
    ]);
    expect(summary).toEqual({ ok: 1, failed: 0 });
    expect(readdirSync(join(work, 'with-token', 'uploads'))).toEqual([`${hash}.pdf`]);
    expect(await running.store.pdfPath(body.protocolId)).toBe(join(work, 'with-token', 'uploads', `${hash}.pdf`));

    const after = await (await fetch(`${running.base}/api/status`)).json();
    expect(after).toMatchObject({ protocols: before.protocols + 1, uploadsEnabled: true });
    expect(after.revision).toBeGreaterThan(before.revision);

    const again = await upload(running.base, 'skarholmen-fvg-2025-12.pdf', 'igen.pdf', TOKEN);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ protocolId: body.protocolId, status: 'unchanged' });
  });

  it('refuses a bad PDF with the specific reason and records it', async () => {
    const response = await upload(running.base, 'bad/encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf', 'låst.pdf', TOKEN);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'encrypted: the PDF needs a password to open' });
    const { sources } = await (await fetch(`${running.base}/api/sources`)).json();
    expect(sources).toContainEqual(expect.objectContaining({ path: 'låst.pdf', status: 'failed', errorKind: 'encrypted' }));
  });

  it('refuses a name that is not a file name and a body that is not a PDF upload', async () => {
    const badName = await upload(running.base, 'skarholmen-fvg-2025-12.pdf', 'protokoll\n.pdf', TOKEN);
    expect(badName.status).toBe(400);
    expect((await badName.json()).error).toBe('invalid upload name');
    const json = await fetch(`${running.base}/api/upload?name=a.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  it('without ADMIN_TOKEN, no bearer token and no anonymous request can upload, and uploads are off until a redaktör exists', async () => {
    const off = await start('without-token');
    const response = await upload(off.base, 'skarholmen-fvg-2025-12.pdf', 'a.pdf', 'vad-som-helst');
    expect(response.status).toBe(401);
    expect((await upload(off.base, 'skarholmen-fvg-2025-12.pdf', 'a.pdf')).status).toBe(401);
    expect((await (await fetch(`${off.base}/api/status`)).json()).uploadsEnabled).toBe(false);
    await off.store.accounts.addUser({ name: 'rut', role: 'redaktör', passwordHash: null });
    expect((await (await fetch(`${off.base}/api/status`)).json()).uploadsEnabled).toBe(true);
    expect(existsSync(join(work, 'without-token', 'uploads'))).toBe(false);
    await stop(off);
  });
});
