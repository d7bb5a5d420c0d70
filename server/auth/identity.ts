// The one place that decides who a request is and whether they may do what they ask. Mounted in front of every
// API route: it reads a bearer token (ADMIN_TOKEN, or a personal token) or a session cookie, checks the CSRF
// token of cookie-signed state-changing requests, and enforces the role ROUTE_RULES declares — refusing any
// state-changing route that declares none. Routes read the result with identityOf(res).
import type { NextFunction, Request, Response } from 'express';
import type { AccountStore, Role } from '../../ingest/store/accounts.ts';
import { roleAtLeast } from '../../ingest/store/accounts.ts';
import { HttpError } from '../http-error.ts';
import { isStateChanging, ruleFor } from './route-roles.ts';
import { digestOf, sameSecret } from './secrets.ts';

export const SESSION_COOKIE = 'pa_session';

export type ReadAccess = 'public' | 'login';

export interface Identity {
  /** Shown in the history as who made a change. */
  name: string;
  role: Role;
  via: 'admin-token' | 'api-token' | 'session';
  /** Present for session identities: the cookie's session id digest and CSRF token. */
  session?: { idHash: string; csrfToken: string };
}

export interface IdentityOptions {
  accounts: AccountStore;
  adminToken?: string;
  readAccess: ReadAccess;
}

/** Name of the bootstrap administrator that ADMIN_TOKEN signs in as. */
export const BOOTSTRAP_ADMIN = 'admin (ADMIN_TOKEN)';

export function identityOf(res: Response): Identity | null {
  return (res.locals.identity as Identity | undefined) ?? null;
}

/** Reads one cookie from the Cookie header (the app sets only its own, so no general parser is needed). */
export function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

async function identify(req: Request, options: IdentityOptions): Promise<Identity | null> {
  const authorization = req.get('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match?.[1] ?? '';
    if (options.adminToken && sameSecret(token, options.adminToken)) {
      return { name: BOOTSTRAP_ADMIN, role: 'admin', via: 'admin-token' };
    }
    const user = token ? await options.accounts.findTokenUser(digestOf(token)) : undefined;
    // A request that presents a token means it: a wrong one is refused, not quietly treated as signed out.
    if (!user) throw new HttpError(401, 'invalid or revoked token');
    return { name: user.name, role: user.role, via: 'api-token' };
  }
  const cookie = cookieValue(req, SESSION_COOKIE);
  if (!cookie) return null;
  const idHash = digestOf(cookie);
  const session = await options.accounts.findSession(idHash, new Date().toISOString());
  if (!session) return null;
  return { name: session.user.name, role: session.user.role, via: 'session', session: { idHash, csrfToken: session.csrfToken } };
}

export function identityMiddleware(options: IdentityOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const identity = await identify(req, options);
      res.locals.identity = identity;
      const rule = ruleFor(req.method, req.path);
      if (isStateChanging(req.method)) {
        if (!rule) throw new HttpError(403, 'refused: this route declares no role');
        // Cookies ride along on cross-site requests; the CSRF token, read by our own page from GET /api/session, does not.
        if (identity?.via === 'session' && !(req.method === 'POST' && req.path === '/session')) {
          const given = req.get('x-csrf-token') ?? '';
          if (!sameSecret(given, identity.session!.csrfToken)) throw new HttpError(403, 'missing or wrong X-CSRF-Token');
        }
        return next(requireRole(identity, rule.role));
      }
      if (rule?.publicRead) return next();
      const needed: Role | 'anyone' = rule?.role ?? (options.readAccess === 'login' ? 'läsare' : 'anyone');
      next(requireRole(identity, needed));
    } catch (error) {
      next(error);
    }
  };
}

function requireRole(identity: Identity | null, needed: Role | 'anyone'): HttpError | undefined {
  if (needed === 'anyone') return undefined;
  if (!identity) return new HttpError(401, 'sign in required');
  if (!roleAtLeast(identity.role, needed)) return new HttpError(403, `needs the role ${needed}`);
  return undefined;
}
