// Runs the accounts and corrections contract (accounts-corrections-contract.ts) over the SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../ingest/store/sqlite.ts';
import { accountsAndCorrectionsContract } from './accounts-corrections-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'contract-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;

accountsAndCorrectionsContract('SQLite store', async () => openStore(join(dir, `archive-${++count}.sqlite`)));
