// The SQLite archive (embedded mode): the store contract on real database files, plus what only a file
// archive has — archives made by older versions are migrated, and one written by a newer version is refused.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../ingest/store/sqlite-schema.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import { archiveStoreContract, hashOf, protocolOf, sourceOf } from './archive-store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dbCount = 0;
const freshPath = () => join(dir, `archive-${++dbCount}.sqlite`);

describe('the SQLite archive', () => {
  archiveStoreContract(async () => {
    const path = freshPath();
    return { open: async () => openStore(path) };
  });

  it('migrates an archive made with the first schema and keeps its data', async () => {
    const path = freshPath();
    const old = new Database(path);
    migrate(old, 1);
    old.prepare(
      `INSERT INTO source_files (path, sha256, size, pages, status, error_kind, error, parser_version, ingested_at, protocol_id)
       VALUES ('/old/archive/gammalt.pdf', ?, 10, NULL, 'failed', 'encrypted', 'encrypted: the PDF needs a password to open', '0', '2024-01-01T00:00:00.000Z', NULL)`,
    ).run(hashOf(77));
    old.close();

    const store = openStore(path);
    expect(await store.findSource(hashOf(77))).toMatchObject({
      name: 'gammalt.pdf',
      path: '/old/archive/gammalt.pdf',
      errorKind: 'encrypted',
      errorPage: null,
      parserVersion: '0',
    });
    await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
    expect((await store.counts()).protocols).toBe(1);
    await store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('refuses an archive written by a newer version instead of damaging it', () => {
    const path = freshPath();
    const newer = new Database(path);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openStore(path)).toThrow(/newer than this program/);
  });
});
