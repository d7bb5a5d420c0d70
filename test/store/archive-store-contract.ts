// The archive store's contract, written once as a function of how to open a store and run over every
// implementation (SQLite, PostgreSQL): what is saved reads back as parsed, re-saving replaces, failures keep their
// reason, readers in another connection see changes, the PDF comes back, and two writers racing on the same bytes
// leave one source and one protocol. A store method added later gets its test here, and both stores must pass it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { protocolIdOf, questionRecordsOf, sectionRecordsOf } from '../../ingest/store/records.ts';
import type { ArchiveStore, SectionRecord, SourceFile } from '../../ingest/store/types.ts';

/** A fresh, empty archive; `open` connects to it (again and again, for tests with two connections). */
export interface FreshArchive {
  open(): Promise<ArchiveStore>;
}

const filesDir = mkdtempSync(join(tmpdir(), 'archive-contract-'));
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

export function hashOf(n: number): string {
  return sha256(new TextEncoder().encode(`protokoll-${n}`));
}

/** A source whose bytes lie at its path too: one store serves PDFs from where they lie, the other keeps them. */
export function sourceOf(n: number): SourceFile {
  const bytes = new TextEncoder().encode(`protokoll-${n}`);
  const path = join(filesDir, `protokoll-${n}.pdf`);
  writeFileSync(path, bytes);
  return { path, sha256: hashOf(n), size: bytes.byteLength, pages: 3, bytes };
}

