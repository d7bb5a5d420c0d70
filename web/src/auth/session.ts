// Who is signed in, as the page knows it: GET /api/session once, then kept until the user signs in or out.
// Changes go through `send`, which adds the session's CSRF token — the server refuses a cookie-signed change
// without it — so no view builds that header itself.
import { apiUrl, readError } from '../api/client.ts';

export type Role = 'läsare' | 'redaktör' | 'admin';

export interface Session {
  user: string;
  role: Role;
  csrfToken: string | null;
}

let current: Promise<Session | null> | undefined;
const listeners = new Set<(session: Session | null) => void>();

/** Set by the server beside the (unreadable) session cookie; without it nobody is signed in and nothing is asked. */
const SIGNED_IN_HINT = 'pa_signed_in=1';

export function session(): Promise<Session | null> {
  if (!document.cookie.split('; ').includes(SIGNED_IN_HINT)) return Promise.resolve(null);
  current ??= fetch(apiUrl('/session'), { headers: { accept: 'application/json' } })
    .then((r) => {
      if (r.ok) return r.json() as Promise<Session>;
      // The session has expired: forget the hint so later pages do not ask again.
      document.cookie = 'pa_signed_in=; Max-Age=0; path=/';
      return null;
    })
    .catch(() => null);
  return current;
}

/** Whether the signed-in user may correct records (redaktör or admin). */
export async function canCorrect(): Promise<boolean> {
  const s = await session();
  return s?.role === 'redaktör' || s?.role === 'admin';
}

export function onSessionChange(listener: (session: Session | null) => void): void {
  listeners.add(listener);
}

function settle(next: Session | null): void {
  current = Promise.resolve(next);
  for (const listener of listeners) listener(next);
}

export async function signIn(username: string, password: string): Promise<Session> {
  const response = await fetch(apiUrl('/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await readError(response);
  const signed = (await response.json()) as Session;
  settle(signed);
  return signed;
}

export async function signOut(): Promise<void> {
  await send('DELETE', '/session');
  settle(null);
}

/** A state-changing API call with the session's CSRF token; the parsed answer, or null for 204. */
export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const s = await session();
  const response = await fetch(apiUrl(path), {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(s?.csrfToken ? { 'x-csrf-token': s.csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await readError(response);
  return response.status === 204 ? null : ((await response.json()) as T);
}
