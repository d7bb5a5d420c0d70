// The analytics snapshot saved beside the archive, so a restarted server answers analytics at once instead of
// reading every protocol again. A saved snapshot is used only for the very archive and code it was computed
// from: its key holds the store's revision and counts and a fingerprint of the analytics code and taxonomy, and
// anything else means a fresh build. The key is the file's first line, so a stale file is rejected unparsed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import type { AnalyticsSnapshot, SnapshotData } from './snapshot.ts';

const ANALYTICS_DIR = new URL('./', import.meta.url);
const TAXONOMY_FILE = new URL('../../ingest/data/topics.json', import.meta.url);

/** Changes whenever the analytics code or the topic taxonomy changes, so no saved result outlives the code. */
const CODE_FINGERPRINT = (() => {
  const hash = createHash('sha256');
  for (const file of readdirSync(ANALYTICS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(file).update(readFileSync(new URL(file, ANALYTICS_DIR)));
  }
  try {
    hash.update(readFileSync(TAXONOMY_FILE));
  } catch {
    hash.update('no taxonomy file');
  }
  return hash.digest('hex').slice(0, 16);
})();

export async function snapshotKey(store: ArchiveStore): Promise<string> {
  const [revision, counts] = await Promise.all([store.revision(), store.counts()]);
  return JSON.stringify({ code: CODE_FINGERPRINT, revision, counts });
}

/** The saved data when the file exists and was saved under this key; null otherwise. */
export async function loadSnapshot(file: string, key: string): Promise<SnapshotData | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== key) return null;
  try {
    return JSON.parse(text.slice(newline + 1)) as SnapshotData;
  } catch {
    return null;
  }
}

/** Writes to a temporary file first, so a crash mid-write never leaves a half file under the real name. */
export async function saveSnapshot(file: string, key: string, snapshot: AnalyticsSnapshot): Promise<void> {
  const data: SnapshotData = {
    revision: snapshot.revision,
    buildMs: snapshot.buildMs,
    topics: snapshot.topics,
    topicFacts: snapshot.topicFacts,
    emerging: snapshot.emerging,
    questions: snapshot.questions,
  };
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, `${key}\n${JSON.stringify(data)}`);
  await rename(partial, file);
}
