// Server mode as an operator runs it: app nodes and ingest workers as separate processes on one PostgreSQL
// database. Two nodes starting at once on an empty database both come up (and serve an empty archive); an upload
// to node A is found by a search on node B within 5 s and its PDF is served by B; bad input gets the same errors
// as embedded; a worker killed with SIGKILL in the middle of a batch of 40 files loses nothing and duplicates
// nothing once another worker finishes; a job that kills its workers every time ends as a failed source with its
// reason; and a node whose database goes away answers /readyz 503, says so in its log, and recovers by itself.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, planArchive } from '../../ingest/generate/archive.ts';
import { enqueueIngest, ingestJobHandler } from '../../ingest/jobs/ingest-job.ts';
import { JobQueue } from '../../ingest/jobs/queue.ts';
import { startRunner } from '../../ingest/jobs/runner.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { startParsePool } from '../../ingest/run/parse-pool.ts';
import { openPostgresStore, type PostgresStore } from '../../ingest/store/postgres.ts';
import { pgUnavailable, startCluster, type Cluster } from '../pg-cluster.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CORPUS = join(ROOT, 'test/fixtures/corpus');
const TOKEN = 'hemligt-admin-token';

interface Proc {
  child: ChildProcess;
  log: () => string;
}

interface Node extends Proc {
  base: string;
}

let cluster: Cluster | undefined;
let url = '';
let store: PostgresStore;
const procs: Proc[] = [];
const work = mkdtempSync(join(tmpdir(), 'multi-node-'));

