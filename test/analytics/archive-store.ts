// A real archive store (SQLite, in memory unless a path is given) holding the given protocols, for analytics
// tests and the analytics benchmark.
import type { Protocol } from '../../ingest/model.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, IngestOutcome } from '../../ingest/store/types.ts';

export async function storeWith(protocols: Protocol[], path = ':memory:'): Promise<ArchiveStore> {
  const store = openStore(path);
  const outcomes: IngestOutcome[] = protocols.map((protocol) => ({
    ok: true,
    protocol,
    source: { path: protocol.source.file, sha256: protocol.source.sha256, size: 1, pages: protocol.source.pages },
  }));
  for (let i = 0; i < outcomes.length; i += 500) await store.saveOutcomes(outcomes.slice(i, i + 500), 'test');
  return store;
}
