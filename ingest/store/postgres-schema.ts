// The PostgreSQL archive's schema (server mode) as an ordered list of migrations, and the code that brings a
// database up to date. Migrations run under a session advisory lock, so nodes and workers started at the same
// moment on an empty database wait for each other and the schema is migrated exactly once. The tables mirror
// sqlite-schema.ts column for column (booleans as boolean, times as text as there), so a column added to the
// SQLite archive ports here as one more migration with the same name and meaning.
import type { PoolClient } from 'pg';

/** Migration N (1-based) takes a database from version N-1 to N. Append only; never edit a released one. */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: the archive (as SQLite's migrations 1–3), the PDFs themselves, derived snapshots and the job queue.
  `
  CREATE TABLE meta (
    key   text PRIMARY KEY,
    value bigint NOT NULL
  );
  INSERT INTO meta (key, value) VALUES ('revision', 0);

  -- Every file ever offered for ingest, with its outcome. One row per distinct content: the UNIQUE constraint
  -- (not a look-up before the insert) is what keeps two workers racing on the same bytes to one row.
  CREATE TABLE source_files (
    id             bigserial PRIMARY KEY,
    path           text NOT NULL,
    name           text NOT NULL,
    sha256         text NOT NULL UNIQUE,
    size           integer NOT NULL,
    pages          integer,
    status         text NOT NULL CHECK (status IN ('ok', 'failed')),
    error_kind     text,
    error          text,
    error_page     integer,
    parser_version text NOT NULL,
    ingested_at    text NOT NULL,
    protocol_id    text
  );

  -- The PDFs, by content: a node needs nothing but the database to serve them.
  CREATE TABLE pdf_files (
    sha256 text PRIMARY KEY,
    bytes  bytea NOT NULL
  );

  CREATE TABLE protocols (
    id                  text PRIMARY KEY,
    source_id           bigint NOT NULL REFERENCES source_files (id),
    file                text NOT NULL,
    sha256              text NOT NULL,
    pages               integer NOT NULL,
    forvaltning         text,
    body                text,
    date                text,
    date_stated         boolean NOT NULL,
    place               text,
    chair               text,
    secretary           text,
    title               text,
    synthetic           boolean NOT NULL,
    absent_parties      jsonb NOT NULL,
    section_count       integer NOT NULL,
    question_count      integer NOT NULL,
    open_question_count integer NOT NULL,
    ingested_at         text NOT NULL
  );
  CREATE INDEX protocols_by_date ON protocols (date);

  CREATE TABLE attendees (
    protocol_id text NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    name        text NOT NULL,
    side        text NOT NULL,
    party       text,
    role        text,
    PRIMARY KEY (protocol_id, ordinal)
  );

  CREATE TABLE sections (
    protocol_id text NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    number      text NOT NULL,
    title       text NOT NULL,
    page        integer NOT NULL,
    text        text NOT NULL,
    PRIMARY KEY (protocol_id, ordinal)
  );

  CREATE TABLE utterances (
    protocol_id     text NOT NULL,
    section_ordinal integer NOT NULL,
    ordinal         integer NOT NULL,
    party           text,
    speaker         text,
    text            text NOT NULL,
    page            integer NOT NULL,
    PRIMARY KEY (protocol_id, section_ordinal, ordinal),
    FOREIGN KEY (protocol_id, section_ordinal) REFERENCES sections (protocol_id, ordinal) ON DELETE CASCADE
  );

  CREATE TABLE questions (
    id           text PRIMARY KEY,
    protocol_id  text NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,
    section      text NOT NULL,
    party        text,
    text         text NOT NULL,
    kind         text NOT NULL,
    status       text NOT NULL,
    answer_party text,
    answer_text  text,
    page         integer NOT NULL
  );
  CREATE INDEX questions_by_protocol ON questions (protocol_id, ordinal);
  CREATE INDEX questions_by_status ON questions (status);

  CREATE TABLE topic_mentions (
    protocol_id text NOT NULL REFERENCES protocols (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    topic       text NOT NULL,
    section     text NOT NULL,
    mentions    integer NOT NULL,
    PRIMARY KEY (protocol_id, ordinal)
  );
  CREATE INDEX topic_mentions_by_topic ON topic_mentions (topic);

  -- Files derived from the archive (the saved search index, the analytics snapshot), built once by one node and
  -- loaded by every other: the label says what archive state they were built from.
  CREATE TABLE derived_files (
    bundle     text NOT NULL,
    name       text NOT NULL,
    label      text NOT NULL,
    bytes      bytea NOT NULL,
    PRIMARY KEY (bundle, name)
  );

  -- Slow work as jobs: kind + payload, leased by one worker at a time (FOR UPDATE SKIP LOCKED) until
  -- lease_until; a worker that dies leaves its lease to run out and the job is leased again, up to max_tries.
  CREATE TABLE jobs (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL,
    payload     jsonb NOT NULL,
    dedupe_key  text,
    state       text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    tries       integer NOT NULL DEFAULT 0,
    max_tries   integer NOT NULL,
    lease_until timestamptz,
    worker      text,
    result      jsonb,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  );
  CREATE INDEX jobs_waiting ON jobs (kind, id) WHERE state IN ('queued', 'running');
  -- The same work asked for twice while the first is still waiting or running is one job.
  CREATE UNIQUE INDEX jobs_one_pending ON jobs (kind, dedupe_key) WHERE state IN ('queued', 'running');
  `,
  // 2: accounts and human corrections, as SQLite's migration 4. Corrections reference protocols by id without a
  // foreign key: re-ingesting a protocol rewrites its parsed rows, and the corrections must outlive that.
  `
  CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    role          text NOT NULL CHECK (role IN ('läsare', 'redaktör', 'admin')),
    password_hash text,
    oidc_subject  text UNIQUE,
    created_at    text NOT NULL
  );

  CREATE TABLE sessions (
    id_hash    text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL
  );
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE api_tokens (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    created_at text NOT NULL,
    revoked_at text
  );

  CREATE TABLE corrections (
    id          bigserial PRIMARY KEY,
    protocol_id text NOT NULL,
    field       text NOT NULL,
    target      text NOT NULL,
    value       json NOT NULL,
    before      json NOT NULL,
    note        text,
    author      text NOT NULL,
    created_at  text NOT NULL,
    undoes      bigint REFERENCES corrections (id)
  );
  CREATE INDEX corrections_by_protocol ON corrections (protocol_id, id);
  `,
  // 3: similar questions, as SQLite's migration 5: each question's analysed terms and its list of closest
  // questions, worked out at ingest (ingest/similar/). A list entry naming a question removed since is skipped on
  // reading.
  `
  CREATE TABLE question_features (
    question_id text PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    features    jsonb NOT NULL
  );
  CREATE TABLE question_neighbours (
    question_id text PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    neighbours  jsonb NOT NULL
  );
  `,
  // 4: scanned protocols read by OCR, as SQLite's migration 6: the protocol is marked (its text may hold
  // misreadings), and the OCR'd copy of the file — the same pages with a text layer — is kept by the original's
  // hash beside the original and is the PDF the protocol view shows.
  `
  ALTER TABLE protocols ADD COLUMN ocr boolean NOT NULL DEFAULT false;
  CREATE TABLE ocr_pdf_files (
    sha256 text PRIMARY KEY,
    bytes  bytea NOT NULL
  );
  `,
  // 5: watches, as SQLite's migration 7 (ingest/store/watches.ts).
  `
  CREATE TABLE watches (
    id              bigserial PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('search', 'question')),
    query           text NOT NULL DEFAULT '',
    filters         jsonb NOT NULL DEFAULT '{}',
    question_id     text,
    feed_token_hash text NOT NULL UNIQUE,
    created_at      text NOT NULL,
    last_seen_hit   bigint NOT NULL DEFAULT 0
  );
  CREATE INDEX watches_by_user ON watches (user_id);
  CREATE TABLE watch_hits (
    id          bigserial PRIMARY KEY,
    watch_id    bigint NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    protocol_id text NOT NULL,
    found_at    text NOT NULL,
    UNIQUE (watch_id, protocol_id)
  );
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Key of the advisory lock held while migrating (any constant unique to this program). */
const MIGRATION_LOCK = 7_251_901;

/** Applies the migrations the database is missing, each in its own transaction, under the migration lock. */
export async function migratePostgres(client: PoolClient, target = PG_SCHEMA_VERSION): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const current = rows[0].version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(`archive database has schema version ${current}, newer than this program's ${PG_SCHEMA_VERSION}`);
    }
    for (let version = current + 1; version <= target; version++) {
      await client.query('BEGIN');
      try {
        await client.query(PG_MIGRATIONS[version - 1]);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
