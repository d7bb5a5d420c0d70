// Signing in and out: POST /api/session (user name and password → a session cookie), GET /api/session (who is
// signed in, with the CSRF token the page sends back on changes), DELETE /api/session; and the admin's user
// list (GET/POST /api/users, DELETE /api/users/:name). Sessions are stored as digests of their ids, get a new id
// at every sign-in (no fixation), and expire. Failed sign-ins say the same thing whether or not the user exists.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ROLES, type AccountStore, type User } from '../../ingest/store/accounts.ts';
import { cookieValue, identityOf, SESSION_COOKIE } from '../auth/identity.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { SignInLimiter } from '../auth/rate-limit.ts';
import { digestOf, newSecret } from '../auth/secrets.ts';
import { HttpError } from '../http-error.ts';
import { parseBody } from './body.ts';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * A readable cookie that says only "a session cookie was set": the web page asks GET /api/session when it is
 * there, so a reader who never signed in causes no 401 on every page. It holds no secret and grants nothing.
 */
export const SIGNED_IN_HINT = 'pa_signed_in';

const SignIn = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

const NewUser = z.object({
  name: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters'),
  role: z.enum(ROLES),
  password: z.string().min(10, 'at least 10 characters').max(1000),
});

const SIGN_IN_FAILED = 'wrong user name or password';

export interface SessionOptions {
  accounts: AccountStore;
  sessionTtlMs?: number;
  limiter?: SignInLimiter;
}

/** Starts a session for a user: a new id every time, the old cookie's session ended. */
export async function startSession(req: Request, res: Response, accounts: AccountStore, user: User, ttlMs: number) {
  const previous = cookieValue(req, SESSION_COOKIE);
  if (previous) await accounts.deleteSession(digestOf(previous));
  const id = newSecret();
  const csrfToken = newSecret();
  await accounts.createSession({
    idHash: digestOf(id),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + ttlMs).toISOString(),
  });
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: ttlMs });
  res.cookie(SIGNED_IN_HINT, '1', { sameSite: 'lax', secure: req.secure, path: '/', maxAge: ttlMs });
  return { user: user.name, role: user.role, csrfToken };
}

export function sessionRoutes(options: SessionOptions): { router: Router } {
  const { accounts } = options;
  const ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const limiter = options.limiter ?? new SignInLimiter();
  const router = Router();
  const json = express.json({ limit: '16kb' });

  router.post('/session', json, async (req, res) => {
    const { username, password } = parseBody(SignIn, req);
    const address = req.ip ?? 'unknown';
    if (!limiter.allows(username, address)) throw new HttpError(429, 'too many sign-in attempts: wait a while and try again');
    const user = await accounts.findUser(username);
    // An unknown user is checked against a decoy hash, so the answer takes as long as for a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !user.passwordHash || !ok) {
      limiter.failed(username, address);
      throw new HttpError(401, SIGN_IN_FAILED);
    }
    limiter.succeeded(username);
    res.json(await startSession(req, res, accounts, user, ttlMs));
  });

  router.get('/session', (_req, res) => {
    const identity = identityOf(res);
    if (!identity) throw new HttpError(401, 'not signed in');
    res.json({ user: identity.name, role: identity.role, csrfToken: identity.session?.csrfToken ?? null });
  });

  router.delete('/session', async (req, res) => {
    const cookie = cookieValue(req, SESSION_COOKIE);
    if (cookie) await accounts.deleteSession(digestOf(cookie));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    res.clearCookie(SIGNED_IN_HINT, { sameSite: 'lax', secure: req.secure, path: '/' });
    res.status(204).end();
  });

  router.get('/users', async (_req, res) => {
    const users = await accounts.listUsers();
    res.json({ users: users.map((u) => ({ name: u.name, role: u.role, createdAt: u.createdAt, oidc: u.oidcSubject !== null })) });
  });

  router.post('/users', json, async (req, res) => {
    const body = parseBody(NewUser, req);
    if (await accounts.findUser(body.name)) throw new HttpError(409, `a user named ${body.name} already exists`);
    const user = await accounts.addUser({ name: body.name, role: body.role, passwordHash: await hashPassword(body.password) });
    res.status(201).json({ name: user.name, role: user.role });
  });

  router.delete('/users/:name', async (req, res) => {
    const name = String(req.params.name);
    if (!(await accounts.removeUser(name))) throw new HttpError(404, `no user named ${name}`);
    res.status(204).end();
  });

  return { router };
}
