// The job queue in the PostgreSQL database (server mode): any kind of slow work as (kind, payload) rows that
// workers on any machine lease with FOR UPDATE SKIP LOCKED. A lease runs out unless its worker extends it, so
// the job of a worker that died (kill -9, machine lost) is leased again by another; each lease counts a try,
// and a job leased more than `max_tries` times is handed to its kind's give-up step instead of being run again.
// Work asked for twice while the first is still pending is one job (a partial UNIQUE index decides, not a look-up).
import type pg from 'pg';

export interface JobSpec {
  kind: string;
  payload: unknown;
  /** Jobs of the same kind with the same key are one job while it is queued or running. */
  dedupeKey?: string;
  /** Leases before the job is given up (a file that crashes its worker every time). */
  maxTries?: number;
}

export interface LeasedJob {
  id: number;
  kind: string;
  payload: unknown;
  /** Leases so far, this one included. */
  tries: number;
  maxTries: number;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobStatus {
  id: number;
  state: JobState;
  result: unknown;
  error: string | null;
}

export const DEFAULT_MAX_TRIES = 3;

interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  tries: number;
  max_tries: number;
}

export class JobQueue {
  constructor(private readonly pool: pg.Pool) {}

  /** Adds a job, or finds the pending one with the same kind and key; returns its id. */
  async enqueue(spec: JobSpec): Promise<number> {
    for (;;) {
      const inserted = await this.pool.query<{ id: string }>(
        `INSERT INTO jobs (kind, payload, dedupe_key, max_tries) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, dedupe_key) WHERE state IN ('queued', 'running') DO NOTHING RETURNING id`,
        [spec.kind, JSON.stringify(spec.payload), spec.dedupeKey ?? null, spec.maxTries ?? DEFAULT_MAX_TRIES],
      );
      if (inserted.rows[0]) return Number(inserted.rows[0].id);
      const pending = await this.pool.query<{ id: string }>(
        "SELECT id FROM jobs WHERE kind = $1 AND dedupe_key = $2 AND state IN ('queued', 'running')",
        [spec.kind, spec.dedupeKey],
      );
      // Gone between the two statements (it just finished): then this is new work, and the insert goes through.
      if (pending.rows[0]) return Number(pending.rows[0].id);
    }
  }

  /**
   * Leases the oldest job of these kinds that is queued or whose lease ran out (only among `ids` when given),
   * for `leaseMs`; null when there is none.
   */
  async lease(kinds: string[], worker: string, leaseMs: number, ids?: number[]): Promise<LeasedJob | null> {
    const { rows } = await this.pool.query<JobRow>(
      `WITH next AS (
         SELECT id FROM jobs
         WHERE kind = ANY($1) AND (state = 'queued' OR (state = 'running' AND lease_until < now()))
           AND ($4::bigint[] IS NULL OR id = ANY($4))
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       UPDATE jobs SET state = 'running', tries = tries + 1, worker = $2, lease_until = now() + $3 * interval '1 millisecond'
       FROM next WHERE jobs.id = next.id
       RETURNING jobs.id, jobs.kind, jobs.payload, jobs.tries, jobs.max_tries`,
      [kinds, worker, leaseMs, ids ?? null],
    );
    const row = rows[0];
    return row ? { id: Number(row.id), kind: row.kind, payload: row.payload, tries: row.tries, maxTries: row.max_tries } : null;
  }

  /** Extends a lease this worker holds; false when it lost it (ran out and was leased by another). */
  async extend(job: LeasedJob, worker: string, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = $1 AND worker = $2 AND state = 'running' AND tries = $4`,
      [job.id, worker, leaseMs, job.tries],
    );
    return rowCount === 1;
  }

  async complete(job: LeasedJob, result: unknown): Promise<void> {
    await this.pool.query(
      "UPDATE jobs SET state = 'done', result = $2, error = NULL, lease_until = NULL, finished_at = now() WHERE id = $1",
      [job.id, JSON.stringify(result ?? null)],
    );
  }

  /** Records a failed try: queued again while tries remain, failed for good after the last. */
  async fail(job: LeasedJob, error: string, result?: unknown): Promise<void> {
    const final = job.tries >= job.maxTries;
    await this.pool.query(
      `UPDATE jobs SET state = $2, error = $3, result = $4, lease_until = NULL, finished_at = CASE WHEN $2 = 'failed' THEN now() END
       WHERE id = $1`,
      [job.id, final ? 'failed' : 'queued', error, JSON.stringify(result ?? null)],
    );
  }

  /** The newest job of a kind whose key starts with `prefix` (a content hash asked after by its first digits). */
  async latestByKey(kind: string, prefix: string): Promise<(JobStatus & { payload: unknown; createdAt: string }) | undefined> {
    const { rows } = await this.pool.query<{ id: string; state: JobState; result: unknown; error: string | null; payload: unknown; created_at: Date }>(
      `SELECT id, state, result, error, payload, created_at FROM jobs
       WHERE kind = $1 AND starts_with(dedupe_key, $2) ORDER BY id DESC LIMIT 1`,
      [kind, prefix],
    );
    const row = rows[0];
    return row && { id: Number(row.id), state: row.state, result: row.result, error: row.error, payload: row.payload, createdAt: row.created_at.toISOString() };
  }

  async status(ids: number[]): Promise<JobStatus[]> {
    const { rows } = await this.pool.query<{ id: string; state: JobState; result: unknown; error: string | null }>(
      'SELECT id, state, result, error FROM jobs WHERE id = ANY($1)',
      [ids],
    );
    return rows.map((r) => ({ id: Number(r.id), state: r.state, result: r.result, error: r.error }));
  }
}
