// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, started on a free port on 127.0.0.1,
// one database per caller, removed afterwards. PostgreSQL refuses to run as root, so under root the cluster
// belongs to the `postgres` system user (Debian's postgresql-15 package creates it). Without the binaries the
// PostgreSQL tests are skipped with `pgUnavailable` as the visible reason.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim().split('\n').map(Number);
    return { uid, gid: gid ?? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()) };
  } catch {
    return null;
  }
}

const isRoot = userInfo().uid === 0;

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export const pgUnavailable: string | null = !existsSync(join(BIN, 'initdb'))
  ? `PostgreSQL binaries not found in ${BIN} (install Debian's postgresql-15)`
  : isRoot && !postgresUser()
    ? 'running as root and there is no postgres user to run PostgreSQL as'
    : null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  port: number;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its data (to test a database that goes away and comes back). */
  stop(): void;
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}

export async function startCluster(): Promise<Cluster> {
  if (pgUnavailable) throw new Error(pgUnavailable);
  const dir = mkdtempSync(join(tmpdir(), 'pa-pg-'));
  const owner = isRoot ? postgresUser()! : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (tool: string, args: string[]) =>
    execFileSync(isRoot ? 'runuser' : join(BIN, tool), isRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dir,
    });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // Durability is not what the tests are about: fsync off keeps them quick on a busy machine.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  return {
    port,
    async createDatabase(name: string) {
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      try {
        if (running) stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
