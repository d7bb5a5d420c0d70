// A real archive server for the accounts tests: an SQLite archive with one hand-made protocol, users of every
// role with passwords and personal tokens, and helpers that sign in over HTTP and keep the cookie and CSRF token.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import type { Role } from '../../ingest/store/accounts.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App, type AppOptions } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { digestOf, newApiToken } from '../../server/auth/secrets.ts';

export const ADMIN_TOKEN = 'bootstrap-nyckel-för-test';
export const PASSWORD = 'ett långt lösenord';

export function handMadeProtocol(n: number): Protocol {
  return {
    source: { file: `protokoll-${n}.pdf`, sha256: sha256(new TextEncoder().encode(`auth-${n}`)), pages: 2 },
    meeting: { forvaltning: 'Skärholmen', body: 'FSG', date: `2024-0${n}-12`, dateStated: true, place: null, chair: null, secretary: null, title: null },
    attendees: [{ name: 'Bo Berg', side: 'fack', party: null, role: null }],
    absentParties: [],
    sections: [
      {
        number: '1',
        title: 'Arbetsmiljö',
        page: 1,
        text: 'Vision frågar hur sjukfrånvaron ser ut? Kommunal undrar när planen kommer. Arbetsgivaren svarar att den minskat.',
        utterances: [{ party: null, text: 'Vision frågar hur sjukfrånvaron ser ut?', page: 1 }],
      },
    ],
    questions: [
      { section: '1', party: 'Vision', text: 'Vision frågar hur sjukfrånvaron ser ut?', kind: 'question', status: 'unanswered', answer: null, page: 1 },
      { section: '1', party: 'Kommunal', text: 'Kommunal undrar när planen kommer.', kind: 'question', status: 'deferred', answer: null, page: 1 },
    ],
    topics: [{ topic: 'sjukfrånvaro', section: '1', mentions: 1 }],
    synthetic: false,
  };
}

export interface AuthServer {
  base: string;
  store: ArchiveStore;
  protocolIds: string[];
  /** A personal API token for each role's user ("läsare", "redaktör", "admin"). */
  tokens: Record<Role, string>;
  stop(): Promise<void>;
}

export async function startAuthServer(options: Partial<AppOptions> & { port?: number } = {}): Promise<AuthServer> {
  const dir = mkdtempSync(join(tmpdir(), 'auth-'));
  const store = openStore(join(dir, 'archive.sqlite'));
  const protocolIds: string[] = [];
  for (const n of [1, 2]) {
    const protocol = handMadeProtocol(n);
    protocolIds.push(await store.saveProtocol({ path: join(dir, protocol.source.file), sha256: protocol.source.sha256, size: 10, pages: 2 }, protocol, '1'));
  }
  const hash = await hashPassword(PASSWORD);
  const tokens = {} as Record<Role, string>;
  for (const role of ['läsare', 'redaktör', 'admin'] as const) {
    const user = await store.accounts.addUser({ name: role, role, passwordHash: hash });
    tokens[role] = newApiToken();
    await store.accounts.addToken({ userId: user.id, tokenHash: digestOf(tokens[role]) });
  }
  const app: App = await createApp({ store, dataDir: dir, adminToken: ADMIN_TOKEN, log: false, ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    protocolIds,
    tokens,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Signed {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

export async function signIn(base: string, username: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Signed> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0], csrfToken: body.csrfToken, setCookie };
}
