// A restarted server answers analytics from the snapshot it saved, and never from one of another archive state.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { LiveAnalytics } from '../../server/analytics/live-analytics.ts';
import { protocolOf, storeOf, type HandMadeMeeting } from './hand-made.ts';

const meeting = (date: string): HandMadeMeeting => ({
  forvaltning: 'Farsta',
  date,
  sections: [{ title: 'Övriga frågor', topics: ['samverkan'], questions: [{ party: 'Vision', text: `Vision undrar om samverkansavtalet ${date}.`, status: 'deferred' }] }],
});

let store: ArchiveStore;
let dir: string;
let file: string;

beforeAll(async () => {
  store = await storeOf([meeting('2024-01-10'), meeting('2024-02-14')]);
  dir = mkdtempSync(join(tmpdir(), 'analytics-saved-'));
  file = join(dir, 'analytics-snapshot.json');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saved analytics snapshot', () => {
  it('is written after the first build and read by the next start instead of building again', async () => {
    const first = await new LiveAnalytics(store, file).current();
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    // Mark the saved copy so that reading it (rather than building anew) is visible.
    const [key, data] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${key}\n${JSON.stringify({ ...JSON.parse(data), buildMs: -1 })}`);
    const restarted = await new LiveAnalytics(store, file).current();
    expect(restarted.buildMs).toBe(-1);
    expect(restarted.questions).toEqual(first.questions);
    expect(restarted.trends.trendRows({ period: 'month', by: 'forvaltning' })).toEqual(first.trends.trendRows({ period: 'month', by: 'forvaltning' }));
    expect(restarted.questionsById.get(first.questions[0].id)).toEqual(first.questions[0]);
  });

  it('is not used once the archive has changed', async () => {
    const extra = protocolOf(meeting('2024-03-13'), 'farsta-2024-03-13.pdf');
    await store.saveProtocol({ path: extra.source.file, sha256: extra.source.sha256, size: 1, pages: 1 }, extra, 'test');
    const restarted = await new LiveAnalytics(store, file).current();
    expect(restarted.buildMs).toBeGreaterThanOrEqual(0);
    expect(restarted.questions).toHaveLength(3);
  });

  it('is rebuilt when the saved file is damaged', async () => {
    writeFileSync(file, 'garbage');
    const restarted = await new LiveAnalytics(store, file).current();
    expect(restarted.questions).toHaveLength(3);
  });
});
