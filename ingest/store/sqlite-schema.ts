// The SQLite archive's schema as an ordered list of migrations, and the code that brings a database file up to date.
// The file's `PRAGMA user_version` is the number of migrations applied; opening an older file applies the rest,
// each in its own transaction, so an archive ingested by an older version keeps its data.
import type Database from 'better-sqlite3';

/** Migration N (1-based) takes a database from user_version N-1 to N. Append only; never edit a released one. */
export const MIGRATIONS: readonly string[] = [
  // 1: sources, protocols and their parts.
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  INSERT INTO meta (key, value) VALUES ('revision', 0);

  -- Every file ever offered for ingest, with its outcome. One row per distinct content (sha256).
  CREATE TABLE source_files (
    id             INTEGER PRIMARY KEY,
    path           TEXT NOT NULL,
    sha256         TEXT NOT NULL UNIQUE,
    size           INTEGER NOT NULL,
    pages          INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_kind     TEXT,
    error          TEXT,
    parser_version TEXT NOT NULL,
    ingested_at    TEXT NOT NULL,
    protocol_id    TEXT
  );

  CREATE TABLE protocols (
    id                  TEXT PRIMARY KEY,
    source_id           INTEGER NOT NULL REFERENCES source_files (id),
    file                TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    pages               INTEGER NOT NULL,
    forvaltning         TEXT,
    body                TEXT,
    date                TEXT,
    date_stated         INTEGER NOT NULL,
    place               TEXT,
    chair               TEXT,
    secretary           TEXT,
    title               TEXT,
    synthetic           INTEGER NOT NULL,
    absent_parties      TEXT NOT NULL, -- JSON array of party names
    section_count       INTEGER NOT NULL,
    question_count      INTEGER NOT NULL,
    open_question_count INTEGER NOT NULL,
    ingested_at         TEXT NOT NULL
  );

  CREATE TABLE attendees (
    protocol_id TEXT NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    side        TEXT NOT NULL,
    party       TEXT,
    role        TEXT,
    PRIMARY KEY (protocol_id, ordinal)
  );

  CREATE TABLE sections (
    protocol_id TEXT NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    number      TEXT NOT NULL,
    title       TEXT NOT NULL,
    page        INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (protocol_id, ordinal)
  );

  CREATE TABLE utterances (
    protocol_id     TEXT NOT NULL,
    section_ordinal INTEGER NOT NULL,
    ordinal         INTEGER NOT NULL,
    party           TEXT,
    speaker         TEXT,
    text            TEXT NOT NULL,
    page            INTEGER NOT NULL,
    PRIMARY KEY (protocol_id, section_ordinal, ordinal),
    FOREIGN KEY (protocol_id, section_ordinal) REFERENCES sections (protocol_id, ordinal) ON DELETE CASCADE
  );

  CREATE TABLE questions (
    id           TEXT PRIMARY KEY,
    protocol_id  TEXT NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    section      TEXT NOT NULL,
    party        TEXT,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL,
    answer_party TEXT,
    answer_text  TEXT, -- NULL when the question got no answer
    page         INTEGER NOT NULL
  );
  CREATE INDEX questions_by_protocol ON questions (protocol_id, ordinal);

  CREATE TABLE topic_mentions (
    protocol_id TEXT NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    topic       TEXT NOT NULL,
    section     TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (protocol_id, ordinal)
  );
  CREATE INDEX topic_mentions_by_topic ON topic_mentions (topic);
  `,
  // 2: failures remember the page they happened on; listings by date and question status get indexes.
  `
  ALTER TABLE source_files ADD COLUMN error_page INTEGER;
  CREATE INDEX protocols_by_date ON protocols (date);
  CREATE INDEX questions_by_status ON questions (status);
  `,
  // 3: the name a file was offered under (an upload is stored as <sha256>.pdf but shown by the name it came with).
  `
  ALTER TABLE source_files ADD COLUMN name TEXT;
  UPDATE source_files SET name = replace(path, rtrim(path, replace(path, '/', '')), '');
  `,
  // 4: accounts (users, sign-in sessions, personal API tokens) and human corrections of parsed records.
  // Corrections reference protocols by id without a foreign key: re-ingesting a protocol deletes and rewrites its
  // parsed rows, and the corrections must outlive that.
  `
  CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('läsare', 'redaktör', 'admin')),
    password_hash TEXT,              -- NULL for users who only sign in through the identity provider
    oidc_subject  TEXT UNIQUE,
    created_at    TEXT NOT NULL
  );

  CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,     -- sha256 of the cookie value: a stolen database holds no usable session
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE, -- sha256 of the token; the token itself is shown once and never stored
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );

  CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    protocol_id TEXT NOT NULL,
    field       TEXT NOT NULL,
    target      TEXT NOT NULL,
    value       TEXT NOT NULL,       -- JSON
    before      TEXT NOT NULL,       -- JSON: what readers saw before this entry
    note        TEXT,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    undoes      INTEGER REFERENCES corrections (id)
  );
  CREATE INDEX corrections_by_protocol ON corrections (protocol_id, id);
  `,
  // 5: similar questions, worked out at ingest (ingest/similar/): each question's analysed terms, and its list of
  // the closest questions of other meetings as one JSON row (a list is always rewritten whole, and one row per list
  // keeps an ingest's writes few). Both go when the question goes; entries naming a question that is gone are
  // skipped on reading.
  `
  CREATE TABLE question_features (
    question_id TEXT PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    features    TEXT NOT NULL -- JSON: QuestionFeatures
  );
  CREATE TABLE question_neighbours (
    question_id TEXT PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    neighbours  TEXT NOT NULL -- JSON: StoredNeighbour[], closest first
  );
  `,
  // 6: scanned protocols read by OCR: the protocol is marked (its text may hold misreadings) and the source
  // remembers the OCR'd copy of the file, which is the PDF the protocol view shows.
  `
  ALTER TABLE source_files ADD COLUMN ocr_path TEXT;
  ALTER TABLE protocols ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: watches ("Bevakningar", ingest/store/watches.ts): a user's saved searches and watched questions, and the
  // protocols found for each, once per watch and protocol. Only the feed token's sha256 is kept.
  `
  CREATE TABLE watches (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('search', 'question')),
    query           TEXT NOT NULL DEFAULT '',
    filters         TEXT NOT NULL DEFAULT '{}', -- JSON: the search filters
    question_id     TEXT,
    feed_token_hash TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    last_seen_hit   INTEGER NOT NULL DEFAULT 0 -- the id of the last hit the user has seen
  );
  CREATE INDEX watches_by_user ON watches (user_id);
  CREATE TABLE watch_hits (
    id          INTEGER PRIMARY KEY,
    watch_id    INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    protocol_id TEXT NOT NULL,
    found_at    TEXT NOT NULL,
    UNIQUE (watch_id, protocol_id)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the migrations a database is missing, up to `target` (all of them unless a test asks for an old schema). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`archive database has schema version ${current}, newer than this program's ${SCHEMA_VERSION}`);
  }
  for (let version = current + 1; version <= target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
