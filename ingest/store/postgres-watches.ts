// The PostgreSQL implementation of WatchStore (tables of migration 5), the twin of sqlite-watches.ts.
import type pg from 'pg';
import type { NewWatch, Watch, WatchHit, WatchKind, WatchStore } from './watches.ts';

interface WatchRow {
  id: string;
  user_id: string;
  kind: WatchKind;
  query: string;
  filters: Record<string, string>;
  question_id: string | null;
  created_at: string;
  new_hits: string;
}

const SELECT_WATCH = `
  SELECT w.id, w.user_id, w.kind, w.query, w.filters, w.question_id, w.created_at,
         (SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id AND h.id > w.last_seen_hit) AS new_hits
  FROM watches w`;

function toWatch(row: WatchRow): Watch {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    kind: row.kind,
    query: row.query,
    filters: row.filters,
    questionId: row.question_id,
    createdAt: row.created_at,
    newHits: Number(row.new_hits),
  };
}

export class PostgresWatches implements WatchStore {
  constructor(private readonly pool: pg.Pool) {}

  async addWatch(w: NewWatch): Promise<Watch> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO watches (user_id, kind, query, filters, question_id, feed_token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [w.userId, w.kind, w.query, JSON.stringify(w.filters), w.questionId, w.feedTokenHash, new Date().toISOString()],
    );
    const found = await this.pool.query<WatchRow>(`${SELECT_WATCH} WHERE w.id = $1`, [rows[0].id]);
    return toWatch(found.rows[0]);
  }

  async listWatches(userId: number): Promise<Watch[]> {
    return (await this.pool.query<WatchRow>(`${SELECT_WATCH} WHERE w.user_id = $1 ORDER BY w.id`, [userId])).rows.map(toWatch);
  }

  async watchesOfKind(kind: WatchKind): Promise<Watch[]> {
    return (await this.pool.query<WatchRow>(`${SELECT_WATCH} WHERE w.kind = $1 ORDER BY w.id`, [kind])).rows.map(toWatch);
  }

  async findWatchByFeed(feedTokenHash: string): Promise<Watch | undefined> {
    const { rows } = await this.pool.query<WatchRow>(`${SELECT_WATCH} WHERE w.feed_token_hash = $1`, [feedTokenHash]);
    return rows[0] && toWatch(rows[0]);
  }

  async removeWatch(id: number, userId: number): Promise<boolean> {
    // The hits go with the watch (ON DELETE CASCADE).
    const { rowCount } = await this.pool.query('DELETE FROM watches WHERE id = $1 AND user_id = $2', [id, userId]);
    return (rowCount ?? 0) > 0;
  }

  async markSeen(id: number, userId: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE watches SET last_seen_hit = (SELECT coalesce(max(h.id), 0) FROM watch_hits h WHERE h.watch_id = watches.id)
       WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return (rowCount ?? 0) > 0;
  }

  async recordHits(hits: Array<{ watchId: number; protocolId: string }>, foundAt: string): Promise<number> {
    if (hits.length === 0) return 0;
    // One statement over a JSON array; ON CONFLICT keeps a hit recorded once however many nodes match it.
    const { rowCount } = await this.pool.query(
      `INSERT INTO watch_hits (watch_id, protocol_id, found_at)
       SELECT (h->>'watchId')::bigint, h->>'protocolId', $2 FROM jsonb_array_elements($1::jsonb) AS h
       WHERE EXISTS (SELECT 1 FROM watches w WHERE w.id = (h->>'watchId')::bigint)
       ON CONFLICT (watch_id, protocol_id) DO NOTHING`,
      [JSON.stringify(hits), foundAt],
    );
    return rowCount ?? 0;
  }

  async hits(watchId: number, limit: number): Promise<WatchHit[]> {
    const { rows } = await this.pool.query<{ id: string; watch_id: string; protocol_id: string; found_at: string }>(
      'SELECT id, watch_id, protocol_id, found_at FROM watch_hits WHERE watch_id = $1 ORDER BY id DESC LIMIT $2',
      [watchId, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), watchId: Number(r.watch_id), protocolId: r.protocol_id, foundAt: r.found_at }));
  }
}
