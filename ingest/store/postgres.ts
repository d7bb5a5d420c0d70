// The PostgreSQL implementation of ArchiveStore (server mode): the whole archive — protocols, the ingest report,
// the PDFs themselves — in one database that any number of app nodes and ingest workers share. Writes are one
// transaction per batch; the source row is upserted first (its UNIQUE sha256 makes a second writer of the same
// bytes wait for the first and then replace its protocol, never add a second one), and every write bumps the
// revision and sends NOTIFY archive_changed so that other nodes refresh. It also keeps the files derived from the
// archive (saved search index, analytics snapshot) so that one node's build serves every node.
import pg from 'pg';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Failure, Party, Protocol, Question, Section, Utterance } from '../model.ts';
import { migratePostgres } from './postgres-schema.ts';
import { PostgresAccounts, PostgresCorrections, toCorrectionEntry, type CorrectionRow } from './postgres-accounts.ts';
import { PostgresWatches } from './postgres-watches.ts';
import { applyCorrections } from './corrections-apply.ts';
import { PostgresSimilarQuestions } from './postgres-similar.ts';
import type { QuestionFeatures } from '../similar/question-terms.ts';
import type { CorrectionEntry } from './corrections.ts';
import { toQuestion, toUtterance, type QuestionRow, type UtteranceRow } from './part-rows.ts';
import { protocolIdOf, questionIdOf, questionRecordsOf, sectionRecordsOf } from './records.ts';
import type {
  ArchiveCounts,
  ArchiveStore,
  IngestOutcome,
  NeighbourList,
  ProtocolId,
  ProtocolSummary,
  QuestionRecord,
  SectionRecord,
  SimilarityState,
  SimilarQuestionRecord,
  SourceFile,
  SourceRecord,
  StoredProtocol,
} from './types.ts';

/** How many protocols the streaming readers load per round trip: bounds memory at archive scale. */
const READ_BATCH = 200;

/** The channel every write notifies on, with the new revision as payload. */
export const CHANGE_CHANNEL = 'archive_changed';

interface SourceRow {
  id: string;
  path: string;
  name: string;
  sha256: string;
  size: number;
  pages: number | null;
  status: 'ok' | 'failed';
  error_kind: Failure['kind'] | null;
  error: string | null;
  error_page: number | null;
  parser_version: string;
  ingested_at: string;
  protocol_id: string | null;
}

interface ProtocolRow {
  id: string;
  file: string;
  sha256: string;
  pages: number;
  forvaltning: string | null;
  body: string | null;
  date: string | null;
  date_stated: boolean;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  title: string | null;
  synthetic: boolean;
  ocr: boolean;
  absent_parties: Party[];
  section_count: number;
  question_count: number;
  open_question_count: number;
  ingested_at: string;
}



/** Files derived from the archive, saved as one bundle with the label of the archive state they were built from. */
/** Bytes of compressed file per row of derived_files. */
const DERIVED_CHUNK = 1 << 20;
/** Between a derived file's name and its chunk number; never part of a file name of ours. */
const CHUNK_MARK = '#';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The file a row of derived_files is a chunk of; null for a row saved whole, before chunks. */
function fileOfChunk(row: string): string | null {
  const at = row.lastIndexOf(CHUNK_MARK);
  return at > 0 ? row.slice(0, at) : null;
}

export interface DerivedBundle {
  label: string;
  files: Map<string, Uint8Array>;
}

export interface PostgresStoreOptions {
  /** Connections in the pool; a node's searches never touch the database, so a few suffice. */
  maxConnections?: number;
  /** Told when an idle connection breaks (database restarted or unreachable); the pool reconnects on next use. */
  onConnectionError?: (err: Error) => void;
}

/** Connects, migrates (once, under an advisory lock, however many processes start at once) and returns the store. */
export async function openPostgresStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 8,
    connectionTimeoutMillis: 5000,
    // Ingest and analytics read in batches; a statement running longer than this is a fault, not work.
    statement_timeout: 120_000,
  });
  // Without a listener, a connection the database drops while idle would crash the process.
  pool.on('error', (err) => options.onConnectionError?.(err));
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
  return new PostgresStore(pool);
}

function isOpen(question: Question): boolean {
  return question.status !== 'answered';
}

function byProtocol<T extends { protocol_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.protocol_id);
    if (group) group.push(row);
    else groups.set(row.protocol_id, [row]);
  }
  return groups;
}