/** A small protocol with every kind of part, varied by `n` so protocols differ from each other. */
export function protocolOf(n: number, sectionTitle = 'Arbetsmiljö'): Protocol {
  return {
    source: { file: `protokoll-${n}.pdf`, sha256: hashOf(n), pages: 3 },
    meeting: {
      forvaltning: n % 2 ? 'Skärholmen' : 'Hägersten-Älvsjö',
      body: 'FSG',
      date: `2024-${String((n % 12) + 1).padStart(2, '0')}-14`,
      dateStated: true,
      place: 'Kulturhuset',
      chair: 'Anna Andersson',
      secretary: null,
      title: `Protokoll ${n}`,
    },
    attendees: [
      { name: 'Anna Andersson', side: 'arbetsgivare', party: 'Arbetsgivaren', role: 'stadsdelsdirektör' },
      { name: 'Bo Berg', side: 'fack', party: 'Vision', role: null },
    ],
    absentParties: ['Ledarna'],
    sections: [
      {
        number: '1',
        title: 'Mötets öppnande',
        page: 1,
        text: 'Ordföranden öppnar mötet.',
        utterances: [],
      },
      {
        number: '2',
        title: sectionTitle,
        page: 2,
        text: `Vision frågar om sjukfrånvaron ${n}. Arbetsgivaren svarar.`,
        utterances: [
          { party: 'Vision', text: `Vision frågar om sjukfrånvaron ${n}.`, page: 2 },
          { party: 'Arbetsgivaren', speaker: 'Anna Andersson', text: 'Arbetsgivaren svarar.', page: 2 },
        ],
      },
    ],
    questions: [
      {
        section: '2',
        party: 'Vision',
        text: `Hur ser sjukfrånvaron ut ${n}?`,
        kind: 'question',
        status: 'answered',
        answer: { party: 'Arbetsgivaren', text: 'Den har minskat.' },
        page: 2,
      },
      { section: '2', party: 'Kommunal', text: 'När kommer planen?', kind: 'request_for_information', status: 'deferred', answer: null, page: 2 },
    ],
    topics: [
      { topic: 'sjukfrånvaro', section: '2', mentions: 2 },
      { topic: 'arbetsmiljö', section: '2', mentions: 1 },
    ],
    synthetic: false,
    ocr: false,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}


/** Registers the contract's tests (call inside a describe) over archives made by `archive`. */
export function archiveStoreContract(archive: () => Promise<FreshArchive>): void {
  it('reads a saved protocol back exactly as it was parsed, with question ids', async () => {
    const store = await (await archive()).open();
    const protocol = protocolOf(1);
    const id = await store.saveProtocol(sourceOf(1), protocol, '1');
    expect(id).toBe(protocolIdOf(hashOf(1)));
    const stored = await store.getProtocol(id);
    expect(stored).toEqual({
      ...protocol,
      id,
      ingestedAt: expect.any(String),
      questions: protocol.questions.map((q, i) => ({ ...q, id: `${id}-q${i + 1}` })),
    });
    expect(await store.getProtocol('0000000000000000')).toBeUndefined();
    await store.close();
  });

  it('replaces the earlier parse when the same bytes are saved again', async () => {
    const store = await (await archive()).open();
    await store.saveProtocol(sourceOf(7), protocolOf(7, 'Gammal rubrik'), '1');
    const moved = { ...sourceOf(7), path: '/elsewhere/protokoll-7.pdf' };
    await store.saveProtocol(moved, protocolOf(7, 'Ny rubrik'), '2');
    const sources = await store.listSources();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ path: '/elsewhere/protokoll-7.pdf', name: 'protokoll-7.pdf', parserVersion: '2', status: 'ok' });
    const stored = await store.getProtocol(protocolIdOf(hashOf(7)));
    expect(stored?.sections.map((s) => s.title)).toEqual(['Mötets öppnande', 'Ny rubrik']);
    expect((await store.counts()).sections).toBe(2);
    await store.close();
  });

  it('records a failure with its reason and page, and drops the protocol a file had before', async () => {
    const store = await (await archive()).open();
    await store.saveProtocol(sourceOf(3), protocolOf(3), '1');
    await store.saveFailure(
      { ...sourceOf(3), pages: null },
      { file: 'protokoll-3.pdf', kind: 'corrupt', reason: 'corrupt PDF: bad xref table', page: 4 },
      '2',
    );
    const source = await store.findSource(hashOf(3));
    expect(source).toMatchObject({ status: 'failed', errorKind: 'corrupt', error: 'corrupt PDF: bad xref table', errorPage: 4, protocolId: null });
    expect(await store.getProtocol(protocolIdOf(hashOf(3)))).toBeUndefined();
    expect(await store.counts()).toMatchObject({ protocols: 0, sections: 0, questions: 0, sources: 1, failedSources: 1 });
    await store.close();
  });

  it('lists protocols with their section, question and open-question counts and finds their PDF by id', async () => {
    const store = await (await archive()).open();
    await store.saveOutcomes([1, 2].map((n) => ({ source: sourceOf(n), ok: true as const, protocol: protocolOf(n) })), '1');
    const list = await store.listProtocols();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ sections: 2, questions: 2, openQuestions: 1, pages: 3, body: 'FSG', synthetic: false });
    const pdf = await store.readPdf(list[0].id);
    expect(pdf?.file).toMatch(/^protokoll-\d\.pdf$/);
    expect(new TextDecoder().decode(pdf!.bytes)).toMatch(/^protokoll-\d$/);
    expect(await store.readPdf('ffffffffffffffff')).toBeUndefined();
    await store.close();
  });

  it('marks a protocol read by OCR and serves its OCR\'d copy as its PDF', async () => {
    const store = await (await archive()).open();
    const copy = new TextEncoder().encode('protokoll-4 med textlager');
    const ocrPath = join(filesDir, 'protokoll-4.ocr.pdf');
    writeFileSync(ocrPath, copy);
    const id = await store.saveProtocol({ ...sourceOf(4), ocrPath, ocrBytes: copy }, { ...protocolOf(4), ocr: true }, '1');
    await store.saveProtocol(sourceOf(5), protocolOf(5), '1');
    expect((await store.listProtocols()).map((p) => [p.file, p.ocr])).toEqual([
      ['protokoll-4.pdf', true],
      ['protokoll-5.pdf', false],
    ]);
    expect((await store.getProtocol(id))?.ocr).toBe(true);
    expect(new TextDecoder().decode((await store.readPdf(id))!.bytes)).toBe('protokoll-4 med textlager');
    await store.close();
  });

  it('keeps each question\'s similar questions and reads them back in order, skipping those since removed', async () => {
    const store = await (await archive()).open();
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => store.saveProtocol(sourceOf(n), { ...protocolOf(n), synthetic: n === 3 }, '1')));
    const q = (protocolId: string) => `${protocolId}-q1`;
    const features = [a, b, c].map((protocolId) => ({ id: q(protocolId), protocolId, date: null, terms: { sjukfrånvaro: 1 }, words: { sjukfrånvaro: 'sjukfrånvaron' }, topics: ['sjukfrånvaro'] }));
    const neighbour = (id: string, score: number) => ({ id, score, sharedWords: ['sjukfrånvaron'], sharedTopics: ['sjukfrånvaro'] });
    await store.saveSimilarity({ features, lists: [{ questionId: q(a), neighbours: [neighbour(q(c), 0.9), neighbour(q(b), 0.5)] }] });

    const similar = await store.similarQuestions(q(a), 5);
    expect(similar?.map((s) => [s.id, s.score, s.synthetic, s.forvaltning])).toEqual([
      [q(c), 0.9, true, 'Skärholmen'],
      [q(b), 0.5, false, 'Hägersten-Älvsjö'],
    ]);
    expect(similar?.[1]).toMatchObject({ protocolId: b, text: 'Hur ser sjukfrånvaron ut 2?', status: 'answered', answer: { party: 'Arbetsgivaren', text: 'Den har minskat.' } });
    expect(await store.similarQuestions(q(a), 1)).toHaveLength(1);
    expect(await store.similarQuestions(q(b), 5)).toEqual([]);
    expect(await store.similarQuestions('ffffffffffffffff-q1', 5)).toBeUndefined();
    expect((await store.similarityState()).neighbours).toEqual([
      { questionId: q(a), neighbourId: q(c), score: 0.9 },
      { questionId: q(a), neighbourId: q(b), score: 0.5 },
    ]);

    await store.saveFailure({ ...sourceOf(3), pages: null }, { file: 'protokoll-3.pdf', kind: 'empty', reason: 'empty file: 0 bytes' }, '2');
    expect((await store.similarQuestions(q(a), 5))?.map((s) => s.id)).toEqual([q(b)]);
    await store.close();
  });

  it('keeps each user\'s watches, records a protocol once per watch, counts what is new since last seen and finds a watch by its feed', async () => {
    const store = await (await archive()).open();
    const anna = await store.accounts.addUser({ name: 'anna', role: 'läsare', passwordHash: null });
    const bo = await store.accounts.addUser({ name: 'bo', role: 'läsare', passwordHash: null });
    const search = await store.watches.addWatch({ userId: anna.id, kind: 'search', query: 'sjukfrånvaro', filters: { forvaltning: 'Skärholmen' }, questionId: null, feedTokenHash: 'a'.repeat(64) });
    const question = await store.watches.addWatch({ userId: anna.id, kind: 'question', query: '', filters: {}, questionId: 'p-q1', feedTokenHash: 'b'.repeat(64) });
    await store.watches.addWatch({ userId: bo.id, kind: 'search', query: 'lokaler', filters: {}, questionId: null, feedTokenHash: 'c'.repeat(64) });
    expect(search).toMatchObject({ userId: anna.id, kind: 'search', query: 'sjukfrånvaro', filters: { forvaltning: 'Skärholmen' }, newHits: 0 });
    expect((await store.watches.listWatches(anna.id)).map((w) => w.id)).toEqual([search.id, question.id]);
    expect((await store.watches.watchesOfKind('search')).length).toBe(2);

    expect(await store.watches.recordHits([{ watchId: search.id, protocolId: 'p1' }, { watchId: search.id, protocolId: 'p2' }], '2025-01-01T00:00:00.000Z')).toBe(2);
    // The same protocol again (another node, a re-ingest) is not news.
    expect(await store.watches.recordHits([{ watchId: search.id, protocolId: 'p1' }], '2025-01-02T00:00:00.000Z')).toBe(0);
    expect((await store.watches.findWatchByFeed('a'.repeat(64)))?.newHits).toBe(2);
    expect((await store.watches.hits(search.id, 10)).map((h) => h.protocolId)).toEqual(['p2', 'p1']);

    // Only the owner marks seen or deletes; seen counts nothing new until a new hit comes.
    expect(await store.watches.markSeen(search.id, bo.id)).toBe(false);
    expect(await store.watches.markSeen(search.id, anna.id)).toBe(true);
    expect((await store.watches.listWatches(anna.id))[0].newHits).toBe(0);
    await store.watches.recordHits([{ watchId: search.id, protocolId: 'p3' }], '2025-01-03T00:00:00.000Z');
    expect((await store.watches.listWatches(anna.id))[0].newHits).toBe(1);

    expect(await store.watches.removeWatch(search.id, bo.id)).toBe(false);
    expect(await store.watches.removeWatch(search.id, anna.id)).toBe(true);
    expect(await store.watches.findWatchByFeed('a'.repeat(64))).toBeUndefined();
    expect(await store.watches.hits(search.id, 10)).toEqual([]);
    expect((await store.watches.listWatches(anna.id)).map((w) => w.id)).toEqual([question.id]);
    await store.close();
  });

  it('tells which questions were asked in a generated protocol', async () => {
    const store = await (await archive()).open();
    await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
    await store.saveProtocol(sourceOf(2), { ...protocolOf(2), synthetic: true }, '1');
    const questions = await store.questions();
    const syntheticOf = (n: number) => questions.filter((q) => q.protocolId === protocolIdOf(hashOf(n))).map((q) => q.synthetic);
    expect(syntheticOf(1)).toEqual([false, false]);
    expect(syntheticOf(2)).toEqual([true, true]);
    await store.close();
  });

  it('streams every section and question of a large archive, the same records as derived from the protocols', async () => {
    const store = await (await archive()).open();
    const numbers = Array.from({ length: 450 }, (_, i) => i + 1);
    await store.saveOutcomes(numbers.map((n) => ({ source: sourceOf(n), ok: true as const, protocol: protocolOf(n) })), '1');
    const expectedSections = numbers.flatMap((n) => sectionRecordsOf(protocolOf(n), protocolIdOf(hashOf(n))));
    const byKey = (r: SectionRecord) => `${r.protocolId}/${r.ordinal}`;
    const sections = await collect(store.sections());
    expect(sections.map(byKey).sort()).toEqual(expectedSections.map(byKey).sort());
    const someRecord = sections.find((r) => r.protocolId === protocolIdOf(hashOf(123)) && r.ordinal === 1);
    expect(someRecord).toEqual(sectionRecordsOf(protocolOf(123), protocolIdOf(hashOf(123)))[1]);

    const questions = await store.questions();
    expect(questions).toHaveLength(900);
    expect(questions.find((q) => q.protocolId === protocolIdOf(hashOf(42)) && q.id.endsWith('-q1'))).toEqual(
      questionRecordsOf(protocolOf(42), protocolIdOf(hashOf(42)))[0],
    );
    expect((await collect(store.protocols())).length).toBe(450);
    await store.close();
  });

  it('lets a reader in another connection see that the archive changed', async () => {
    const shared = await archive();
    const writer = await shared.open();
    const reader = await shared.open();
    const before = await reader.revision();
    await writer.saveProtocol(sourceOf(9), protocolOf(9), '1');
    const afterOne = await reader.revision();
    expect(afterOne).toBeGreaterThan(before);
    await writer.saveFailure(sourceOf(10), { file: 'x.pdf', kind: 'empty', reason: 'empty file: 0 bytes' }, '1');
    expect(await reader.revision()).toBeGreaterThan(afterOne);
    expect((await reader.listProtocols()).map((p) => p.id)).toEqual([protocolIdOf(hashOf(9))]);
    await writer.close();
    await reader.close();
  });

  it('answers the sections of just the protocols asked for', async () => {
    const store = await (await archive()).open();
    await store.saveOutcomes([1, 2, 3].map((n) => ({ source: sourceOf(n), ok: true as const, protocol: protocolOf(n) })), '1');
    const ids = [protocolIdOf(hashOf(3)), protocolIdOf(hashOf(1))];
    const records = await store.sectionsOf(ids);
    const expected = [3, 1].flatMap((n) => sectionRecordsOf(protocolOf(n), protocolIdOf(hashOf(n))));
    const byKey = (r: SectionRecord) => `${r.protocolId}/${r.ordinal}`;
    expect(records.map(byKey).sort()).toEqual(expected.map(byKey).sort());
    expect(records.find((r) => r.protocolId === ids[0] && r.ordinal === 1)).toEqual(expected[1]);
    expect(await store.sectionsOf([])).toEqual([]);
    await store.close();
  });

  it('keeps one source and one protocol when two connections save the same bytes at once', async () => {
    const shared = await archive();
    const [a, b] = [await shared.open(), await shared.open()];
    const batch = (title: string) => [5, 6, 7].map((n) => ({ source: sourceOf(n), ok: true as const, protocol: protocolOf(n, title) }));
    await Promise.all([a.saveOutcomes(batch('Från A'), '1'), b.saveOutcomes(batch('Från B').reverse(), '1'), a.saveProtocol(sourceOf(5), protocolOf(5), '1')]);
    expect(await a.counts()).toMatchObject({ protocols: 3, sections: 6, questions: 6, sources: 3, failedSources: 0 });
    expect((await b.listSources()).map((s) => s.sha256).sort()).toEqual([5, 6, 7].map(hashOf).sort());
    await a.close();
    await b.close();
  });

  it('keeps the later of two outcomes for the same bytes within one batch', async () => {
    const store = await (await archive()).open();
    await store.saveOutcomes(
      [
        { source: sourceOf(8), ok: true, protocol: protocolOf(8, 'Första') },
        { source: sourceOf(8), ok: true, protocol: protocolOf(8, 'Andra') },
      ],
      '1',
    );
    expect((await store.getProtocol(protocolIdOf(hashOf(8))))?.sections[1].title).toBe('Andra');
    expect(await store.counts()).toMatchObject({ protocols: 1, sections: 2, sources: 1 });
    await store.close();
  });
}
