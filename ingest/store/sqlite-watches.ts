// The SQLite implementation of WatchStore (tables of migration 7): watches and the protocols found for them.
import type Database from 'better-sqlite3';
import type { NewWatch, Watch, WatchHit, WatchKind, WatchStore } from './watches.ts';

interface WatchRow {
  id: number;
  user_id: number;
  kind: WatchKind;
  query: string;
  filters: string;
  question_id: string | null;
  created_at: string;
  new_hits: number;
}

const SELECT_WATCH = `
  SELECT w.id, w.user_id, w.kind, w.query, w.filters, w.question_id, w.created_at,
         (SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id AND h.id > w.last_seen_hit) AS new_hits
  FROM watches w`;

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    query: row.query,
    filters: JSON.parse(row.filters) as Record<string, string>,
    questionId: row.question_id,
    createdAt: row.created_at,
    newHits: row.new_hits,
  };
}

export class SqliteWatches implements WatchStore {
  private readonly s;
  private readonly record: (hits: Array<{ watchId: number; protocolId: string }>, foundAt: string) => number;
  private readonly remove: (id: number, userId: number) => boolean;

  constructor(db: Database.Database) {
    this.s = {
      add: db.prepare<[number, WatchKind, string, string, string | null, string, string], { id: number }>(
        `INSERT INTO watches (user_id, kind, query, filters, question_id, feed_token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      one: db.prepare<[number], WatchRow>(`${SELECT_WATCH} WHERE w.id = ?`),
      ofUser: db.prepare<[number], WatchRow>(`${SELECT_WATCH} WHERE w.user_id = ? ORDER BY w.id`),
      ofKind: db.prepare<[WatchKind], WatchRow>(`${SELECT_WATCH} WHERE w.kind = ? ORDER BY w.id`),
      byFeed: db.prepare<[string], WatchRow>(`${SELECT_WATCH} WHERE w.feed_token_hash = ?`),
      deleteHits: db.prepare<[number, number]>(
        'DELETE FROM watch_hits WHERE watch_id IN (SELECT id FROM watches WHERE id = ? AND user_id = ?)',
      ),
      delete: db.prepare<[number, number]>('DELETE FROM watches WHERE id = ? AND user_id = ?'),
      seen: db.prepare<[number, number]>(
        `UPDATE watches SET last_seen_hit = (SELECT coalesce(max(h.id), 0) FROM watch_hits h WHERE h.watch_id = watches.id)
         WHERE id = ? AND user_id = ?`,
      ),
      hit: db.prepare<[number, string, string]>('INSERT OR IGNORE INTO watch_hits (watch_id, protocol_id, found_at) VALUES (?, ?, ?)'),
      hits: db.prepare<[number, number], { id: number; watch_id: number; protocol_id: string; found_at: string }>(
        'SELECT id, watch_id, protocol_id, found_at FROM watch_hits WHERE watch_id = ? ORDER BY id DESC LIMIT ?',
      ),
    };
    this.record = db.transaction((hits: Array<{ watchId: number; protocolId: string }>, foundAt: string) => {
      let added = 0;
      for (const h of hits) added += this.s.hit.run(h.watchId, h.protocolId, foundAt).changes;
      return added;
    });
    this.remove = db.transaction((id: number, userId: number) => {
      this.s.deleteHits.run(id, userId);
      return this.s.delete.run(id, userId).changes > 0;
    });
  }

  async addWatch(w: NewWatch): Promise<Watch> {
    const { id } = this.s.add.get(w.userId, w.kind, w.query, JSON.stringify(w.filters), w.questionId, w.feedTokenHash, new Date().toISOString())!;
    return toWatch(this.s.one.get(id)!);
  }

  async listWatches(userId: number): Promise<Watch[]> {
    return this.s.ofUser.all(userId).map(toWatch);
  }

  async watchesOfKind(kind: WatchKind): Promise<Watch[]> {
    return this.s.ofKind.all(kind).map(toWatch);
  }

  async findWatchByFeed(feedTokenHash: string): Promise<Watch | undefined> {
    const row = this.s.byFeed.get(feedTokenHash);
    return row && toWatch(row);
  }

  async removeWatch(id: number, userId: number): Promise<boolean> {
    return this.remove(id, userId);
  }

  async markSeen(id: number, userId: number): Promise<boolean> {
    return this.s.seen.run(id, userId).changes > 0;
  }

  async recordHits(hits: Array<{ watchId: number; protocolId: string }>, foundAt: string): Promise<number> {
    return this.record(hits, foundAt);
  }

  async hits(watchId: number, limit: number): Promise<WatchHit[]> {
    return this.s.hits.all(watchId, limit).map((r) => ({ id: r.id, watchId: r.watch_id, protocolId: r.protocol_id, foundAt: r.found_at }));
  }
}
