// The SQLite implementation of CorrectionStore: the append-only correction log in the archive's database.
// Recording an entry bumps the archive's revision in the same transaction, so the server's search index and
// analytics pick the correction up as they do a new ingest.
import type Database from 'better-sqlite3';
import type { CorrectionEntry, CorrectionField, CorrectionStore, NewCorrection } from './corrections.ts';

interface CorrectionRow {
  id: number;
  protocol_id: string;
  field: CorrectionField;
  target: string;
  value: string;
  before: string;
  note: string | null;
  author: string;
  created_at: string;
  undoes: number | null;
}

export function toCorrectionEntry(row: CorrectionRow): CorrectionEntry {
  return {
    id: row.id,
    protocolId: row.protocol_id,
    field: row.field,
    target: row.target,
    value: JSON.parse(row.value) as unknown,
    before: JSON.parse(row.before) as unknown,
    note: row.note,
    author: row.author,
    createdAt: row.created_at,
    undoes: row.undoes,
  };
}

/** Statements the protocol readers of the SQLite store share with this log. */
export function correctionStatements(db: Database.Database) {
  return {
    forProtocols: db.prepare<[string], CorrectionRow>(
      'SELECT * FROM corrections WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    ),
    lastPerProtocol: db.prepare<[], { protocol_id: string; at: string }>(
      'SELECT protocol_id, max(created_at) AS at FROM corrections GROUP BY protocol_id',
    ),
  };
}

export class SqliteCorrections implements CorrectionStore {
  private readonly s;
  private readonly insert: (correction: NewCorrection) => CorrectionRow;

  constructor(db: Database.Database) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string, string | null, string, string, number | null], CorrectionRow>(
        `INSERT INTO corrections (protocol_id, field, target, value, before, note, author, created_at, undoes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ),
      bumpRevision: db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'revision'"),
      get: db.prepare<[number], CorrectionRow>('SELECT * FROM corrections WHERE id = ?'),
      forProtocol: db.prepare<[string], CorrectionRow>('SELECT * FROM corrections WHERE protocol_id = ? ORDER BY id'),
      protocolIds: db.prepare<[], { protocol_id: string }>('SELECT DISTINCT protocol_id FROM corrections ORDER BY protocol_id'),
      all: db.prepare<[], CorrectionRow>('SELECT * FROM corrections ORDER BY id'),
    };
    this.insert = db.transaction((c: NewCorrection) => {
      const row = this.s.insert.get(
        c.protocolId,
        c.field,
        c.target,
        JSON.stringify(c.value ?? null),
        JSON.stringify(c.before ?? null),
        c.note,
        c.author,
        new Date().toISOString(),
        c.undoes,
      )!;
      this.s.bumpRevision.run();
      return row;
    });
  }

  async record(correction: NewCorrection): Promise<CorrectionEntry> {
    return toCorrectionEntry(this.insert(correction));
  }

  async get(id: number): Promise<CorrectionEntry | undefined> {
    const row = this.s.get.get(id);
    return row && toCorrectionEntry(row);
  }

  async forProtocol(protocolId: string): Promise<CorrectionEntry[]> {
    return this.s.forProtocol.all(protocolId).map(toCorrectionEntry);
  }

  async protocolIds(): Promise<string[]> {
    return this.s.protocolIds.all().map((r) => r.protocol_id);
  }

  async all(): Promise<CorrectionEntry[]> {
    return this.s.all.all().map(toCorrectionEntry);
  }
}
