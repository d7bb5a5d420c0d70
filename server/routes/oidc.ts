// OpenID Connect sign-in (authorization code flow with PKCE, openid-client): GET /api/auth/oidc/start sends the
// browser to the provider, GET /api/auth/oidc/callback checks the answer (state, nonce, PKCE verifier), maps the
// claims to a role, and starts the same database session as a password sign-in. GET /api/auth/config tells the
// web page whether to offer it. The flow's secrets wait server-side for ten minutes under a random id kept in an
// HttpOnly cookie.
import { Router, type Request } from 'express';
import type { Configuration } from 'openid-client';
import type { AccountStore } from '../../ingest/store/accounts.ts';
import { roleFromClaims, type OidcSettings } from '../auth/oidc-settings.ts';
import { cookieValue } from '../auth/identity.ts';
import { newSecret } from '../auth/secrets.ts';
import { HttpError } from '../http-error.ts';
import { startSession } from './session.ts';

const FLOW_COOKIE = 'pa_oidc';
const FLOW_TTL_MS = 10 * 60_000;

interface PendingFlow {
  verifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  expires: number;
}

export function oidcRoutes(options: { accounts: AccountStore; settings?: OidcSettings; sessionTtlMs: number }): { router: Router } {
  const router = Router();
  const { settings, accounts } = options;
  router.get('/auth/config', (_req, res) => void res.json({ oidc: Boolean(settings) }));
  if (!settings) return { router };
  // Loaded only where OIDC is configured: a node without it starts that much sooner.
  const openid = import('openid-client');

  let discovered: Promise<Configuration> | undefined;
  const configuration = async () => {
    const client = await openid;
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const flows = new Map<string, PendingFlow>();
  const redirectUriOf = (req: Request) => settings.redirectUri ?? `${req.protocol}://${req.get('host')}/api/auth/oidc/callback`;

  router.get('/auth/oidc/start', async (req, res) => {
    const now = Date.now();
    for (const [id, flow] of flows) if (flow.expires < now) flows.delete(id);
    const config = await configuration();
    const client = await openid;
    const flow: PendingFlow = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      redirectUri: redirectUriOf(req),
      expires: now + FLOW_TTL_MS,
    };
    const id = newSecret();
    flows.set(id, flow);
    res.cookie(FLOW_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/auth/oidc', maxAge: FLOW_TTL_MS });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: flow.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    res.redirect(url.href);
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    const id = cookieValue(req, FLOW_COOKIE);
    const flow = id ? flows.get(id) : undefined;
    if (id) flows.delete(id);
    res.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
    if (!flow || flow.expires < Date.now()) throw new HttpError(400, 'the sign-in took too long or was not started here: start again');
    const config = await configuration();
    const client = await openid;
    const current = new URL(flow.redirectUri);
    current.search = new URL(req.originalUrl, 'http://placeholder').search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Group claims often come only from the userinfo endpoint, not in the ID token.
      if (claims[settings.roleClaim] === undefined && typeof claims.sub === 'string') {
        Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, claims.sub));
      }
    } catch (error) {
      throw new HttpError(401, `the identity provider's answer was refused: ${(error as Error).message}`);
    }
    const role = roleFromClaims(claims, settings);
    if (!role) throw new HttpError(403, 'your account has no role in Protokollarkivet: ask an administrator');
    const subject = `${settings.issuer}|${String(claims.sub)}`;
    const wanted = String(claims.preferred_username ?? claims.email ?? claims.sub);
    let user = await accounts.findUserBySubject(subject);
    if (user) {
      // The provider is the source of truth for its users' roles: a changed group changes the role at next sign-in.
      if (user.role !== role) await accounts.setRole(user.name, role);
      user = { ...user, role };
    } else {
      const name = (await accounts.findUser(wanted)) ? `${wanted} (${new URL(settings.issuer).host})` : wanted;
      user = await accounts.addUser({ name, role, passwordHash: null, oidcSubject: subject });
    }
    await startSession(req, res, accounts, user, options.sessionTtlMs);
    res.redirect('/');
  });

  return { router };
}
