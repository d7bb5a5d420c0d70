// Every state-changing API route against every kind of caller: anonymous, each role by session and by personal
// token, ADMIN_TOKEN, a session with a missing or wrong CSRF token, an expired session and a revoked token. The
// route list is checked against the express app itself, so a new route cannot skip the matrix.
import type { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast, type Role } from '../../ingest/store/accounts.ts';
import { createApp } from '../../server/app.ts';
import { ROUTE_RULES, isStateChanging, type RouteRule } from '../../server/auth/route-roles.ts';
import { digestOf, newApiToken, newSecret } from '../../server/auth/secrets.ts';
import { SESSION_COOKIE } from '../../server/auth/identity.ts';
import { ADMIN_TOKEN, PASSWORD, signIn, startAuthServer, type AuthServer } from './auth-server.ts';

let server: AuthServer;
let revokedToken: string;

beforeAll(async () => {
  server = await startAuthServer();
  const redaktor = (await server.store.accounts.findUser('redaktör'))!;
  revokedToken = newApiToken();
  const id = await server.store.accounts.addToken({ userId: redaktor.id, tokenHash: digestOf(revokedToken) });
  await server.store.accounts.revokeTokens({ id });
});
afterAll(() => server.stop());

interface Call {
  url: string;
  body?: unknown;
  contentType?: string;
}

/** A watch of the calling user (a user named for the role), for the routes that act on one's own watch. */
async function watchOf(s: AuthServer, userName: string): Promise<number> {
  const user = (await s.store.accounts.findUser(userName))!;
  const watch = await s.store.watches.addWatch({ userId: user.id, kind: 'search', query: 'sjukfrånvaro', filters: {}, questionId: null, feedTokenHash: newSecret() });
  return watch.id;
}

/**
 * How to call each state-changing route so that an allowed caller succeeds, and the status that success has;
 * `caller` names the calling user (the role's user). `adminToken` is the answer to ADMIN_TOKEN where it differs:
 * a watch belongs to a user account, which the bootstrap token is not.
 */
const CALLS: Record<string, { call: (s: AuthServer, caller: string) => Promise<Call>; ok: number; adminToken?: number }> = {
  'POST /watches': { call: async () => ({ url: '/api/watches', body: { query: 'sjukfrånvaro', filters: { forvaltning: 'Skärholmen' } } }), ok: 201, adminToken: 403 },
  'DELETE /watches/:id': { call: async (s, caller) => ({ url: `/api/watches/${await watchOf(s, caller)}` }), ok: 204, adminToken: 403 },
  'POST /watches/:id/seen': { call: async (s, caller) => ({ url: `/api/watches/${await watchOf(s, caller)}/seen` }), ok: 204, adminToken: 403 },
  'POST /session': { call: async () => ({ url: '/api/session', body: { username: 'läsare', password: PASSWORD } }), ok: 200 },
  'DELETE /session': { call: async () => ({ url: '/api/session' }), ok: 204 },
  // A JSON body is not a PDF: 415 shows the request got past the identity check to the upload itself.
  'POST /upload': { call: async () => ({ url: '/api/upload?name=a.pdf', body: {} }), ok: 415 },
  'PATCH /questions/:id': {
    call: async (s) => ({ url: `/api/questions/${s.protocolIds[0]}-q1`, body: { status: 'answered', note: 'Besvarad muntligt' } }),
    ok: 200,
  },
  'DELETE /questions/:id': {
    call: async (s) => {
      const target = `a:${randomBytes(4).toString('hex')}`;
      await s.store.corrections.record({
        protocolId: s.protocolIds[1], field: 'question.added', target, before: null, note: null, author: 'test', undoes: null,
        value: { section: '1', party: 'Vision', text: 'Arbetsgivaren svarar att den minskat.', page: 1 },
      });
      return { url: `/api/questions/${s.protocolIds[1]}-${target.replace(':', '')}`, body: { note: 'Ingen fråga' } };
    },
    ok: 204,
  },
  'POST /protocols/:id/questions': {
    call: async (s) => ({ url: `/api/protocols/${s.protocolIds[0]}/questions`, body: { text: 'Kommunal undrar när planen kommer.', party: 'Kommunal' } }),
    ok: 201,
  },
  'PATCH /protocols/:id': { call: async (s) => ({ url: `/api/protocols/${s.protocolIds[0]}`, body: { body: 'FVG', note: 'Stod fel' } }), ok: 200 },
  'POST /corrections/:id/undo': {
    call: async (s) => {
      const entry = await s.store.corrections.record({
        protocolId: s.protocolIds[1], field: 'meeting.body', target: '', value: 'FVG', before: 'FSG', note: null, author: 'test', undoes: null,
      });
      return { url: `/api/corrections/${entry.id}/undo`, body: {} };
    },
    ok: 201,
  },
  'POST /users': { call: async () => ({ url: '/api/users', body: { name: `ny-${randomBytes(3).toString('hex')}`, role: 'läsare', password: PASSWORD } }), ok: 201 },
  'DELETE /users/:name': {
    call: async (s) => {
      const name = `bort-${randomBytes(3).toString('hex')}`;
      await s.store.accounts.addUser({ name, role: 'läsare', passwordHash: null });
      return { url: `/api/users/${encodeURIComponent(name)}` };
    },
    ok: 204,
  },
};