function start(script: string, env: Record<string, string>, args: string[] = []): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CACHE_DIR: work, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const proc = { child, log: () => log };
  procs.push(proc);
  return proc;
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(check()).catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startNode(): Promise<Node> {
  const proc = start('server/main.ts', { PORT: '0', ADMIN_TOKEN: TOKEN });
  const port = await until('the node to listen', () => /http:\/\/localhost:(\d+)\//.exec(proc.log())?.[1], 60_000);
  return { ...proc, base: `http://127.0.0.1:${port}` };
}

async function stopProc(proc: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill(signal);
  await exited;
}

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

async function upload(node: Node, bytes: Uint8Array, name: string) {
  return json(
    await fetch(`${node.base}/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/pdf' },
      body: Buffer.from(bytes),
    }),
  );
}

async function count(sql: string): Promise<number> {
  const { rows } = await store.pool.query<{ n: number }>(sql);
  return rows[0].n;
}

// Child processes on a busy machine: each step may take minutes (the batch of 40 is parsed by real workers).
describe.skipIf(pgUnavailable)(`server mode with several nodes and workers${pgUnavailable ? ` (skipped: ${pgUnavailable})` : ''}`, { timeout: 300_000 }, () => {
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    cluster = await startCluster();
    url = await cluster.createDatabase('shared');
  });

  afterAll(async () => {
    for (const proc of procs) await stopProc(proc, 'SIGKILL');
    await store?.close();
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('brings up two nodes started at the same moment on an empty database, serving an empty archive', async () => {
    [a, b] = await Promise.all([startNode(), startNode()]);
    for (const node of [a, b]) {
      expect(await json(await fetch(`${node.base}/readyz`))).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect((await json(await fetch(`${node.base}/healthz`))).status).toBe(200);
      expect((await json(await fetch(`${node.base}/api/status`))).body).toMatchObject({ protocols: 0, sections: 0 });
    }
    store = await openPostgresStore(url);
    expect(await count('SELECT count(*)::int AS n FROM schema_migrations')).toBeGreaterThan(0);
  });

  it('finds a PDF uploaded to node A by a search on node B within 5 seconds, and B serves the PDF', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf')));
    const sent = Date.now();
    const { status, body } = await upload(a, bytes, 'Skärholmen december.pdf');
    // From the moment node A answered the upload (parsed and stored in the shared archive).
    const uploaded = Date.now();
    expect(status).toBe(201);
    expect(body).toEqual({ protocolId: sha256(bytes).slice(0, 16), status: 'ingested' });
    // A word of one of its section titles, as a user who read the protocol would search for it.
    const protocol = (await json(await fetch(`${a.base}/api/protocols/${body.protocolId}`))).body as { sections: Array<{ title: string }> };
    const word = protocol.sections.map((s) => s.title.match(/\p{L}{7,}/u)?.[0]).find(Boolean)!;
    const hit = await until(
      'the upload to be searchable on node B',
      async () => {
        const { body: found } = await json(await fetch(`${b.base}/api/search?q=${encodeURIComponent(word)}&pageSize=50`));
        return (found.hits as Array<{ protocolId: string }>).find((h) => h.protocolId === body.protocolId);
      },
      10_000,
    );
    const waited = Date.now() - uploaded;
    console.log(`upload to node A answered in ${uploaded - sent} ms, searchable on node B ${waited} ms later`);
    expect(hit).toBeDefined();
    expect(waited).toBeLessThanOrEqual(5000);

    const pdf = await fetch(`${b.base}/api/protocols/${body.protocolId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(sha256(new Uint8Array(await pdf.arrayBuffer()))).toBe(sha256(bytes));
    // The same bytes again, to the other node: the same protocol, nothing stored twice.
    expect((await upload(b, bytes, 'kopia.pdf')).body).toEqual({ protocolId: body.protocolId, status: 'unchanged' });
    expect(await count('SELECT count(*)::int AS n FROM pdf_files')).toBe(1);
  });

  it('gives bad uploads the same specific errors as embedded mode', async () => {
    const encrypted = new Uint8Array(readFileSync(join(CORPUS, 'bad', 'encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf')));
    expect(await upload(b, encrypted, 'låst.pdf')).toEqual({ status: 422, body: { error: 'encrypted: the PDF needs a password to open' } });
    const notPdf = new TextEncoder().encode('det här är ingen pdf');
    expect(await upload(a, notPdf, 'text.pdf')).toEqual({ status: 422, body: { error: 'not a PDF: the file does not start with a PDF header' } });
    const sources = (await json(await fetch(`${a.base}/api/sources`))).body;
    expect(sources.summary).toEqual({ ok: 1, failed: 2 });
  });

  it('loses nothing and duplicates nothing when a worker is killed with SIGKILL in the middle of a batch of 40 files', async () => {
    const queue = new JobQueue(store.pool);
    const plan = planArchive({ seed: 23, forvaltningar: 2, from: '2023-01', to: '2025-12', protocols: 40 });
    const hashes = new Set<string>();
    for await (const generated of generateArchive(plan)) {
      hashes.add(sha256(generated.bytes));
      await enqueueIngest(store, queue, { path: generated.file, bytes: generated.bytes });
    }
    expect(hashes.size).toBe(40);
    const before = await count("SELECT count(*)::int AS n FROM jobs WHERE state = 'done'");

    const doomed = start('ingest/cli/worker.ts', { JOB_LEASE_MS: '2000' }, ['--jobs', '2']);
    await until('the first worker to finish a few files', async () => (await count("SELECT count(*)::int AS n FROM jobs WHERE state = 'done'")) >= before + 3 || undefined, 120_000);
    await stopProc(doomed, 'SIGKILL');
    const running = await count("SELECT count(*)::int AS n FROM jobs WHERE state = 'running'");
    expect(running, 'the killed worker held jobs').toBeGreaterThan(0);

    start('ingest/cli/worker.ts', { JOB_LEASE_MS: '2000' }, ['--jobs', '2']);
    await until('the second worker to finish the batch', async () => (await count("SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')")) === 0 || undefined, 240_000);

    expect(await count("SELECT count(*)::int AS n FROM jobs WHERE state = 'failed'")).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM jobs WHERE tries > 1'), 'jobs of the killed worker leased again').toBeGreaterThan(0);
    const sources = await store.listSources();
    const batch = sources.filter((s) => hashes.has(s.sha256));
    expect(batch).toHaveLength(40);
    expect(batch.every((s) => s.status === 'ok')).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM protocols')).toBe(41);
    expect(await count('SELECT count(*)::int AS n FROM (SELECT protocol_id, ordinal FROM sections GROUP BY 1, 2 HAVING count(*) > 1) d')).toBe(0);
    // Both nodes see the whole batch.
    for (const node of [a, b]) {
      await until('the node to see the batch', async () => (await json(await fetch(`${node.base}/api/status`))).body.protocols === 41 || undefined, 10_000);
    }
  });

  it('ends a file that kills its workers every time as a failed source with its reason, after a bounded number of tries', async () => {
    const queue = new JobQueue(store.pool);
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'hagersten-alvsjo-fvg-2024-03-12.pdf')));
    const hash = sha256(bytes);
    await store.putBytes(hash, bytes);
    const id = await queue.enqueue({ kind: 'test-crash', payload: { sha256: hash, path: 'dödlig.pdf', name: 'dödlig.pdf', size: bytes.byteLength }, maxTries: 2 });
    // Two workers that each lease the job and die (their leases simply run out).
    for (let i = 0; i < 2; i++) {
      expect(await queue.lease(['test-crash'], `dead-${i}`, 1, [id])).toMatchObject({ id, tries: i + 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    let pool: ReturnType<typeof startParsePool> | undefined;
    const handler = ingestJobHandler(store, () => (pool ??= startParsePool({ size: 1 })));
    const runner = startRunner({ queue, handlers: { 'test-crash': handler }, concurrency: 1, idleMs: 50, only: () => [id] });
    await until('the job to be given up', async () => (await queue.status([id]))[0].state === 'failed' || undefined, 20_000);
    await runner.stop();
    await pool?.close();
    expect(await store.findSource(hash)).toMatchObject({
      status: 'failed',
      errorKind: 'parser_stopped',
      error: 'parser stopped: the ingest worker died 2 times while parsing this file',
      name: 'dödlig.pdf',
    });
  });

  it('ingests with `npm run ingest` into the database with the same summary as embedded, and everything unchanged the second time', async () => {
    const folder = join(work, 'protokoll');
    mkdirSync(folder);
    cpSync(join(CORPUS, 'hagersten-alvsjo-fvg-2025-01-14.pdf'), join(folder, 'hagersten.pdf'));
    cpSync(join(CORPUS, 'bad', 'encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf'), join(folder, 'Låst.PDF'));
    writeFileSync(join(folder, '.dold.pdf'), 'hidden files are skipped');
    const cliUrl = await cluster!.createDatabase('cli');
    const ingest = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'ingest/cli/ingest.ts', folder, '--jobs', '1'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: cliUrl },
      });
    const first = await ingest();
    expect(first.stdout).toContain('2 file(s): 1 ingested, 0 unchanged, 1 failed');
    expect(first.stdout).toMatch(/Låst\.PDF: encrypted: the PDF needs a password to open/);
    expect(first.stderr).toMatch(/2\/2 files/);
    const second = await ingest();
    expect(second.stdout).toContain('2 file(s): 0 ingested, 2 unchanged (1 of them failed before), 0 failed');
  });

  it('answers /readyz 503 with a clear log line while the database is down, and recovers by itself', async () => {
    cluster!.stop();
    const down = await until('readyz to report the outage', async () => {
      const res = await fetch(`${a.base}/readyz`);
      return res.status === 503 ? await res.json() : undefined;
    }, 15_000);
    expect(down).toEqual({ status: 'unavailable', error: 'the archive database cannot be reached' });
    expect(a.log()).toMatch(/the archive database cannot be reached: /);
    expect(a.log()).not.toContain('postgres://');
    // Search answers from the node's own index meanwhile.
    expect((await fetch(`${a.base}/api/search?q=sjukfr%C3%A5nvaro`)).status).toBe(200);

    cluster!.start();
    await until('readyz to recover', async () => (await fetch(`${a.base}/readyz`)).status === 200 || undefined, 20_000);
    await until('the log to say so', () => /reachable again/.test(a.log()) || undefined, 10_000);
    expect((await json(await fetch(`${b.base}/api/status`))).body.protocols).toBe(41);
  });
});
