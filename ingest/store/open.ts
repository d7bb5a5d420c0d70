// Picks the archive store from the environment: PostgreSQL (server mode) when DATABASE_URL is set, else the
// embedded SQLite file. The only place outside the two stores that knows there are two.
import { join } from 'node:path';
import { openStore } from './sqlite.ts';
import { openPostgresStore, type PostgresStore } from './postgres.ts';
import type { ArchiveStore } from './types.ts';

export type OpenedArchive =
  | { mode: 'embedded'; store: ArchiveStore; sqlitePath: string }
  | { mode: 'server'; store: PostgresStore };

export interface OpenArchiveOptions {
  /** postgres://… — server mode. */
  databaseUrl?: string;
  /** The SQLite file used without a database URL. */
  sqlitePath: string;
  onConnectionError?: (err: Error) => void;
}

export async function openArchive(options: OpenArchiveOptions): Promise<OpenedArchive> {
  if (options.databaseUrl) {
    return { mode: 'server', store: await openPostgresStore(options.databaseUrl, { onConnectionError: options.onConnectionError }) };
  }
  return { mode: 'embedded', store: openStore(options.sqlitePath), sqlitePath: options.sqlitePath };
}

/** The SQLite file of the embedded archive: $DATA_DIR/archive.sqlite, DATA_DIR defaulting to data/. */
export function defaultSqlitePath(): string {
  return join(process.env.DATA_DIR ?? 'data', 'archive.sqlite');
}