function toSourceRecord(row: SourceRow): SourceRecord {
  return {
    id: Number(row.id),
    path: row.path,
    name: row.name,
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
    status: row.status,
    errorKind: row.error_kind,
    error: row.error,
    errorPage: row.error_page,
    parserVersion: row.parser_version,
    ingestedAt: row.ingested_at,
    protocolId: row.protocol_id,
  };
}



/** The rows of one table for a batch of protocols, inserted by one statement through jsonb_to_recordset. */
interface PartRows {
  protocols: object[];
  attendees: object[];
  sections: object[];
  utterances: object[];
  questions: object[];
  topics: object[];
}

/**
 * Per part, its table and columns (name and type): each part of a batch is inserted by one statement that reads
 * its rows from JSON. A column added to a table (a new migration) is one more entry here and in partRowsOf.
 */
const PART_TABLES: Array<[keyof PartRows, string, string]> = [
  ['protocols', 'protocols', `id text, source_id bigint, file text, sha256 text, pages integer, forvaltning text, body text,
     date text, date_stated boolean, place text, chair text, secretary text, title text, synthetic boolean,
     ocr boolean, absent_parties jsonb, section_count integer, question_count integer, open_question_count integer, ingested_at text`],
  ['attendees', 'attendees', 'protocol_id text, ordinal integer, name text, side text, party text, role text'],
  ['sections', 'sections', 'protocol_id text, ordinal integer, number text, title text, page integer, text text'],
  ['utterances', 'utterances', 'protocol_id text, section_ordinal integer, ordinal integer, party text, speaker text, text text, page integer'],
  ['questions', 'questions', `id text, protocol_id text, ordinal integer, section text, party text, text text, kind text, status text,
     answer_party text, answer_text text, page integer`],
  ['topics', 'topic_mentions', 'protocol_id text, ordinal integer, topic text, section text, mentions integer'],
];

const INSERT_PARTS: Array<[keyof PartRows, string]> = PART_TABLES.map(([part, table, columns]) => {
  const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ');
  return [part, `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1) AS x(${columns})`];
});

function partRowsOf(id: string, sourceId: string, protocol: Protocol, into: PartRows): void {
  const { meeting } = protocol;
  into.protocols.push({
    id,
    source_id: sourceId,
    file: protocol.source.file,
    sha256: protocol.source.sha256,
    pages: protocol.source.pages,
    forvaltning: meeting.forvaltning,
    body: meeting.body,
    date: meeting.date,
    date_stated: meeting.dateStated,
    place: meeting.place,
    chair: meeting.chair,
    secretary: meeting.secretary,
    title: meeting.title,
    synthetic: protocol.synthetic,
    ocr: protocol.ocr === true,
    absent_parties: protocol.absentParties,
    section_count: protocol.sections.length,
    question_count: protocol.questions.length,
    open_question_count: protocol.questions.filter(isOpen).length,
    ingested_at: new Date().toISOString(),
  });
  protocol.attendees.forEach((a, ordinal) => into.attendees.push({ protocol_id: id, ordinal, ...a }));
  protocol.sections.forEach((s, ordinal) => {
    into.sections.push({ protocol_id: id, ordinal, number: s.number, title: s.title, page: s.page, text: s.text });
    s.utterances.forEach((u, j) =>
      into.utterances.push({
        protocol_id: id, section_ordinal: ordinal, ordinal: j, party: u.party, speaker: u.speaker ?? null, text: u.text, page: u.page,
      }),
    );
  });
  protocol.questions.forEach((q, ordinal) =>
    into.questions.push({
      id: questionIdOf(id, ordinal), protocol_id: id, ordinal, section: q.section, party: q.party, text: q.text, kind: q.kind,
      status: q.status, answer_party: q.answer?.party ?? null, answer_text: q.answer?.text ?? null, page: q.page,
    }),
  );
  protocol.topics.forEach((t, ordinal) => into.topics.push({ protocol_id: id, ordinal, ...t }));
}

/** Bumps the archive's revision and tells every node, inside the writing transaction. */
async function bumpRevision(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ value: string }>("UPDATE meta SET value = value + 1 WHERE key = 'revision' RETURNING value");
  await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, rows[0].value]);
}

