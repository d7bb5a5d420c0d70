// Corrections over a real ingested protocol, through the HTTP API: a redaktör's status correction, an added
// question and a corrected förvaltning show at once in the protocol, the tracker, the CSV and search — and all of
// them survive re-ingesting the PDF under a newer parser version. A correction whose question a later parse no
// longer has is kept and listed for review.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/run/ingest.ts';
import { PARSER_VERSION } from '../../ingest/parse-identity.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, StoredProtocol } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import { digestOf, newApiToken } from '../../server/auth/secrets.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'reparse-'));
const pdf = join(work, 'skarholmen-fvg-2025-12.pdf');

let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let token: string;
let protocolId: string;

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function protocol(): Promise<StoredProtocol> {
  return (await (await api('GET', `/protocols/${protocolId}`)).json()) as StoredProtocol;
}

beforeAll(async () => {
  copyFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf'), pdf);
  store = openStore(join(work, 'archive.sqlite'));
  const report = await ingestFiles([{ path: pdf }], { store, jobs: 1 });
  expect(report.ingested).toBe(1);
  protocolId = (report.results[0] as { protocolId: string }).protocolId;
  const user = await store.accounts.addUser({ name: 'Rut Redaktör', role: 'redaktör', passwordHash: null });
  token = newApiToken();
  await store.accounts.addToken({ userId: user.id, tokenHash: digestOf(token) });
  app = await createApp({ store, dataDir: work, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(work, { recursive: true, force: true });
});

describe('corrections of a real protocol', () => {
  let corrected: string;
  let added: string;

  it('shows a corrected status, an added question and a corrected förvaltning at once, everywhere', async () => {
    const parsed = await protocol();
    const target = parsed.questions[0];
    expect(target.status).not.toBe('deferred');
    corrected = target.text;
    const patched = await api('PATCH', `/questions/${target.id}`, { status: 'deferred', note: 'Arbetsgivaren lovade återkomma' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: target.id, status: 'deferred', correction: { by: 'Rut Redaktör', originalStatus: target.status } });

    // A sentence of the protocol that the parser did not take for a question.
    const section = parsed.sections.find((s) => s.text.length > 60 && !parsed.questions.some((q) => q.section === s.number))!;
    added = section.text.split(/(?<=\.)\s+/)[0];
    const created = await api('POST', `/protocols/${protocolId}/questions`, { text: added, party: 'Vision', note: 'Missad fråga' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ text: added, party: 'Vision', section: section.number, status: 'unanswered' });

    expect((await api('PATCH', `/protocols/${protocolId}`, { forvaltning: 'Rättade förvaltningen', note: 'Fel i sidhuvudet' })).status).toBe(200);

    const now = await protocol();
    expect(now.meeting.forvaltning).toBe('Rättade förvaltningen');
    expect(now.questions.find((q) => q.text === corrected)?.status).toBe('deferred');
    expect(now.questions.find((q) => q.text === added)?.correction).toMatchObject({ by: 'Rut Redaktör', originalStatus: null });

    const tracked = await (await api('GET', '/questions?forvaltning=R%C3%A4ttade%20f%C3%B6rvaltningen&pageSize=100')).json();
    const row = tracked.questions.find((q: { text: string }) => q.text === corrected);
    expect(row).toMatchObject({ status: 'deferred', currentStatus: 'open', correction: { by: 'Rut Redaktör' } });
    expect(tracked.questions.some((q: { text: string }) => q.text === added)).toBe(true);

    const csv = await (await api('GET', '/questions.csv?forvaltning=R%C3%A4ttade%20f%C3%B6rvaltningen')).text();
    const line = csv.split('\r\n').find((l) => l.includes(corrected.slice(0, 30)))!;
    expect(line).toContain(',deferred,');
    expect(line).toContain(`,Rut Redaktör,${target.status},Arbetsgivaren lovade återkomma`);

    const found = await (await api('GET', '/search?q=protokoll&forvaltning=R%C3%A4ttade%20f%C3%B6rvaltningen')).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.hits.every((h: { protocolId: string }) => h.protocolId === protocolId)).toBe(true);
  });

  it('keeps every correction when the PDF is re-ingested under a newer parser version', async () => {
    const before = await store.findSource((await store.listSources())[0].sha256);
    const report = await ingestFiles([{ path: pdf }], { store, jobs: 1, parserVersion: `${PARSER_VERSION}.1-test` });
    expect(report.ingested).toBe(1);
    const after = await store.findSource(before!.sha256);
    expect(after?.parserVersion).toBe(`${PARSER_VERSION}.1-test`);
    expect(after?.ingestedAt).not.toBe(before?.ingestedAt);

    const now = await protocol();
    expect(now.meeting.forvaltning).toBe('Rättade förvaltningen');
    expect(now.questions.find((q) => q.text === corrected)).toMatchObject({ status: 'deferred', correction: { by: 'Rut Redaktör' } });
    expect(now.questions.some((q) => q.text === added)).toBe(true);
    expect(now.corrections?.orphans).toEqual([]);
    const history = await (await api('GET', `/protocols/${protocolId}/history`)).json();
    expect(history.history.map((e: { field: string }) => e.field).sort()).toEqual(['meeting.forvaltning', 'question.added', 'question.status']);
    expect((await (await api('GET', '/corrections/review')).json()).review).toEqual([]);
  });

  it('lists a correction for review when a later parse no longer has its question, and keeps it', async () => {
    const raw = (await store.getProtocol(protocolId))!;
    const source = (await store.listSources())[0];
    // The parse as a newer parser might give it: the parser's own values, without the corrected question.
    const withoutIt = {
      ...raw,
      meeting: { ...raw.meeting, forvaltning: 'Skärholmen' },
      questions: raw.questions.filter((q) => q.text !== corrected && !q.correction),
    };
    await store.saveProtocol({ path: source.path, sha256: source.sha256, size: source.size, pages: source.pages }, withoutIt, 'test-without');
    const review = (await (await api('GET', '/corrections/review')).json()).review;
    expect(review).toEqual([expect.objectContaining({ field: 'question.status', protocolId, author: 'Rut Redaktör', reason: 'record gone after re-parse' })]);
    const history = await (await api('GET', `/protocols/${protocolId}/history`)).json();
    expect(history.history).toHaveLength(3);
  });

  it('undoes a correction with a new history entry, bringing back the parser\'s value', async () => {
    const history = (await (await api('GET', `/protocols/${protocolId}/history`)).json()).history as Array<{ id: number; field: string }>;
    const forvaltning = history.find((e) => e.field === 'meeting.forvaltning')!;
    const undo = await api('POST', `/corrections/${forvaltning.id}/undo`, { note: 'Ångrar' });
    expect(undo.status).toBe(201);
    expect((await protocol()).meeting.forvaltning).toBe('Skärholmen');
    const after = (await (await api('GET', `/protocols/${protocolId}/history`)).json()).history;
    expect(after).toHaveLength(4);
    expect(after[0]).toMatchObject({ undoes: forvaltning.id, author: 'Rut Redaktör', note: 'Ångrar' });
    expect(after.find((e: { id: number }) => e.id === forvaltning.id)).toMatchObject({ undone: true });
    expect((await api('POST', `/corrections/${forvaltning.id}/undo`, {})).status).toBe(409);
  });
});
