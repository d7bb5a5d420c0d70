// Sign-in through a real OpenID Connect provider (oidc-provider, started here) with Chromium: the app sends the
// browser to the provider, the user signs in there, the app checks the code with PKCE, state and nonce
// (openid-client), maps the provider's groups to a role and starts a session — and refuses a user whose groups
// give no role.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../e2e/browser.ts';
import { parseRoleMap, roleFromClaims } from '../../server/auth/oidc-settings.ts';
import { startAuthServer, type AuthServer } from './auth-server.ts';

/** The provider's users: each login name's groups. */
const GROUPS: Record<string, string[]> = {
  anna: ['protokoll-redaktorer', 'alla-anstallda'],
  olle: ['alla-anstallda'],
};

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let provider: Server;
let app: AuthServer;
let browser: Browser;

beforeAll(async () => {
  const [providerPort, appPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${providerPort}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: 'protokollarkivet',
        client_secret: 'klienthemlighet-for-test-0123456789',
        redirect_uris: [`http://127.0.0.1:${appPort}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, preferred_username: sub, groups: GROUPS[sub] ?? [] }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
    pkce: { required: () => true },
    cookies: { keys: ['nyckel-för-testets-kakor'] },
  });
  provider = await new Promise<Server>((resolve) => {
    const s = oidc.listen(providerPort, '127.0.0.1', () => resolve(s));
  });
  app = await startAuthServer({
    port: appPort,
    oidc: {
      issuer,
      clientId: 'protokollarkivet',
      clientSecret: 'klienthemlighet-for-test-0123456789',
      roleClaim: 'groups',
      roles: parseRoleMap('protokoll-redaktorer=redaktör,protokoll-admin=admin'),
      allowHttp: true,
    },
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => provider?.close(resolve));
});

async function signInAt(login: string) {
  // Each sign-in starts without the provider's own session from the one before.
  await browser.context.clearCookies();
  const page = await browser.open(1280);
  const authorizeUrls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/auth?')) authorizeUrls.push(request.url());
  });
  await page.goto(`${app.base}/api/auth/oidc/start`);
  expect(new URL(page.url()).port).not.toBe(new URL(app.base).port);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'vad som helst');
  await page.click('button[type=submit]');
  // The provider asks for consent to share the profile with this client.
  await page.waitForSelector('button[type=submit]');
  const response = page.waitForResponse((r) => r.url().startsWith(`${app.base}/api/auth/oidc/callback`));
  await page.click('button[type=submit]');
  return { page, callback: await response, authorize: new URL(authorizeUrls[0]) };
}

describe('signing in with the organisation\'s identity provider', () => {
  it('maps groups to the highest role they give', () => {
    const roles = parseRoleMap('a=läsare,b=admin,c=redaktör');
    expect(roleFromClaims({ groups: ['a', 'c'] }, { roleClaim: 'groups', roles })).toBe('redaktör');
    expect(roleFromClaims({ groups: 'b' }, { roleClaim: 'groups', roles })).toBe('admin');
    expect(roleFromClaims({ groups: ['x'] }, { roleClaim: 'groups', roles })).toBeNull();
    expect(roleFromClaims({}, { roleClaim: 'groups', roles: { ...roles, '*': 'läsare' } })).toBe('läsare');
    expect(() => parseRoleMap('a=chef')).toThrow(/OIDC_ROLES/);
  });

  it('signs a user in through the provider with PKCE and gives the role their groups map to', async () => {
    const { page, callback, authorize } = await signInAt('anna');
    expect(callback.status()).toBe(302);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.has('client_secret')).toBe(false);
    const session = await page.request.get(`${app.base}/api/session`);
    expect(session.status()).toBe(200);
    expect(await session.json()).toMatchObject({ user: 'anna', role: 'redaktör', csrfToken: expect.any(String) });
    const cookie = (await browser.context.cookies(app.base)).find((c) => c.name === 'pa_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await app.store.accounts.findUser('anna')).toMatchObject({ role: 'redaktör', passwordHash: null, oidcSubject: expect.stringContaining('|anna') });
    await page.close();
  });

  it('refuses a user whose groups give no role', async () => {
    const { page, callback } = await signInAt('olle');
    expect(callback.status()).toBe(403);
    expect(await callback.json()).toEqual({ error: 'your account has no role in Protokollarkivet: ask an administrator' });
    expect(await app.store.accounts.findUser('olle')).toBeUndefined();
    await page.close();
  });

  it('refuses a callback that was not started here', async () => {
    const response = await fetch(`${app.base}/api/auth/oidc/callback?code=stulen&state=x`);
    expect(response.status).toBe(400);
  });
});
