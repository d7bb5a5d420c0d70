// The PostgreSQL archive (server mode) on a real throwaway cluster: the same store contract as SQLite, plus what
// only a shared database has (the accounts and corrections contract runs here too) — processes starting at once on an empty database migrate it once, and a database
// written by a newer version is refused.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_SCHEMA_VERSION } from '../../ingest/store/postgres-schema.ts';
import { openPostgresStore } from '../../ingest/store/postgres.ts';
import { pgUnavailable, startCluster, type Cluster } from '../pg-cluster.ts';
import { accountsAndCorrectionsContract } from './accounts-corrections-contract.ts';
import { archiveStoreContract, hashOf, protocolOf, sourceOf } from './archive-store-contract.ts';

let cluster: Cluster;
let dbCount = 0;
const freshUrl = () => cluster.createDatabase(`archive_${++dbCount}`);

describe.skipIf(pgUnavailable)(`the PostgreSQL archive${pgUnavailable ? ` (skipped: ${pgUnavailable})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(() => cluster?.destroy());

  archiveStoreContract(async () => {
    const url = await freshUrl();
    return { open: () => openPostgresStore(url) };
  });

  accountsAndCorrectionsContract('PostgreSQL store', async () => openPostgresStore(await freshUrl()));

  it('migrates an empty database once when several processes open it at the same moment', async () => {
    const url = await freshUrl();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
    await stores[0].saveProtocol(sourceOf(1), protocolOf(1), '1');
    for (const store of stores) expect((await store.counts()).protocols).toBe(1);
    const { rows } = await stores[0].pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps the PDF bytes in the database, once per content', async () => {
    const url = await freshUrl();
    const store = await openPostgresStore(url);
    await store.saveProtocol(sourceOf(2), protocolOf(2), '1');
    await store.saveProtocol({ ...sourceOf(2), path: '/elsewhere/kopia.pdf', name: 'kopia.pdf' }, protocolOf(2), '1');
    const { rows } = await store.pool.query('SELECT sha256 FROM pdf_files');
    expect(rows).toEqual([{ sha256: hashOf(2) }]);
    expect(await store.readPdf(hashOf(2).slice(0, 16))).toMatchObject({ file: 'kopia.pdf' });
    await store.close();
  });

  it('refuses a database written by a newer version instead of damaging it', async () => {
    const url = await freshUrl();
    (await openPostgresStore(url)).close();
    const client = new pg.Client(url);
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [PG_SCHEMA_VERSION + 1]);
    await client.end();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer than this program/);
  });
});
