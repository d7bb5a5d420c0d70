// Signing in and out over HTTP: the cookie's attributes, a new session id at every sign-in, the same answer for
// an unknown user as for a wrong password, rate limits per user and address, READ_ACCESS=login, and a request
// log that never shows a bearer token or a session cookie.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/auth/identity.ts';
import { ADMIN_TOKEN, PASSWORD, signIn, startAuthServer, type AuthServer } from './auth-server.ts';

describe('signing in', () => {
  let server: AuthServer;
  beforeAll(async () => {
    server = await startAuthServer();
  });
  afterAll(() => server.stop());

  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in with a CSRF token', async () => {
    const signed = await signIn(server.base, 'redaktör');
    expect(signed.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(signed.setCookie).toMatch(/; HttpOnly/);
    expect(signed.setCookie).toMatch(/; SameSite=Lax/);
    expect(signed.setCookie).not.toMatch(/; Secure/);
    const me = await fetch(`${server.base}/api/session`, { headers: { cookie: signed.cookie } });
    expect(await me.json()).toEqual({ user: 'redaktör', role: 'redaktör', csrfToken: signed.csrfToken });
    expect((await fetch(`${server.base}/api/session`)).status).toBe(401);
  });

  it('gives a new session id at every sign-in and ends the one the browser had (no fixation)', async () => {
    const first = await signIn(server.base, 'läsare');
    const second = await signIn(server.base, 'läsare', PASSWORD, { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await fetch(`${server.base}/api/session`, { headers: { cookie: first.cookie } })).status).toBe(401);
    expect((await fetch(`${server.base}/api/session`, { headers: { cookie: second.cookie } })).status).toBe(200);
  });

  it('signs out: the session ends in the database and the cookie is cleared', async () => {
    const signed = await signIn(server.base, 'admin');
    const out = await fetch(`${server.base}/api/session`, { method: 'DELETE', headers: { cookie: signed.cookie, 'x-csrf-token': signed.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await fetch(`${server.base}/api/session`, { headers: { cookie: signed.cookie } })).status).toBe(401);
  });

  it('answers an unknown user exactly as a wrong password, in a similar time', async () => {
    const attempt = async (username: string) => {
      const started = performance.now();
      const response = await fetch(`${server.base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': username },
        body: JSON.stringify({ username, password: 'fel lösenord' }),
      });
      return { status: response.status, body: await response.json(), ms: performance.now() - started };
    };
    const wrong = await attempt('admin');
    const unknown = await attempt('ingen-sådan');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ error: 'wrong user name or password' });
    // Both run one scrypt derivation; without the decoy, the unknown user would answer in about a millisecond.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
  });

  it('stops guessing one user\'s password after 5 failures, without locking out other users', async () => {
    const guess = (username: string, password: string) =>
      fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    for (let i = 0; i < 5; i++) expect((await guess('läsare', `gissning ${i}`)).status).toBe(401);
    const blocked = await guess('läsare', PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error).toMatch(/too many sign-in attempts/);
    expect((await guess('redaktör', PASSWORD)).status).toBe(200);
  });
});

describe('per-address sign-in limit and TLS behind a proxy', () => {
  let server: AuthServer;
  beforeAll(async () => {
    server = await startAuthServer({ trustProxy: true });
  });
  afterAll(() => server.stop());

  it('marks the cookie Secure when the proxy says the request came over TLS', async () => {
    const signed = await signIn(server.base, 'läsare', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(signed.setCookie).toMatch(/; Secure/);
  });

  it('stops one address after 20 failures over many user names', async () => {
    const from = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${server.base}/api/session`, { method: 'POST', headers: from, body: JSON.stringify({ username: `namn${i}`, password: 'x' }) });
      expect(response.status).toBe(401);
    }
    const blocked = await fetch(`${server.base}/api/session`, { method: 'POST', headers: from, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(blocked.status).toBe(429);
    const elsewhere = await fetch(`${server.base}/api/session`, {
      method: 'POST',
      headers: { ...from, 'x-forwarded-for': '203.0.113.8' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('READ_ACCESS=login', () => {
  let server: AuthServer;
  beforeAll(async () => {
    server = await startAuthServer({ readAccess: 'login' });
  });
  afterAll(() => server.stop());

  it('keeps every read behind a sign-in, except the sign-in itself', async () => {
    for (const path of ['/api/protocols', '/api/search?q=sjukfrånvaro', '/api/questions', `/api/protocols/${server.protocolIds[0]}`, '/api/questions.csv']) {
      expect((await fetch(`${server.base}${path}`)).status, path).toBe(401);
    }
    expect((await fetch(`${server.base}/api/session`)).status).toBe(401);
    const signed = await signIn(server.base, 'läsare');
    expect((await fetch(`${server.base}/api/protocols`, { headers: { cookie: signed.cookie } })).status).toBe(200);
    expect((await fetch(`${server.base}/api/protocols`, { headers: { authorization: `Bearer ${server.tokens['läsare']}` } })).status).toBe(200);
  });

  it('keeps the user list for admins', async () => {
    expect((await fetch(`${server.base}/api/users`, { headers: { authorization: `Bearer ${server.tokens['redaktör']}` } })).status).toBe(403);
    const users = await fetch(`${server.base}/api/users`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect((await users.json()).users.map((u: { name: string }) => u.name)).toEqual(['admin', 'läsare', 'redaktör']);
  });
});

describe('the request log', () => {
  it('never shows a bearer token or a session cookie', async () => {
    const lines: string[] = [];
    const log = new PassThrough();
    log.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const server = await startAuthServer({ log: true, logDestination: log });
    try {
      const signed = await signIn(server.base, 'redaktör');
      await fetch(`${server.base}/api/protocols`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      await fetch(`${server.base}/api/status`, { headers: { authorization: `Bearer ${server.tokens.admin}` } });
      await fetch(`${server.base}/api/session`, { headers: { cookie: signed.cookie } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const text = lines.join('\n');
      expect(lines.filter((l) => l.includes('"url":"/api/')).length).toBeGreaterThanOrEqual(4);
      expect(text).toContain('"authorization":"[redacted]"');
      expect(text).toContain('"cookie":"[redacted]"');
      expect(text).not.toContain(ADMIN_TOKEN);
      expect(text).not.toContain(server.tokens.admin);
      expect(text).not.toContain(signed.cookie.split('=')[1]);
      expect(text).not.toContain(signed.csrfToken);
    } finally {
      await server.stop();
    }
  });
});