type Caller =
  | { kind: 'anonymous' }
  | { kind: 'session'; role: Role; csrf: 'right' | 'wrong' | 'missing' }
  | { kind: 'token'; role: Role }
  | { kind: 'admin-token' }
  | { kind: 'expired-session' }
  | { kind: 'revoked-token' };

const CALLERS: Array<[string, Caller]> = [
  ['anonymous', { kind: 'anonymous' }],
  ...(['läsare', 'redaktör', 'admin'] as const).flatMap((role): Array<[string, Caller]> => [
    [`${role} (session)`, { kind: 'session', role, csrf: 'right' }],
    [`${role} (personal token)`, { kind: 'token', role }],
  ]),
  ['ADMIN_TOKEN', { kind: 'admin-token' }],
  ['redaktör with a wrong CSRF token', { kind: 'session', role: 'redaktör', csrf: 'wrong' }],
  ['redaktör without a CSRF token', { kind: 'session', role: 'redaktör', csrf: 'missing' }],
  ['an expired session', { kind: 'expired-session' }],
  ['a revoked token', { kind: 'revoked-token' }],
];

async function headersFor(caller: Caller): Promise<Record<string, string>> {
  switch (caller.kind) {
    case 'anonymous':
      return {};
    case 'token':
      return { authorization: `Bearer ${server.tokens[caller.role]}` };
    case 'admin-token':
      return { authorization: `Bearer ${ADMIN_TOKEN}` };
    case 'revoked-token':
      return { authorization: `Bearer ${revokedToken}` };
    case 'expired-session': {
      const user = (await server.store.accounts.findUser('admin'))!;
      const id = newSecret();
      await server.store.accounts.createSession({ idHash: digestOf(id), userId: user.id, csrfToken: 'c', expiresAt: new Date(Date.now() - 1000).toISOString() });
      return { cookie: `${SESSION_COOKIE}=${id}`, 'x-csrf-token': 'c' };
    }
    case 'session': {
      const signed = await signIn(server.base, caller.role);
      const csrf: Record<string, string> =
        caller.csrf === 'right' ? { 'x-csrf-token': signed.csrfToken } : caller.csrf === 'wrong' ? { 'x-csrf-token': newSecret() } : {};
      return { cookie: signed.cookie, ...csrf };
    }
  }
}

function expectedStatus(rule: RouteRule, caller: Caller, ok: number, adminTokenStatus?: number): number {
  const isSignIn = rule.method === 'POST' && rule.path === '/session';
  if (caller.kind === 'revoked-token') return 401;
  if (caller.kind === 'session' && caller.csrf !== 'right' && !isSignIn) return 403;
  if (rule.role === 'anyone') return ok;
  const role: Role | null =
    caller.kind === 'session' || caller.kind === 'token' ? caller.role : caller.kind === 'admin-token' ? 'admin' : null;
  if (role === null) return 401;
  if (caller.kind === 'admin-token' && adminTokenStatus !== undefined) return adminTokenStatus;
  return roleAtLeast(role, rule.role) ? ok : 403;
}

const STATE_CHANGING = ROUTE_RULES.filter((r) => isStateChanging(r.method));

describe('who may change what', () => {
  it('the matrix covers every state-changing route the app serves, and the table declares each of them', async () => {
    const { app, close } = await createApp({ store: server.store, dataDir: '/nonexistent', log: false });
    const served = new Set<string>();
    type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: Router & { stack?: Layer[] } };
    const walk = (stack: Layer[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) {
            if (isStateChanging(method.toUpperCase())) served.add(`${method.toUpperCase()} ${layer.route.path}`);
          }
        } else if (layer.handle.stack) walk(layer.handle.stack);
      }
    };
    walk((app.router as unknown as { stack: Layer[] }).stack);
    await close();
    const declared = STATE_CHANGING.map((r) => `${r.method} ${r.path}`);
    expect([...served].sort()).toEqual([...declared].sort());
    expect(Object.keys(CALLS).sort()).toEqual([...declared].sort());
  });

  for (const rule of STATE_CHANGING) {
    const key = `${rule.method} ${rule.path}`;
    for (const [label, caller] of CALLERS) {
      const expected = expectedStatus(rule, caller, CALLS[key].ok, CALLS[key].adminToken);
      it(`${key} by ${label} → ${expected}`, async () => {
        const call = await CALLS[key].call(server, 'role' in caller ? caller.role : 'läsare');
        const headers = await headersFor(caller);
        const response = await fetch(`${server.base}${call.url}`, {
          method: rule.method,
          headers: { ...headers, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        });
        expect(response.status, await response.text()).toBe(expected);
      });
    }
  }

  it('refuses a state-changing request to a route that declares no role, even from an admin', async () => {
    for (const path of ['/api/search', '/api/protocols', '/api/nowhere']) {
      const response = await fetch(`${server.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'refused: this route declares no role' });
    }
  });

  it('records who made a change, and lists it in the protocol history', async () => {
    const id = server.protocolIds[0];
    const history = await (await fetch(`${server.base}/api/protocols/${id}/history`)).json();
    expect(history.history.length).toBeGreaterThan(0);
    const authors = new Set(history.history.map((e: { author: string }) => e.author));
    expect([...authors].every((a) => ['redaktör', 'admin', 'admin (ADMIN_TOKEN)'].includes(a as string))).toBe(true);
  });
});
