// The figures of the Översikt start page over real HTTP: open questions per förvaltning with the oldest and
// those waiting through more than two meetings (and the list behind that figure), and topics rising in the
// latest quarter compared with the year before.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';
import type { HandMadeMeeting } from './hand-made.ts';
import { storeOf } from './hand-made.ts';

let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let dataDir: string;

const meeting = (date: string, sections: HandMadeMeeting['sections']): HandMadeMeeting => ({ forvaltning: 'Farsta', date, sections });

beforeAll(async () => {
  store = await storeOf([
    meeting('2024-04-16', [{ title: 'Arbetsmiljö', topics: ['budget/ekonomi'], questions: [{ party: 'Vision', text: 'Vision undrar hur lokalbudgeten för förskolorna ska fördelas.', status: 'deferred', answer: 'Arbetsgivaren återkommer.' }] }]),
    meeting('2024-09-10', [{ title: 'Ekonomi', topics: ['budget/ekonomi'], says: [['Arbetsgivaren', 'Budgeten följs upp.']] }]),
    meeting('2025-01-14', [{ title: 'Övriga frågor', questions: [{ party: 'Kommunal', text: 'Kommunal frågar om nya arbetskläder till köket.', status: 'unanswered' }] }]),
    meeting('2025-04-08', [{ title: 'Arbetsmiljö', topics: ['hot och våld'], says: [['Vision', 'Vision tar upp hotfulla situationer i receptionen.']] }]),
    meeting('2025-05-13', [{ title: 'Arbetsmiljö', topics: ['hot och våld'], says: [['Kommunal', 'Kommunal tar upp hot mot personal i hemtjänsten.']] }]),
    { forvaltning: 'Skärholmen', date: '2025-05-20', sections: [{ title: 'Övriga frågor', questions: [{ party: 'Saco', text: 'Saco frågar om lönekartläggningen.', status: 'answered', answer: 'Den är klar.' }] }] },
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'overview-'));
  app = await createApp({ store, dataDir, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function json(path: string) {
  const res = await fetch(`${base}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('the overview figures', () => {
  it('counts open questions per förvaltning, names the oldest and counts those that waited through more than two meetings', async () => {
    const overview = await json('/overview');
    expect(overview.longWaitMeetings).toBe(2);
    expect(overview.openQuestions).toEqual([
      {
        forvaltning: 'Farsta',
        open: 2,
        waitedLong: 1,
        oldest: expect.objectContaining({ date: '2024-04-16', party: 'Vision', text: expect.stringContaining('lokalbudgeten') }),
      },
    ]);
  });

  it('lists behind "waited more than two meetings" exactly the questions counted', async () => {
    const waited = await json('/questions?forvaltning=Farsta&status=open&waitedMoreThan=2');
    expect(waited.questions.map((q: { party: string }) => q.party)).toEqual(['Vision']);
    const recent = await json('/questions?forvaltning=Farsta&status=open&waitedMoreThan=0');
    expect(recent.total).toBe(2);
  });

  it('finds "hot och våld" rising in the latest quarter against the four quarters before it, and not the budget', async () => {
    const { rising } = await json('/overview');
    expect(rising.quarter).toBe('2025-Q2');
    expect(rising.baseline).toBe('2024-Q2–2025-Q1');
    expect(rising.topics.map((t: { topic: string }) => t.topic)).toEqual(['hot och våld']);
    expect(rising.topics[0]).toMatchObject({ protocols: 2, total: 3, baselineProtocols: 0, baselineTotal: 3 });
  });
});
