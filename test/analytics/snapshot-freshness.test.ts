// Analytics follow the archive: a change shows in the next answer, unless rebuilding takes longer than a request
// should wait — then the request gets the previous figures and a later one the new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore, StoredProtocol } from '../../ingest/store/types.ts';
import { LiveAnalytics } from '../../server/analytics/live-analytics.ts';
import { protocolOf, storeOf, type HandMadeMeeting } from './hand-made.ts';

const meeting = (date: string): HandMadeMeeting => ({
  forvaltning: 'Farsta',
  date,
  sections: [{ title: 'Övriga frågor', questions: [{ party: 'Kommunal', text: `Kommunal undrar om schemat ${date}.`, status: 'answered', answer: 'Arbetsgivaren svarar ja.' }] }],
});

/** The store, with reading its protocols held back until `release()` while `slow` is set. */
function withSlowReads(store: ArchiveStore) {
  let gate: Promise<void> = Promise.resolve();
  let release = () => {};
  const slowed: ArchiveStore = Object.create(store);
  slowed.protocols = async function* (): AsyncIterable<StoredProtocol> {
    await gate;
    yield* store.protocols();
  };
  return {
    store: slowed,
    slow() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

let base: ArchiveStore;

beforeAll(async () => {
  base = await storeOf([meeting('2024-01-10')]);
});

afterAll(async () => {
  await base.close();
});

async function addMeeting(date: string): Promise<void> {
  const p = protocolOf(meeting(date), `farsta-${date}.pdf`);
  await base.saveProtocol({ path: p.source.file, sha256: p.source.sha256, size: 1, pages: 1 }, p, 'test');
}

describe('analytics freshness', () => {
  it('answers from the new archive when the rebuild is quick', async () => {
    const live = new LiveAnalytics(base);
    expect((await live.current()).questions).toHaveLength(1);
    await addMeeting('2024-02-14');
    expect((await live.current()).questions).toHaveLength(2);
  });

  it('answers from the previous snapshot while a slow rebuild runs, and from the new one after', async () => {
    const slow = withSlowReads(base);
    const live = new LiveAnalytics(slow.store, undefined, undefined, 50);
    const before = (await live.current()).questions.length;
    slow.slow();
    await addMeeting('2024-03-13');
    expect((await live.current()).questions).toHaveLength(before);
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await live.current()).questions).toHaveLength(before + 1);
  });
});
