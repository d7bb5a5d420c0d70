// "Liknande frågor" over real HTTP on protocols ingested by the real batch ingest: the similar questions of a
// question with their meeting, answer, status and why; lists kept up to date in both directions when later
// protocols arrive; "answered elsewhere" beside open questions; and the question list's free text searched with
// the Swedish analysis (compound parts, synonyms, a question in one's own words).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, type IngestReport } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, QuestionRecord } from '../../ingest/store/types.ts';
import { createApp, type App } from '../../server/app.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const CORPUS = ['hagersten-alvsjo-fvg-2024-01-13.pdf', 'hagersten-alvsjo-fvg-2024-03-12.pdf', 'hagersten-alvsjo-fvg-2025-01-14.pdf', 'skarholmen-fvg-2025-12.pdf'];

interface Similar {
  id: string;
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  party: string | null;
  text: string;
  status: string;
  answer: { party: string | null; text: string } | null;
  score: number;
  why: string;
  page: number;
}

const work = mkdtempSync(join(tmpdir(), 'similar-api-'));
let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let questions: QuestionRecord[];
let second: IngestReport;
/** The Lund question on threats from guardians, and what it listed before the second ingest. */
let lundThreat: QuestionRecord;
let lundBefore: Similar[];

async function json(path: string) {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.json() };
}

const byText = (part: string) => {
  const found = questions.filter((q) => q.text.includes(part));
  if (found.length !== 1) throw new Error(`${found.length} questions contain "${part}"`);
  return found[0];
};

beforeAll(async () => {
  store = openStore(join(work, 'archive.sqlite'));
  await ingestPaths([join(FIXTURES, 'holdout'), ...CORPUS.map((f) => join(FIXTURES, 'corpus', f))], { store, jobs: 1 });
  app = await createApp({ store, dataDir: work, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  questions = await store.questions();
  lundThreat = byText('hot från vårdnadshavare');
  lundBefore = (await json(`/questions/${lundThreat.id}/similar?limit=12`)).body.similar;
  second = await ingestPaths([join(FIXTURES, 'holdout2')], { store, jobs: 1 });
  questions = await store.questions();
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(work, { recursive: true, force: true });
});

describe('GET /api/questions/:id/similar', () => {
  it('lists questions on the same matter from other meetings, with meeting, party, answer, status and why', async () => {
    const question = byText('rutin för hot och våld vid hembesök');
    const { status, body } = await json(`/questions/${question.id}/similar`);
    expect(status).toBe(200);
    const similar: Similar[] = body.similar;
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    const threats = similar.filter((s) => /hot/i.test(s.text));
    expect(threats.length).toBeGreaterThanOrEqual(3);
    const first = similar[0];
    expect(first).toMatchObject({ id: expect.any(String), protocolId: expect.any(String), text: expect.any(String), score: expect.any(Number), page: expect.any(Number) });
    expect(['open', 'answered', 'answered_later']).toContain(first.status);
    expect(first.forvaltning).not.toBeNull();
    expect(first.date).toMatch(/^\d{4}-\d{2}/);
    expect(first.why).toMatch(/Gemensamma ord: .*hot|Samma ämne: Hot och våld/);
    const answered = similar.find((s) => s.status !== 'open');
    expect(answered?.answer?.text.length).toBeGreaterThan(0);
  });

  it('never lists the question itself or another question of the same protocol', async () => {
    for (const question of questions.slice(0, 40)) {
      const { body } = await json(`/questions/${question.id}/similar?limit=12`);
      for (const s of body.similar as Similar[]) {
        expect(s.id).not.toBe(question.id);
        expect(s.protocolId).not.toBe(question.protocolId);
      }
    }
  });

  it('orders closest first and, among equally close ones, newest first', async () => {
    for (const question of questions) {
      const { body } = await json(`/questions/${question.id}/similar?limit=12`);
      const similar: Similar[] = body.similar;
      for (let i = 1; i < similar.length; i++) {
        const [a, b] = [similar[i - 1], similar[i]];
        expect(a.score).toBeGreaterThanOrEqual(b.score);
        if (a.score === b.score) expect((a.date ?? '') >= (b.date ?? '')).toBe(true);
      }
    }
  });

  it('ingesting later protocols adds them to the lists of the older questions they are close to, and the other way round', async () => {
    expect(second.ingested).toBe(5);
    const umea = byText('kontaktpersonerna och stödfamiljerna omfattas av rutinen för hot och våld');
    expect(lundBefore.map((s) => s.id)).not.toContain(umea.id);
    const lundAfter: Similar[] = (await json(`/questions/${lundThreat.id}/similar?limit=12`)).body.similar;
    expect(lundAfter.map((s) => s.id)).toContain(umea.id);
    const umeaList: Similar[] = (await json(`/questions/${umea.id}/similar?limit=12`)).body.similar;
    expect(umeaList.map((s) => s.id)).toContain(lundThreat.id);
    expect(second.similarMs).toBeGreaterThan(0);
  });

  it('answers 404 for a question that does not exist and 400 for a bad limit', async () => {
    expect((await json('/questions/nope-q1/similar')).status).toBe(404);
    expect((await json(`/questions/${lundThreat.id}/similar?limit=0`)).status).toBe(400);
    expect((await json(`/questions/${lundThreat.id}/similar?limit=abc`)).status).toBe(400);
  });
});

describe('GET /api/questions/answered-elsewhere', () => {
  it('names, for an open question, a close question that was answered at another meeting', async () => {
    const open = questions.filter((q) => q.status !== 'answered');
    const { status, body } = await json(`/questions/answered-elsewhere?ids=${open.map((q) => q.id).join(',')}`);
    expect(status).toBe(200);
    const entries = Object.entries(body.answeredElsewhere as Record<string, Similar>);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, found] of entries) {
      expect(open.map((q) => q.id)).toContain(id);
      expect(found.status).not.toBe('open');
      expect(found.protocolId).not.toBe(questions.find((q) => q.id === id)!.protocolId);
    }
  });
});

