// Bevakningar over HTTP on a real archive server: a läsare saves a search, a real PDF is ingested, and the hit
// shows as new in GET /api/watches and as an entry of the watch's Atom feed (parsed by a strict XML parser); a
// watch whose words or förvaltning do not fit is not told; seen clears the count; another user's watch cannot be
// seen or deleted; anonymous and CSRF-less calls are refused; deleting the watch revokes the feed.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/run/ingest.ts';
import { signIn, startAuthServer, type AuthServer, type Signed } from '../auth/auth-server.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'watches-'));
let server: AuthServer;
let reader: Signed;

beforeAll(async () => {
  server = await startAuthServer({ refreshMs: 50 });
  reader = await signIn(server.base, 'läsare');
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

function call(path: string, method = 'GET', who: Signed | null = reader, body?: unknown, csrf = true) {
  return fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(who && csrf ? { 'x-csrf-token': who.csrfToken } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

interface Listed {
  newHits: number;
  watches: Array<{ id: number; newHits: number; title: string; hits: Array<{ protocolId: string; forvaltning: string | null }> }>;
}

/** The elements of an Atom document as [name, text] pairs; throws on anything that is not well-formed XML. */
function parseXml(xml: string): { root: string; entries: Array<Record<string, string>>; links: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const entries: Array<Record<string, string>> = [];
  const links: string[] = [];
  let root = '';
  let current: Record<string, string> | null = null;
  let text = '';
  parser.on('opentag', (tag) => {
    if (!root) root = `${tag.uri} ${tag.local}`;
    if (tag.local === 'entry') current = {};
    if (tag.local === 'link' && current) links.push(String(tag.attributes.href && (tag.attributes.href as { value: string }).value));
    text = '';
  });
  parser.on('text', (t) => (text += t));
  parser.on('closetag', (tag) => {
    if (tag.local === 'entry') {
      entries.push(current!);
      current = null;
    } else if (current) current[tag.local] = text;
  });
  parser.write(xml).close();
  return { root, entries, links };
}

describe('watches', () => {
  let feedUrl = '';
  let watchId = 0;

  it('refuses anonymous callers and calls without the CSRF token', async () => {
    expect((await call('/api/watches', 'GET', null)).status).toBe(401);
    expect((await call('/api/watches', 'POST', null, { query: 'arbetstid' })).status).toBe(401);
    expect((await call('/api/watches', 'POST', reader, { query: 'arbetstid' }, false)).status).toBe(403);
  });

  it('saves a search with its filters and answers with a feed URL shown once', async () => {
    const created = await call('/api/watches', 'POST', reader, { query: 'förkortad arbetstid', filters: {} });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { watch: { id: number; query: string; newHits: number }; feedUrl: string };
    expect(body.watch).toMatchObject({ query: 'förkortad arbetstid', newHits: 0 });
    expect(body.feedUrl).toMatch(new RegExp(`^${server.base}/api/feeds/[A-Za-z0-9_-]{40,}\\.atom$`));
    feedUrl = body.feedUrl;
    watchId = body.watch.id;
    // Watches that must stay silent: words nowhere in the protocol, and the right words in another förvaltning.
    expect((await call('/api/watches', 'POST', reader, { query: 'xylofonorkester' })).status).toBe(201);
    expect((await call('/api/watches', 'POST', reader, { query: 'förkortad arbetstid', filters: { forvaltning: 'Hägersten-Älvsjö' } })).status).toBe(201);
    expect((await call('/api/watches', 'POST', reader, { query: 'x', filters: { nonsense: 'y' } })).status).toBe(400);
    expect(await (await fetch(feedUrl)).text()).not.toContain('<entry>');
  });

  it('tells the watch, and only it, about a newly ingested protocol that matches', async () => {
    const pdf = join(dir, 'skarholmen-fvg-2025-12.pdf');
    copyFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf'), pdf);
    const report = await ingestFiles([{ path: pdf }], { store: server.store, jobs: 1 });
    expect(report.ingested).toBe(1);
    const protocolId = (await server.store.listProtocols()).find((p) => p.file.endsWith('skarholmen-fvg-2025-12.pdf'))!.id;

    let listed: Listed = { newHits: 0, watches: [] };
    for (let tries = 0; tries < 200 && listed.newHits === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      listed = (await (await call('/api/watches')).json()) as Listed;
    }
    expect(listed.newHits).toBe(1);
    const [matched, silent, elsewhere] = listed.watches;
    expect(matched).toMatchObject({ id: watchId, newHits: 1 });
    expect(matched.hits.map((h) => h.protocolId)).toEqual([protocolId]);
    expect(silent.newHits).toBe(0);
    expect(elsewhere.newHits).toBe(0);

    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const atom = parseXml(await feed.text());
    expect(atom.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(atom.entries).toHaveLength(1);
    expect(atom.entries[0].id).toContain(protocolId);
    expect(atom.entries[0].title).toContain('2025');
    expect(atom.links).toContain(`${server.base}/protokoll/${protocolId}`);
  });

  it('clears the count once seen, and records the same protocol only once', async () => {
    expect((await call(`/api/watches/${watchId}/seen`, 'POST')).status).toBe(204);
    await server.store.watches.recordHits([{ watchId, protocolId: (await server.store.listProtocols())[0].id }], new Date().toISOString());
    const again = (await server.store.listProtocols()).find((p) => p.file.endsWith('skarholmen-fvg-2025-12.pdf'))!.id;
    expect(await server.store.watches.recordHits([{ watchId, protocolId: again }], new Date().toISOString())).toBe(0);
    const listed = (await (await call('/api/watches')).json()) as Listed;
    expect(listed.watches[0].newHits).toBe(1);
  });

  it('keeps another user from seeing, marking or deleting the watch', async () => {
    const editor = await signIn(server.base, 'redaktör');
    expect(((await (await call('/api/watches', 'GET', editor)).json()) as Listed).watches).toEqual([]);
    expect((await call(`/api/watches/${watchId}/seen`, 'POST', editor)).status).toBe(404);
    expect((await call(`/api/watches/${watchId}`, 'DELETE', editor)).status).toBe(404);
    expect((await fetch(feedUrl)).status).toBe(200);
  });

  it('revokes the feed when the watch is deleted, and an unknown feed says nothing more than 404', async () => {
    expect((await call(`/api/watches/${watchId}`, 'DELETE')).status).toBe(204);
    const gone = await fetch(feedUrl);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: 'not found' });
    expect((await fetch(`${server.base}/api/feeds/inte-en-riktig-nyckel-alls.atom`)).status).toBe(404);
  });
});
