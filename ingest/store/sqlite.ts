// The SQLite implementation of ArchiveStore (better-sqlite3, one database file in WAL mode).
// This is the only module that knows SQL for the archive; everything else goes through `openStore` and the
// ArchiveStore interface. Each protocol is written in one transaction together with its source file row,
// and every write bumps the revision counter in `meta`, so a server in another process sees that the archive changed.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Attendee, Failure, Party, Protocol, Question, Section, TopicMention, Utterance } from '../model.ts';
import { migrate } from './sqlite-schema.ts';
import { SqliteSimilarQuestions } from './sqlite-similar.ts';
import type { QuestionFeatures } from '../similar/question-terms.ts';
import { toQuestion, toUtterance, type QuestionRow, type UtteranceRow } from './part-rows.ts';
import { protocolIdOf, questionIdOf, questionRecordsOf, sectionRecordsOf } from './records.ts';
import { SqliteAccounts } from './sqlite-accounts.ts';
import { SqliteWatches } from './sqlite-watches.ts';
import { correctionStatements, SqliteCorrections, toCorrectionEntry } from './sqlite-corrections.ts';
import { applyCorrections } from './corrections-apply.ts';
import type { CorrectionEntry } from './corrections.ts';
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

interface SourceRow {
  id: number;
  path: string;
  name: string | null;
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
  ocr_path: string | null;
}

interface ProtocolRow {
  id: string;
  file: string;
  sha256: string;
  pages: number;
  forvaltning: string | null;
  body: string | null;
  date: string | null;
  date_stated: number;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  title: string | null;
  synthetic: number;
  ocr: number;
  absent_parties: string;
  section_count: number;
  question_count: number;
  open_question_count: number;
  ingested_at: string;
}

interface SectionRow {
  protocol_id: string;
  ordinal: number;
  number: string;
  title: string;
  page: number;
  text: string;
}



interface AttendeeRow extends Attendee {
  protocol_id: string;
}

interface TopicRow extends TopicMention {
  protocol_id: string;
}

/** Opens (creating or migrating as needed) the archive database at `path`. */
export function openStore(path: string): ArchiveStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A server and an ingest run may share the file: wait for the other's write instead of failing.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db);
}

/** Questions still waiting for an answer count as open in listings. */
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
    id: row.id,
    path: row.path,
    name: row.name ?? basename(row.path),
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
    ocrPath: row.ocr_path,
  };
}



