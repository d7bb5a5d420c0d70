// The accounts part of the archive store: users with roles, sign-in sessions and personal API tokens. Secrets
// never reach the store in clear: it receives and compares only hashes (password hashes from server/auth/
// passwords.ts, sha256 digests of session ids and tokens), so a copy of the database opens no doors.

export const ROLES = ['läsare', 'redaktör', 'admin'] as const;
/** läsare reads, redaktör also corrects records and uploads, admin also manages users; each includes the ones before. */
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` includes everything `needed` may do. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface User {
  id: number;
  name: string;
  role: Role;
  /** Hash of the password (scrypt, with its parameters); null for users who sign in only through OIDC. */
  passwordHash: string | null;
  oidcSubject: string | null;
  createdAt: string;
}

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface TokenRecord {
  id: number;
  userName: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface AccountStore {
  /** Creates a user; fails when the name is taken. */
  addUser(user: { name: string; role: Role; passwordHash: string | null; oidcSubject?: string | null }): Promise<User>;
  /** Changes a user's role (the identity provider's claims may move someone between roles). */
  setRole(name: string, role: Role): Promise<void>;
  findUser(name: string): Promise<User | undefined>;
  findUserBySubject(oidcSubject: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** Removes a user with their sessions and tokens; false when there was no such user. */
  removeUser(name: string): Promise<boolean>;

  createSession(session: { idHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void>;
  /** The unexpired session with this id hash, with its user. */
  findSession(idHash: string, now: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;

  addToken(token: { userId: number; tokenHash: string }): Promise<number>;
  /** The user of an unrevoked token with this hash. */
  findTokenUser(tokenHash: string): Promise<User | undefined>;
  listTokens(userName?: string): Promise<TokenRecord[]>;
  /** Revokes one token by id, or every token of a user by name; returns how many were revoked. */
  revokeTokens(which: { id: number } | { userName: string }): Promise<number>;
}
