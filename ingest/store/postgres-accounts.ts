// The PostgreSQL implementations of AccountStore and CorrectionStore (server mode): users, sessions, personal API
// tokens and the append-only correction log in the shared database, statement for statement as their SQLite
// counterparts (sqlite-accounts.ts, sqlite-corrections.ts), so every node sees the same users and corrections.
// Recording a correction bumps the archive's revision (and notifies) in the same transaction, like an ingest.
import type pg from 'pg';
import type { AccountStore, Role, SessionRecord, TokenRecord, User } from './accounts.ts';
import type { CorrectionEntry, CorrectionField, CorrectionStore, NewCorrection } from './corrections.ts';

interface UserRow {
  id: string;
  name: string;
  role: Role;
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    createdAt: row.created_at,
  };
}

export class PostgresAccounts implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  private async one<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T | undefined> {
    return (await this.pool.query<T>(sql, params)).rows[0];
  }

  async addUser(user: { name: string; role: Role; passwordHash: string | null; oidcSubject?: string | null }): Promise<User> {
    const row = await this.one<UserRow>(
      'INSERT INTO users (name, role, password_hash, oidc_subject, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [user.name, user.role, user.passwordHash, user.oidcSubject ?? null, new Date().toISOString()],
    );
    return toUser(row!);
  }

  async setRole(name: string, role: Role): Promise<void> {
    await this.pool.query('UPDATE users SET role = $1 WHERE name = $2', [role, name]);
  }

  async findUser(name: string): Promise<User | undefined> {
    const row = await this.one<UserRow>('SELECT * FROM users WHERE name = $1', [name]);
    return row && toUser(row);
  }

  async findUserBySubject(oidcSubject: string): Promise<User | undefined> {
    const row = await this.one<UserRow>('SELECT * FROM users WHERE oidc_subject = $1', [oidcSubject]);
    return row && toUser(row);
  }

  async listUsers(): Promise<User[]> {
    return (await this.pool.query<UserRow>('SELECT * FROM users ORDER BY name COLLATE "C"')).rows.map(toUser);
  }

  async removeUser(name: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM users WHERE name = $1', [name])).rowCount ?? 0) > 0;
  }

  async createSession(session: { idHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void> {
    const now = new Date().toISOString();
    // Expired sessions are swept at each sign-in, so the table holds only live ones and a few stale.
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    await this.pool.query(
      'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [session.idHash, session.userId, session.csrfToken, now, session.expiresAt],
    );
  }

  async findSession(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const row = await this.one<UserRow & { csrf_token: string; expires_at: string }>(
      `SELECT u.*, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id_hash = $1 AND s.expires_at > $2`,
      [idHash, now],
    );
    return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async addToken(token: { userId: number; tokenHash: string }): Promise<number> {
    const row = await this.one<{ id: string }>(
      'INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3) RETURNING id',
      [token.userId, token.tokenHash, new Date().toISOString()],
    );
    return Number(row!.id);
  }

  async findTokenUser(tokenHash: string): Promise<User | undefined> {
    const row = await this.one<UserRow>(
      'SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
      [tokenHash],
    );
    return row && toUser(row);
  }

  async listTokens(userName?: string): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<{ id: string; name: string; created_at: string; revoked_at: string | null }>(
      `SELECT t.id, u.name, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE $1::text IS NULL OR u.name = $1 ORDER BY t.id`,
      [userName ?? null],
    );
    return rows.map((r) => ({ id: Number(r.id), userName: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revokeTokens(which: { id: number } | { userName: string }): Promise<number> {
    const now = new Date().toISOString();
    const result =
      'id' in which
        ? await this.pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, which.id])
        : await this.pool.query(
            'UPDATE api_tokens SET revoked_at = $1 WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE name = $2)',
            [now, which.userName],
          );
    return result.rowCount ?? 0;
  }
}

export interface CorrectionRow {
  id: string;
  protocol_id: string;
  field: CorrectionField;
  target: string;
  value: unknown;
  before: unknown;
  note: string | null;
  author: string;
  created_at: string;
  undoes: string | null;
}

export function toCorrectionEntry(row: CorrectionRow): CorrectionEntry {
  return {
    id: Number(row.id),
    protocolId: row.protocol_id,
    field: row.field,
    target: row.target,
    value: row.value,
    before: row.before,
    note: row.note,
    author: row.author,
    createdAt: row.created_at,
    undoes: row.undoes === null ? null : Number(row.undoes),
  };
}

export class PostgresCorrections implements CorrectionStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly afterWrite: (client: pg.PoolClient) => Promise<void>,
  ) {}

  async record(c: NewCorrection): Promise<CorrectionEntry> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<CorrectionRow>(
        `INSERT INTO corrections (protocol_id, field, target, value, before, note, author, created_at, undoes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [c.protocolId, c.field, c.target, JSON.stringify(c.value ?? null), JSON.stringify(c.before ?? null), c.note, c.author,
          new Date().toISOString(), c.undoes],
      );
      await this.afterWrite(client);
      await client.query('COMMIT');
      return toCorrectionEntry(rows[0]);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async get(id: number): Promise<CorrectionEntry | undefined> {
    const row = (await this.pool.query<CorrectionRow>('SELECT * FROM corrections WHERE id = $1', [id])).rows[0];
    return row && toCorrectionEntry(row);
  }

  async forProtocol(protocolId: string): Promise<CorrectionEntry[]> {
    return (await this.pool.query<CorrectionRow>('SELECT * FROM corrections WHERE protocol_id = $1 ORDER BY id', [protocolId])).rows.map(toCorrectionEntry);
  }

  async protocolIds(): Promise<string[]> {
    return (await this.pool.query<{ protocol_id: string }>('SELECT DISTINCT protocol_id COLLATE "C" AS protocol_id FROM corrections ORDER BY 1')).rows.map((r) => r.protocol_id);
  }

  async all(): Promise<CorrectionEntry[]> {
    return (await this.pool.query<CorrectionRow>('SELECT * FROM corrections ORDER BY id')).rows.map(toCorrectionEntry);
  }
}