export class PostgresStore implements ArchiveStore {
  readonly accounts: PostgresAccounts;
  readonly watches: PostgresWatches;
  readonly corrections: PostgresCorrections;
  private readonly similar: PostgresSimilarQuestions;

  constructor(readonly pool: pg.Pool) {
    this.accounts = new PostgresAccounts(pool);
    this.watches = new PostgresWatches(pool);
    this.corrections = new PostgresCorrections(pool, bumpRevision);
    this.similar = new PostgresSimilarQuestions(pool);
  }

  async findSource(sha256: string): Promise<SourceRecord | undefined> {
    const { rows } = await this.pool.query<SourceRow>('SELECT * FROM source_files WHERE sha256 = $1', [sha256]);
    return rows[0] && toSourceRecord(rows[0]);
  }

  async saveProtocol(source: SourceFile, protocol: Protocol, parserVersion: string): Promise<ProtocolId> {
    await this.saveOutcomes([{ source, ok: true, protocol }], parserVersion);
    return protocolIdOf(source.sha256);
  }

  async saveFailure(source: SourceFile, failure: Failure, parserVersion: string): Promise<void> {
    await this.saveOutcomes([{ source, ok: false, failure }], parserVersion);
  }

  async saveOutcomes(outcomes: IngestOutcome[], parserVersion: string): Promise<void> {
    if (outcomes.length === 0) return;
    // Always in the same order, so two writers with overlapping batches wait for each other instead of deadlocking.
    const ordered = [...outcomes].sort((a, b) => (a.source.sha256 < b.source.sha256 ? -1 : a.source.sha256 > b.source.sha256 ? 1 : 0));
    await this.transaction(async (client) => {
      const parts: PartRows = { protocols: [], attendees: [], sections: [], utterances: [], questions: [], topics: [] };
      const written = new Set<string>();
      for (const outcome of ordered) {
        const { source } = outcome;
        const id = protocolIdOf(source.sha256);
        const failure = outcome.ok ? null : outcome.failure;
        // The upsert comes first: a concurrent writer of the same bytes blocks here until this one commits, and
        // then sees (and replaces) the protocol written here.
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO source_files (path, name, sha256, size, pages, status, error_kind, error, error_page, parser_version, ingested_at, protocol_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (sha256) DO UPDATE SET
             path = excluded.path, name = excluded.name, size = excluded.size, pages = excluded.pages,
             status = excluded.status, error_kind = excluded.error_kind, error = excluded.error, error_page = excluded.error_page,
             parser_version = excluded.parser_version, ingested_at = excluded.ingested_at, protocol_id = excluded.protocol_id
           RETURNING id`,
          [
            source.path, source.name ?? basename(source.path), source.sha256, source.size, source.pages,
            outcome.ok ? 'ok' : 'failed', failure?.kind ?? null, failure?.reason ?? null, failure?.page ?? null,
            parserVersion, new Date().toISOString(), outcome.ok ? id : null,
          ],
        );
        await client.query('DELETE FROM protocols WHERE id = $1', [id]);
        if (source.bytes) {
          await client.query('INSERT INTO pdf_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [
            source.sha256,
            Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
          ]);
        }
        // A later OCR of the same scan (a newer parser or OCR version) replaces the copy shown.
        if (source.ocrBytes) {
          await client.query(
            'INSERT INTO ocr_pdf_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO UPDATE SET bytes = excluded.bytes',
            [source.sha256, Buffer.from(source.ocrBytes.buffer, source.ocrBytes.byteOffset, source.ocrBytes.byteLength)],
          );
        }
        // The same bytes twice in one batch: the later outcome wins, as it would saved one after the other.
        if (written.has(id)) {
          for (const table of Object.values(parts) as Array<Array<{ id?: string; protocol_id?: string }>>) {
            for (let i = table.length - 1; i >= 0; i--) if ((table[i].protocol_id ?? table[i].id) === id) table.splice(i, 1);
          }
        }
        if (outcome.ok) {
          partRowsOf(id, rows[0].id, outcome.protocol, parts);
          written.add(id);
        }
      }
      for (const [part, sql] of INSERT_PARTS) {
        if (parts[part].length > 0) await client.query(sql, [JSON.stringify(parts[part])]);
      }
      await bumpRevision(client);
    });
  }

  async listSources(): Promise<SourceRecord[]> {
    const { rows } = await this.pool.query<SourceRow>('SELECT * FROM source_files ORDER BY id');
    return rows.map(toSourceRecord);
  }

  async listProtocols(): Promise<ProtocolSummary[]> {
    // NULLS FIRST and byte order: the same order as the SQLite archive lists them in.
    const { rows } = await this.pool.query<ProtocolRow>(
      'SELECT * FROM protocols ORDER BY date COLLATE "C" NULLS FIRST, id COLLATE "C"',
    );
    const { rows: lastCorrections } = await this.pool.query<{ protocol_id: string; at: string }>(
      'SELECT protocol_id, max(created_at) AS at FROM corrections GROUP BY protocol_id',
    );
    const correctedAt = new Map(lastCorrections.map((r) => [r.protocol_id, r.at]));
    const corrected = new Map((await this.loadProtocols([...correctedAt.keys()])).map((p) => [p.id, p]));
    const summaries = rows.map((row): ProtocolSummary => ({
      id: row.id,
      file: row.file,
      forvaltning: row.forvaltning,
      body: row.body,
      date: row.date,
      dateStated: row.date_stated,
      title: row.title,
      pages: row.pages,
      sections: row.section_count,
      questions: row.question_count,
      openQuestions: row.open_question_count,
      synthetic: row.synthetic,
      ocr: row.ocr,
      ingestedAt: row.ingested_at,
      correctedAt: correctedAt.get(row.id) ?? null,
    }));
    // The few corrected protocols take their facts and counts from the corrected protocol.
    return summaries.map((summary) => {
      const protocol = corrected.get(summary.id);
      if (!protocol) return summary;
      return {
        ...summary,
        forvaltning: protocol.meeting.forvaltning,
        body: protocol.meeting.body,
        date: protocol.meeting.date,
        dateStated: protocol.meeting.dateStated,
        questions: protocol.questions.length,
        openQuestions: protocol.questions.filter(isOpen).length,
      };
    });
  }

  async getProtocol(id: ProtocolId): Promise<StoredProtocol | undefined> {
    return (await this.loadProtocols([id]))[0];
  }

  async readPdf(id: ProtocolId): Promise<{ file: string; bytes: Uint8Array } | undefined> {
    // A scan's OCR'd copy, when OCR read it: the one with the text layer the viewer marks words in.
    const { rows } = await this.pool.query<{ name: string; bytes: Buffer }>(
      `SELECT s.name, coalesce(o.bytes, f.bytes) AS bytes FROM protocols p JOIN source_files s ON s.id = p.source_id
       JOIN pdf_files f ON f.sha256 = p.sha256 LEFT JOIN ocr_pdf_files o ON o.sha256 = p.sha256 WHERE p.id = $1`,
      [id],
    );
    return rows[0] && { file: rows[0].name, bytes: new Uint8Array(rows[0].bytes) };
  }

  /** The bytes of a file by content hash (a queued ingest job's PDF). */
  async readBytes(sha256: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM pdf_files WHERE sha256 = $1', [sha256]);
    return rows[0] && new Uint8Array(rows[0].bytes);
  }

  /** Keeps bytes by content hash; the same bytes a second time (a race included) are a no-op. */
  async putBytes(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO pdf_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [
      sha256,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ]);
  }

  async *protocols(): AsyncIterable<StoredProtocol> {
    for await (const batch of this.protocolIdBatches()) yield* await this.loadProtocols(batch);
  }

  async *sections(): AsyncIterable<SectionRecord> {
    for await (const batch of this.protocolIdBatches()) {
      for (const protocol of await this.loadProtocols(batch)) yield* sectionRecordsOf(protocol, protocol.id);
    }
  }

  async sectionsOf(ids: ProtocolId[]): Promise<SectionRecord[]> {
    const records: SectionRecord[] = [];
    for (let at = 0; at < ids.length; at += READ_BATCH) {
      for (const protocol of await this.loadProtocols(ids.slice(at, at + READ_BATCH))) {
        records.push(...sectionRecordsOf(protocol, protocol.id));
      }
    }
    return records;
  }

  async questions(): Promise<QuestionRecord[]> {
    const records: QuestionRecord[] = [];
    for await (const batch of this.protocolIdBatches()) {
      for (const protocol of await this.loadProtocols(batch)) records.push(...questionRecordsOf(protocol, protocol.id));
    }
    return records;
  }

  async similarityState(): Promise<SimilarityState> {
    return this.similar.state();
  }

  async saveSimilarity(update: { features: QuestionFeatures[]; lists: NeighbourList[] }): Promise<void> {
    await this.transaction((client) => this.similar.save(client, update));
  }

  async similarQuestions(questionId: string, limit: number): Promise<SimilarQuestionRecord[] | undefined> {
    return this.similar.similar(questionId, limit);
  }

  async counts(): Promise<ArchiveCounts> {
    const { rows } = await this.pool.query<ArchiveCounts>(`
      SELECT (SELECT count(*) FROM protocols)::int AS protocols,
             (SELECT count(*) FROM sections)::int AS sections,
             (SELECT count(*) FROM questions)::int AS questions,
             (SELECT count(*) FROM source_files)::int AS sources,
             (SELECT count(*) FROM source_files WHERE status = 'failed')::int AS "failedSources"`);
    return rows[0];
  }

  async revision(): Promise<number> {
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'revision'");
    return Number(rows[0]?.value ?? 0);
  }

  /** The saved bundle of derived files, if one was saved. */
  async loadDerived(bundle: string): Promise<DerivedBundle | undefined> {
    const { rows } = await this.pool.query<{ name: string; label: string; bytes: Buffer }>(
      'SELECT name, label, bytes FROM derived_files WHERE bundle = $1 ORDER BY name',
      [bundle],
    );
    if (rows.length === 0) return undefined;
    const parts = new Map<string, Buffer[]>();
    for (const row of rows) {
      const file = fileOfChunk(row.name);
      // Saved by an older version of this program: as good as none, and replaced by this node's next save.
      if (file === null) return undefined;
      if (!parts.has(file)) parts.set(file, []);
      parts.get(file)!.push(row.bytes);
    }
    // Inflated on libuv's threads, several files at once, while this thread writes the ones already done.
    const files = new Map<string, Uint8Array>();
    await Promise.all([...parts].map(async ([file, chunks]) => files.set(file, await gunzipAsync(Buffer.concat(chunks)))));
    return { label: rows[0].label, files };
  }

  /** The label of a saved bundle, without its files. */
  async loadDerivedLabel(bundle: string): Promise<string | undefined> {
    // Rows saved whole by an older version of this program count as none (loadDerived ignores them too).
    const { rows } = await this.pool.query<{ label: string }>(
      'SELECT label FROM derived_files WHERE bundle = $1 AND strpos(name, $2) > 0 LIMIT 1',
      [bundle, CHUNK_MARK],
    );
    return rows[0]?.label;
  }

  /**
   * Replaces the bundle as a whole: a reader sees the old files or the new ones, never a mix. Each file is
   * gzipped (fast level) and cut into chunks of at most DERIVED_CHUNK bytes, one row each: one large bytea came
   * back through the driver at ~20 MB/s (a 10,000-protocol bundle of 108 MB took 5–6 s to restore), small
   * compressed rows in well under a second; and no file is bound by bytea's 1 GB limit.
   */
  async saveDerived(bundle: string, derived: DerivedBundle): Promise<void> {
    const compressed = await Promise.all(
      [...derived.files].map(async ([name, bytes]) => [name, await gzipAsync(bytes, { level: 1 })] as const),
    );
    await this.transaction(async (client) => {
      await client.query('DELETE FROM derived_files WHERE bundle = $1', [bundle]);
      for (const [name, gz] of compressed) {
        for (let seq = 0; seq * DERIVED_CHUNK < gz.length || seq === 0; seq++) {
          await client.query('INSERT INTO derived_files (bundle, name, label, bytes) VALUES ($1, $2, $3, $4)', [
            bundle, `${name}${CHUNK_MARK}${String(seq).padStart(6, '0')}`, derived.label,
            gz.subarray(seq * DERIVED_CHUNK, (seq + 1) * DERIVED_CHUNK),
          ]);
        }
      }
    });
  }

  /**
   * Runs `work` holding a cluster-wide advisory lock, so that among all nodes one does it at a time (the first
   * node building the search index; the others wait and then load what it saved).
   */
  async withLock<T>(key: number, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }

  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async *protocolIdBatches(): AsyncGenerator<string[]> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ id: string }>(
        'SELECT id FROM protocols WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2',
        [after, READ_BATCH],
      );
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);
      yield ids;
      after = ids[ids.length - 1];
    }
  }

  private async loadProtocols(ids: string[]): Promise<StoredProtocol[]> {
    if (ids.length === 0) return [];
    const q = <T extends pg.QueryResultRow>(sql: string) => this.pool.query<T>(sql, [ids]).then((r) => r.rows);
    const [rows, attendeeRows, sectionRows, utteranceRows, questionRows, topicRows, correctionRows] = await Promise.all([
      q<ProtocolRow>('SELECT * FROM protocols WHERE id = ANY($1)'),
      q<{ protocol_id: string; name: string; side: string; party: string | null; role: string | null }>(
        'SELECT protocol_id, name, side, party, role FROM attendees WHERE protocol_id = ANY($1) ORDER BY protocol_id, ordinal',
      ),
      q<{ protocol_id: string; ordinal: number; number: string; title: string; page: number; text: string }>(
        'SELECT * FROM sections WHERE protocol_id = ANY($1) ORDER BY protocol_id, ordinal',
      ),
      q<UtteranceRow>('SELECT * FROM utterances WHERE protocol_id = ANY($1) ORDER BY protocol_id, section_ordinal, ordinal'),
      q<QuestionRow>('SELECT * FROM questions WHERE protocol_id = ANY($1) ORDER BY protocol_id, ordinal'),
      q<{ protocol_id: string; topic: string; section: string; mentions: number }>(
        'SELECT protocol_id, topic, section, mentions FROM topic_mentions WHERE protocol_id = ANY($1) ORDER BY protocol_id, ordinal',
      ),
      q<CorrectionRow>('SELECT * FROM corrections WHERE protocol_id = ANY($1) ORDER BY id'),
    ]);
    const corrections = new Map<string, CorrectionEntry[]>();
    for (const row of correctionRows) {
      const list = corrections.get(row.protocol_id) ?? [];
      list.push(toCorrectionEntry(row));
      corrections.set(row.protocol_id, list);
    }
    const attendees = byProtocol(attendeeRows);
    const sections = byProtocol(sectionRows);
    const utterances = byProtocol(utteranceRows);
    const questions = byProtocol(questionRows);
    const topics = byProtocol(topicRows);
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return rows.map((row) => applyCorrections(this.toProtocol(row, attendees, sections, utterances, questions, topics), corrections.get(row.id) ?? []));
  }

  /** One protocol as the parser gave it, from its rows. */
  private toProtocol(
    row: ProtocolRow,
    attendees: Map<string, Array<{ protocol_id: string; name: string; side: string; party: string | null; role: string | null }>>,
    sections: Map<string, Array<{ protocol_id: string; ordinal: number; number: string; title: string; page: number; text: string }>>,
    utterances: Map<string, UtteranceRow[]>,
    questions: Map<string, QuestionRow[]>,
    topics: Map<string, Array<{ protocol_id: string; topic: string; section: string; mentions: number }>>,
  ): StoredProtocol {
    const sectionUtterances = new Map<number, Utterance[]>();
    for (const u of utterances.get(row.id) ?? []) {
      const list = sectionUtterances.get(u.section_ordinal) ?? [];
      list.push(toUtterance(u));
      sectionUtterances.set(u.section_ordinal, list);
    }
    const protocolSections: Section[] = (sections.get(row.id) ?? []).map((s) => ({
      number: s.number,
      title: s.title,
      page: s.page,
      text: s.text,
      utterances: sectionUtterances.get(s.ordinal) ?? [],
    }));
    return {
      id: row.id,
      ingestedAt: row.ingested_at,
      source: { file: row.file, sha256: row.sha256, pages: row.pages },
      meeting: {
        forvaltning: row.forvaltning,
        body: row.body,
        date: row.date,
        dateStated: row.date_stated,
        place: row.place,
        chair: row.chair,
        secretary: row.secretary,
        title: row.title,
      },
      attendees: (attendees.get(row.id) ?? []).map(({ name, side, party, role }) => ({ name, side, party, role }) as Protocol['attendees'][number]),
      absentParties: row.absent_parties,
      sections: protocolSections,
      questions: (questions.get(row.id) ?? []).map(toQuestion),
      topics: (topics.get(row.id) ?? []).map(({ topic, section, mentions }) => ({ topic, section, mentions })),
      synthetic: row.synthetic,
      ocr: row.ocr,
    };
  }
}
