// Server mode: the files a node derives from the archive — the saved search index (dataDir/index) and the
// analytics snapshot — shared through the database, so that one node builds them and every other node (and every
// restart) loads them instead of rereading the archive. A node restores the shared bundle into its own cache
// folder before it starts, and publishes its files when they are newer than the shared ones. Both happen under
// one advisory lock, so nodes starting together on a large archive wait for the first build instead of each
// building their own.
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PostgresStore } from '../ingest/store/postgres.ts';

const BUNDLE = 'node-cache';
/** Advisory lock key for building and publishing the shared files (any constant unique to this program). */
export const SNAPSHOT_LOCK = 7_251_902;

/** The files of the cache folder that are worth sharing, relative to it. */
const SHARED = ['index', 'analytics-snapshot.json'];

interface Label {
  /** Archive revision the search index was saved at. */
  revision: number;
  /** The analytics snapshot's key line (code, revision, counts), when one is saved. */
  analytics: string | null;
}

async function localLabel(dir: string): Promise<Label | null> {
  try {
    const state = JSON.parse(await readFile(join(dir, 'index', 'state.json'), 'utf8')) as { revision: number };
    let analytics: string | null = null;
    try {
      analytics = await firstLine(join(dir, 'analytics-snapshot.json'));
    } catch {
      analytics = null;
    }
    return { revision: state.revision, analytics };
  } catch {
    return null;
  }
}

/** The snapshot's key line, without reading the tens of MB after it. */
async function firstLine(path: string): Promise<string> {
  const file = await open(path);
  try {
    let head = '';
    const chunk = Buffer.alloc(4096);
    for (let at = 0; ; at += chunk.length) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, at);
      head += chunk.toString('utf8', 0, bytesRead);
      const end = head.indexOf('\n');
      if (end >= 0) return head.slice(0, end);
      if (bytesRead < chunk.length) return head;
    }
  } finally {
    await file.close();
  }
}

async function filesUnder(dir: string, names: string[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const path = join(dir, name);
    let entries: string[] | null = null;
    try {
      entries = await readdir(path);
    } catch {
      entries = null;
    }
    if (entries) {
      // Half-written files of a save in progress are not part of the index.
      for (const entry of entries.filter((e) => !e.endsWith('.tmp') && !e.endsWith('.partial'))) {
        files.set(`${name}/${entry}`, new Uint8Array(await readFile(join(path, entry))));
      }
    } else {
      try {
        files.set(name, new Uint8Array(await readFile(path)));
      } catch {
        // Not saved (yet): nothing to share.
      }
    }
  }
  return files;
}

/** Writes the shared files into `dir`; false when none are shared yet. */
export async function restoreShared(store: PostgresStore, dir: string): Promise<boolean> {
  const bundle = await store.loadDerived(BUNDLE);
  if (!bundle) return false;
  for (const [name, bytes] of bundle.files) {
    // Names come from our own bundle, written by publishShared below; still, never outside `dir`.
    if (name.split('/').some((part) => part === '..' || part === '')) continue;
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  return true;
}

/** Shares this node's files when they are newer than the shared ones (or add the analytics snapshot to them). */
export async function publishShared(store: PostgresStore, dir: string): Promise<boolean> {
  const local = await localLabel(dir);
  if (!local) return false;
  const shared = await store.loadDerivedLabel(BUNDLE);
  const theirs = shared ? (JSON.parse(shared) as Label) : null;
  const newer =
    !theirs ||
    local.revision > theirs.revision ||
    (local.revision === theirs.revision && local.analytics !== null && local.analytics !== theirs.analytics);
  if (!newer) return false;
  const files = await filesUnder(dir, SHARED);
  // The index saved again while it was being read: its files may be of two saves; share it next time instead.
  if (JSON.stringify(await localLabel(dir)) !== JSON.stringify(local)) return false;
  await store.saveDerived(BUNDLE, { label: JSON.stringify(local), files });
  return true;
}