describe('GET /api/questions?q= with the Swedish analysis', () => {
  const texts = (body: { questions: Array<{ text: string }> }) => body.questions.map((q) => q.text);

  it('finds "korttidssjukfrånvaron" when searching "sjukfrånvaro"', async () => {
    const { body } = await json(`/questions?q=${encodeURIComponent('sjukfrånvaro')}&pageSize=100`);
    expect(texts(body).some((t) => t.includes('korttidssjukfrånvaron'))).toBe(true);
    expect(texts(body).some((t) => t.includes('sjukfrånvaron uppdelad'))).toBe(true);
  });

  it('finds "SAM" when searching "systematiskt arbetsmiljöarbete"', async () => {
    const { body } = await json(`/questions?q=${encodeURIComponent('systematiskt arbetsmiljöarbete')}&pageSize=100`);
    expect(texts(body).some((t) => /\bSAM\b/.test(t))).toBe(true);
  });

  it('answers a question in a person\'s own words with questions on that matter, closest first', async () => {
    const q = encodeURIComponent('vad har arbetsgivaren svarat om hot mot personal i hemtjänsten?');
    const { status, body } = await json(`/questions?q=${q}&sort=relevance&pageSize=5`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(texts(body)[0]).toMatch(/hot/i);
    expect(texts(body).filter((t) => /hot/i.test(t)).length).toBeGreaterThanOrEqual(Math.min(3, body.total));
  });

  it('combines the free text with the other filters', async () => {
    const all = await json(`/questions?q=${encodeURIComponent('hot och våld')}&pageSize=100`);
    const kommunal = await json(`/questions?q=${encodeURIComponent('hot och våld')}&party=Kommunal&pageSize=100`);
    expect(kommunal.body.total).toBeGreaterThan(0);
    expect(kommunal.body.total).toBeLessThan(all.body.total);
    expect(kommunal.body.questions.every((q: { party: string }) => q.party === 'Kommunal')).toBe(true);
  });
});
