// The SQLite implementation of AccountStore: users, sessions and personal API tokens in the archive's database.
import type Database from 'better-sqlite3';
import type { AccountStore, Role, SessionRecord, TokenRecord, User } from './accounts.ts';

interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    createdAt: row.created_at,
  };
}

export class SqliteAccounts implements AccountStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      addUser: db.prepare<[string, Role, string | null, string | null, string], UserRow>(
        'INSERT INTO users (name, role, password_hash, oidc_subject, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      ),
      setRole: db.prepare<[Role, string]>('UPDATE users SET role = ? WHERE name = ?'),
      findUser: db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?'),
      findUserBySubject: db.prepare<[string], UserRow>('SELECT * FROM users WHERE oidc_subject = ?'),
      listUsers: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY name'),
      removeUser: db.prepare<[string]>('DELETE FROM users WHERE name = ?'),
      createSession: db.prepare<[string, number, string, string, string]>(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      findSession: db.prepare<[string, string], UserRow & { csrf_token: string; expires_at: string }>(
        `SELECT u.*, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ? AND s.expires_at > ?`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
      deleteExpiredSessions: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?'),
      addToken: db.prepare<[number, string, string], { id: number }>(
        'INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?) RETURNING id',
      ),
      findTokenUser: db.prepare<[string], UserRow>(
        'SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL',
      ),
      listTokens: db.prepare<[{ name: string | null }], { id: number; name: string; created_at: string; revoked_at: string | null }>(
        `SELECT t.id, u.name, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE @name IS NULL OR u.name = @name ORDER BY t.id`,
      ),
      revokeToken: db.prepare<[string, number]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      revokeUserTokens: db.prepare<[string, string]>(
        'UPDATE api_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE name = ?)',
      ),
    };
  }

  async addUser(user: { name: string; role: Role; passwordHash: string | null; oidcSubject?: string | null }): Promise<User> {
    return toUser(this.s.addUser.get(user.name, user.role, user.passwordHash, user.oidcSubject ?? null, new Date().toISOString())!);
  }

  async setRole(name: string, role: Role): Promise<void> {
    this.s.setRole.run(role, name);
  }

  async findUser(name: string): Promise<User | undefined> {
    const row = this.s.findUser.get(name);
    return row && toUser(row);
  }

  async findUserBySubject(oidcSubject: string): Promise<User | undefined> {
    const row = this.s.findUserBySubject.get(oidcSubject);
    return row && toUser(row);
  }

  async listUsers(): Promise<User[]> {
    return this.s.listUsers.all().map(toUser);
  }

  async removeUser(name: string): Promise<boolean> {
    return this.s.removeUser.run(name).changes > 0;
  }

  async createSession(session: { idHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void> {
    const now = new Date().toISOString();
    // Expired sessions are swept at each sign-in, so the table holds only live ones and a few stale.
    this.s.deleteExpiredSessions.run(now);
    this.s.createSession.run(session.idHash, session.userId, session.csrfToken, now, session.expiresAt);
  }

  async findSession(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const row = this.s.findSession.get(idHash, now);
    return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    this.s.deleteSession.run(idHash);
  }

  async addToken(token: { userId: number; tokenHash: string }): Promise<number> {
    return this.s.addToken.get(token.userId, token.tokenHash, new Date().toISOString())!.id;
  }

  async findTokenUser(tokenHash: string): Promise<User | undefined> {
    const row = this.s.findTokenUser.get(tokenHash);
    return row && toUser(row);
  }

  async listTokens(userName?: string): Promise<TokenRecord[]> {
    return this.s.listTokens
      .all({ name: userName ?? null })
      .map((r) => ({ id: r.id, userName: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revokeTokens(which: { id: number } | { userName: string }): Promise<number> {
    const now = new Date().toISOString();
    const result = 'id' in which ? this.s.revokeToken.run(now, which.id) : this.s.revokeUserTokens.run(now, which.userName);
    return result.changes;
  }
}