/** Every statement the store runs, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    findSource: db.prepare<[string], SourceRow>('SELECT * FROM source_files WHERE sha256 = ?'),
    upsertSource: db.prepare<
      [{ path: string; name: string; sha256: string; size: number; pages: number | null; status: string;
         errorKind: string | null; error: string | null; errorPage: number | null; parserVersion: string;
         ingestedAt: string; protocolId: string | null; ocrPath: string | null }],
      { id: number }
    >(`
      INSERT INTO source_files (path, name, sha256, size, pages, status, error_kind, error, error_page, parser_version, ingested_at, protocol_id, ocr_path)
      VALUES (@path, @name, @sha256, @size, @pages, @status, @errorKind, @error, @errorPage, @parserVersion, @ingestedAt, @protocolId, @ocrPath)
      ON CONFLICT (sha256) DO UPDATE SET
        path = excluded.path, name = excluded.name, size = excluded.size, pages = excluded.pages,
        status = excluded.status, error_kind = excluded.error_kind, error = excluded.error, error_page = excluded.error_page,
        parser_version = excluded.parser_version, ingested_at = excluded.ingested_at, protocol_id = excluded.protocol_id,
        ocr_path = excluded.ocr_path
      RETURNING id`),
    deleteProtocol: db.prepare<[string]>('DELETE FROM protocols WHERE id = ?'),
    insertProtocol: db.prepare(`
      INSERT INTO protocols (id, source_id, file, sha256, pages, forvaltning, body, date, date_stated, place, chair, secretary,
        title, synthetic, ocr, absent_parties, section_count, question_count, open_question_count, ingested_at)
      VALUES (@id, @sourceId, @file, @sha256, @pages, @forvaltning, @body, @date, @dateStated, @place, @chair, @secretary,
        @title, @synthetic, @ocr, @absentParties, @sectionCount, @questionCount, @openQuestionCount, @ingestedAt)`),
    insertAttendee: db.prepare(
      'INSERT INTO attendees (protocol_id, ordinal, name, side, party, role) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertSection: db.prepare(
      'INSERT INTO sections (protocol_id, ordinal, number, title, page, text) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertUtterance: db.prepare(
      'INSERT INTO utterances (protocol_id, section_ordinal, ordinal, party, speaker, text, page) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertQuestion: db.prepare(`
      INSERT INTO questions (id, protocol_id, ordinal, section, party, text, kind, status, answer_party, answer_text, page)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertTopic: db.prepare(
      'INSERT INTO topic_mentions (protocol_id, ordinal, topic, section, mentions) VALUES (?, ?, ?, ?, ?)',
    ),
    bumpRevision: db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'revision'"),
    revision: db.prepare<[], { value: number }>("SELECT value FROM meta WHERE key = 'revision'"),
    listSources: db.prepare<[], SourceRow>('SELECT * FROM source_files ORDER BY id'),
    listProtocols: db.prepare<[], ProtocolRow>('SELECT * FROM protocols ORDER BY date, id'),
    protocolIdsAfter: db.prepare<[string, number], { id: string }>('SELECT id FROM protocols WHERE id > ? ORDER BY id LIMIT ?'),
    // A scanned protocol is shown from its OCR'd copy, whose text layer the viewer finds and marks words in.
    pdfPath: db.prepare<[string], { path: string }>(
      'SELECT coalesce(s.ocr_path, s.path) AS path FROM protocols p JOIN source_files s ON s.id = p.source_id WHERE p.id = ?',
    ),
    counts: db.prepare<[], ArchiveCounts>(`
      SELECT (SELECT count(*) FROM protocols) AS protocols,
             (SELECT count(*) FROM sections) AS sections,
             (SELECT count(*) FROM questions) AS questions,
             (SELECT count(*) FROM source_files) AS sources,
             (SELECT count(*) FROM source_files WHERE status = 'failed') AS failedSources`),
    protocolsIn: db.prepare<[string], ProtocolRow>('SELECT * FROM protocols WHERE id IN (SELECT value FROM json_each(?))'),
    attendeesIn: db.prepare<[string], AttendeeRow>(
      'SELECT protocol_id, name, side, party, role FROM attendees WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY protocol_id, ordinal',
    ),
    sectionsIn: db.prepare<[string], SectionRow>(
      'SELECT * FROM sections WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY protocol_id, ordinal',
    ),
    utterancesIn: db.prepare<[string], UtteranceRow>(
      'SELECT * FROM utterances WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY protocol_id, section_ordinal, ordinal',
    ),
    questionsIn: db.prepare<[string], QuestionRow>(
      'SELECT * FROM questions WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY protocol_id, ordinal',
    ),
    topicsIn: db.prepare<[string], TopicRow>(
      'SELECT protocol_id, topic, section, mentions FROM topic_mentions WHERE protocol_id IN (SELECT value FROM json_each(?)) ORDER BY protocol_id, ordinal',
    ),
  };
}

class SqliteStore implements ArchiveStore {
  readonly accounts: SqliteAccounts;
  readonly watches: SqliteWatches;
  readonly corrections: SqliteCorrections;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly correctionReads: ReturnType<typeof correctionStatements>;
  private readonly writeOutcomes: (outcomes: IngestOutcome[], parserVersion: string) => void;
  private readonly similar: SqliteSimilarQuestions;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.accounts = new SqliteAccounts(db);
    this.watches = new SqliteWatches(db);
    this.corrections = new SqliteCorrections(db);
    this.correctionReads = correctionStatements(db);
    this.similar = new SqliteSimilarQuestions(db);
    this.writeOutcomes = db.transaction((outcomes: IngestOutcome[], parserVersion: string) => {
      for (const outcome of outcomes) {
        if (outcome.ok) this.writeProtocol(outcome.source, outcome.protocol, parserVersion);
        else this.writeFailure(outcome.source, outcome.failure, parserVersion);
      }
      this.statements.bumpRevision.run();
    });
  }

  async findSource(sha256: string): Promise<SourceRecord | undefined> {
    const row = this.statements.findSource.get(sha256);
    return row && toSourceRecord(row);
  }

  async saveProtocol(source: SourceFile, protocol: Protocol, parserVersion: string): Promise<ProtocolId> {
    this.writeOutcomes([{ source, ok: true, protocol }], parserVersion);
    return protocolIdOf(source.sha256);
  }

  async saveFailure(source: SourceFile, failure: Failure, parserVersion: string): Promise<void> {
    this.writeOutcomes([{ source, ok: false, failure }], parserVersion);
  }

  async saveOutcomes(outcomes: IngestOutcome[], parserVersion: string): Promise<void> {
    if (outcomes.length > 0) this.writeOutcomes(outcomes, parserVersion);
  }

  async listSources(): Promise<SourceRecord[]> {
    return this.statements.listSources.all().map(toSourceRecord);
  }

  async listProtocols(): Promise<ProtocolSummary[]> {
    const correctedAt = new Map(this.correctionReads.lastPerProtocol.all().map((r) => [r.protocol_id, r.at]));
    const corrected = new Map(this.loadProtocols([...correctedAt.keys()]).map((p) => [p.id, p]));
    const summaries = this.statements.listProtocols.all().map((row): ProtocolSummary => ({
      id: row.id,
      file: row.file,
      forvaltning: row.forvaltning,
      body: row.body,
      date: row.date,
      dateStated: row.date_stated === 1,
      title: row.title,
      pages: row.pages,
      sections: row.section_count,
      questions: row.question_count,
      openQuestions: row.open_question_count,
      synthetic: row.synthetic === 1,
      ocr: row.ocr === 1,
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
    return this.loadProtocols([id])[0];
  }

  async readPdf(id: ProtocolId): Promise<{ file: string; bytes: Uint8Array } | undefined> {
    const path = this.statements.pdfPath.get(id)?.path;
    if (!path) return undefined;
    try {
      return { file: basename(path), bytes: new Uint8Array(await readFile(path)) };
    } catch {
      // The archive records where the file lay; a file moved or deleted since is simply not served.
      return undefined;
    }
  }

  async sectionsOf(ids: ProtocolId[]): Promise<SectionRecord[]> {
    const records: SectionRecord[] = [];
    for (let at = 0; at < ids.length; at += READ_BATCH) {
      for (const protocol of this.loadProtocols(ids.slice(at, at + READ_BATCH))) records.push(...sectionRecordsOf(protocol, protocol.id));
    }
    return records;
  }

  async *protocols(): AsyncIterable<StoredProtocol> {
    for (const batch of this.protocolIdBatches()) yield* this.loadProtocols(batch);
  }

  async *sections(): AsyncIterable<SectionRecord> {
    for (const batch of this.protocolIdBatches()) {
      for (const protocol of this.loadProtocols(batch)) yield* sectionRecordsOf(protocol, protocol.id);
    }
  }

  async questions(): Promise<QuestionRecord[]> {
    const records: QuestionRecord[] = [];
    for (const batch of this.protocolIdBatches()) {
      for (const protocol of this.loadProtocols(batch)) records.push(...questionRecordsOf(protocol, protocol.id));
    }
    return records;
  }

  async similarityState(): Promise<SimilarityState> {
    return this.similar.state();
  }

  async saveSimilarity(update: { features: QuestionFeatures[]; lists: NeighbourList[] }): Promise<void> {
    this.similar.save(update);
  }

  async similarQuestions(questionId: string, limit: number): Promise<SimilarQuestionRecord[] | undefined> {
    return this.similar.similar(questionId, limit);
  }

  async counts(): Promise<ArchiveCounts> {
    return this.statements.counts.get() as ArchiveCounts;
  }

  async revision(): Promise<number> {
    return this.statements.revision.get()?.value ?? 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /**
   * Protocol ids in batches, by keyset so that no cursor stays open between batches: a consumer may await
   * (and the store may be written) while it walks the archive.
   */
  private *protocolIdBatches(): Generator<string[]> {
    let after = '';
    for (;;) {
      const ids = this.statements.protocolIdsAfter.all(after, READ_BATCH).map((r) => r.id);
      if (ids.length === 0) return;
      yield ids;
      after = ids[ids.length - 1];
    }
  }

  private loadProtocols(ids: string[]): StoredProtocol[] {
    const json = JSON.stringify(ids);
    const rows = this.statements.protocolsIn.all(json);
    const attendees = byProtocol(this.statements.attendeesIn.all(json));
    const sections = byProtocol(this.statements.sectionsIn.all(json));
    const utterances = byProtocol(this.statements.utterancesIn.all(json));
    const questions = byProtocol(this.statements.questionsIn.all(json));
    const topics = byProtocol(this.statements.topicsIn.all(json));
    const corrections = new Map<string, CorrectionEntry[]>();
    for (const row of this.correctionReads.forProtocols.all(json)) {
      const list = corrections.get(row.protocol_id) ?? [];
      list.push(toCorrectionEntry(row));
      corrections.set(row.protocol_id, list);
    }
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return rows.map((row) =>
      applyCorrections(this.toProtocol(row, attendees, sections, utterances, questions, topics), corrections.get(row.id) ?? []),
    );
  }

  /** One protocol as the parser gave it, from its rows. */
  private toProtocol(
    row: ProtocolRow,
    attendees: Map<string, AttendeeRow[]>,
    sections: Map<string, SectionRow[]>,
    utterances: Map<string, UtteranceRow[]>,
    questions: Map<string, QuestionRow[]>,
    topics: Map<string, TopicRow[]>,
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
        dateStated: row.date_stated === 1,
        place: row.place,
        chair: row.chair,
        secretary: row.secretary,
        title: row.title,
      },
      attendees: (attendees.get(row.id) ?? []).map(({ name, side, party, role }) => ({ name, side, party, role })),
      absentParties: JSON.parse(row.absent_parties) as Party[],
      sections: protocolSections,
      questions: (questions.get(row.id) ?? []).map(toQuestion),
      topics: (topics.get(row.id) ?? []).map(({ topic, section, mentions }) => ({ topic, section, mentions })),
      synthetic: row.synthetic === 1,
      ocr: row.ocr === 1,
    };
  }

  private writeSource(
    source: SourceFile,
    parserVersion: string,
    outcome: { status: 'ok'; protocolId: string } | { status: 'failed'; failure: Failure },
  ): number {
    const failure = outcome.status === 'failed' ? outcome.failure : null;
    const row = this.statements.upsertSource.get({
      path: source.path,
      name: source.name ?? basename(source.path),
      sha256: source.sha256,
      size: source.size,
      pages: source.pages,
      status: outcome.status,
      errorKind: failure?.kind ?? null,
      error: failure?.reason ?? null,
      errorPage: failure?.page ?? null,
      parserVersion,
      ingestedAt: new Date().toISOString(),
      protocolId: outcome.status === 'ok' ? outcome.protocolId : null,
      ocrPath: source.ocrPath ?? null,
    });
    return row!.id;
  }

  private writeFailure(source: SourceFile, failure: Failure, parserVersion: string): void {
    // A file that parsed before but fails with this parser version no longer has a protocol.
    this.statements.deleteProtocol.run(protocolIdOf(source.sha256));
    this.writeSource(source, parserVersion, { status: 'failed', failure });
  }

  private writeProtocol(source: SourceFile, protocol: Protocol, parserVersion: string): void {
    const s = this.statements;
    const id = protocolIdOf(source.sha256);
    s.deleteProtocol.run(id);
    const sourceId = this.writeSource(source, parserVersion, { status: 'ok', protocolId: id });
    const { meeting } = protocol;
    s.insertProtocol.run({
      id,
      sourceId,
      file: protocol.source.file,
      sha256: protocol.source.sha256,
      pages: protocol.source.pages,
      forvaltning: meeting.forvaltning,
      body: meeting.body,
      date: meeting.date,
      dateStated: meeting.dateStated ? 1 : 0,
      place: meeting.place,
      chair: meeting.chair,
      secretary: meeting.secretary,
      title: meeting.title,
      synthetic: protocol.synthetic ? 1 : 0,
      ocr: protocol.ocr ? 1 : 0,
      absentParties: JSON.stringify(protocol.absentParties),
      sectionCount: protocol.sections.length,
      questionCount: protocol.questions.length,
      openQuestionCount: protocol.questions.filter(isOpen).length,
      ingestedAt: new Date().toISOString(),
    });
    protocol.attendees.forEach((a, i) => s.insertAttendee.run(id, i, a.name, a.side, a.party, a.role));
    protocol.sections.forEach((section, i) => {
      s.insertSection.run(id, i, section.number, section.title, section.page, section.text);
      section.utterances.forEach((u, j) => s.insertUtterance.run(id, i, j, u.party, u.speaker ?? null, u.text, u.page));
    });
    protocol.questions.forEach((q, i) =>
      s.insertQuestion.run(questionIdOf(id, i), id, i, q.section, q.party, q.text, q.kind, q.status,
        q.answer?.party ?? null, q.answer?.text ?? null, q.page),
    );
    protocol.topics.forEach((t, i) => s.insertTopic.run(id, i, t.topic, t.section, t.mentions));
  }
}
