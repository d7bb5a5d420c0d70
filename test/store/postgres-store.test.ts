// The PostgreSQL archive (server mode) on a real throwaway cluster: the same store contract as SQLite, plus what
// only a shared database has (the accounts and corrections contract runs here too) — processes starting at once on an empty database migrate it once, and a database
// written by a newer version is refused.
import { randomBytes } from 'node:crypto';
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

  it('gives back the shared node files byte for byte, files of several chunks included, and replaces them whole', async () => {
    const store = await openPostgresStore(await freshUrl());
    expect(await store.loadDerived('cache')).toBeUndefined();
    // Random bytes do not compress: 2.5 MB stays three chunks of at most 1 MB.
    const big = new Uint8Array(randomBytes(2_500_000));
    const text = new TextEncoder().encode('{"revision":7}\n'.repeat(50_000));
    await store.saveDerived('cache', { label: 'first', files: new Map([['index/postings.bin', big], ['state.json', text]]) });
    const { rows } = await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM derived_files WHERE name LIKE 'index/postings.bin%'");
    expect(rows[0].n).toBe(3);
    const loaded = await store.loadDerived('cache');
    expect(loaded?.label).toBe('first');
    expect(Buffer.from(loaded!.files.get('index/postings.bin')!).equals(Buffer.from(big))).toBe(true);
    expect(Buffer.from(loaded!.files.get('state.json')!).equals(Buffer.from(text))).toBe(true);
    expect(await store.loadDerivedLabel('cache')).toBe('first');

    await store.saveDerived('cache', { label: 'second', files: new Map([['state.json', new Uint8Array([1, 2, 3])]]) });
    const again = await store.loadDerived('cache');
    expect([...again!.files.keys()]).toEqual(['state.json']);
    expect([...again!.files.get('state.json')!]).toEqual([1, 2, 3]);
    await store.close();
  });

  it('treats node files saved whole by an older version as none, so a node builds and shares them anew', async () => {
    const store = await openPostgresStore(await freshUrl());
    await store.pool.query("INSERT INTO derived_files (bundle, name, label, bytes) VALUES ('cache', 'state.json', 'old', '\\x7b7d')");
    expect(await store.loadDerived('cache')).toBeUndefined();
    expect(await store.loadDerivedLabel('cache')).toBeUndefined();
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
