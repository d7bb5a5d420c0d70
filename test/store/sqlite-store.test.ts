// The SQLite archive on a real database file: what is saved reads back as parsed, re-saving replaces,
// readers in another connection see changes, and archives made by older versions are migrated.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { protocolIdOf, questionRecordsOf, sectionRecordsOf } from '../../ingest/store/records.ts';
import { migrate, SCHEMA_VERSION } from '../../ingest/store/sqlite-schema.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { SectionRecord, SourceFile } from '../../ingest/store/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dbCount = 0;
const freshPath = () => join(dir, `archive-${++dbCount}.sqlite`);

function hashOf(n: number): string {
  return sha256(new TextEncoder().encode(`protokoll-${n}`));
}

function sourceOf(n: number): SourceFile {
  return { path: `/archive/2024/protokoll-${n}.pdf`, sha256: hashOf(n), size: 1000 + n, pages: 3 };
}

/** A small protocol with every kind of part, varied by `n` so protocols differ from each other. */
function protocolOf(n: number, sectionTitle = 'Arbetsmiljö'): Protocol {
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

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('the SQLite archive', () => {
  it('reads a saved protocol back exactly as it was parsed, with question ids', async () => {
    const store = openStore(freshPath());
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
    const store = openStore(freshPath());
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
    const store = openStore(freshPath());
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
    const store = openStore(freshPath());
    await store.saveOutcomes([1, 2].map((n) => ({ source: sourceOf(n), ok: true as const, protocol: protocolOf(n) })), '1');
    const list = await store.listProtocols();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ sections: 2, questions: 2, openQuestions: 1, pages: 3, body: 'FSG', synthetic: false });
    expect(await store.pdfPath(list[0].id)).toMatch(/^\/archive\/2024\/protokoll-\d\.pdf$/);
    expect(await store.pdfPath('ffffffffffffffff')).toBeUndefined();
    await store.close();
  });

  it('marks a protocol read by OCR, and shows it from its OCR\'d copy', async () => {
    const store = openStore(freshPath());
    await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
    await store.saveProtocol({ ...sourceOf(2), ocrPath: '/archive/ocr/protokoll-2.pdf' }, { ...protocolOf(2), ocr: true }, '1');
    const [one, two] = [protocolIdOf(hashOf(1)), protocolIdOf(hashOf(2))];
    expect((await store.listProtocols()).map((p) => [p.id, p.ocr]).sort()).toEqual([[one, false], [two, true]].sort());
    expect((await store.getProtocol(two))?.ocr).toBe(true);
    expect(await store.pdfPath(two)).toBe('/archive/ocr/protokoll-2.pdf');
    expect(await store.pdfPath(one)).toMatch(/^\/archive\/2024\/protokoll-1\.pdf$/);
    expect((await store.findSource(hashOf(2)))?.ocrPath).toBe('/archive/ocr/protokoll-2.pdf');
    const ocrSections = new Set<string>();
    for await (const record of store.sections()) if (record.ocr) ocrSections.add(record.protocolId);
    expect([...ocrSections]).toEqual([two]);
    await store.close();
  });

  it('tells which questions were asked in a generated protocol', async () => {
    const store = openStore(freshPath());
    await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
    await store.saveProtocol(sourceOf(2), { ...protocolOf(2), synthetic: true }, '1');
    const questions = await store.questions();
    const syntheticOf = (n: number) => questions.filter((q) => q.protocolId === protocolIdOf(hashOf(n))).map((q) => q.synthetic);
    expect(syntheticOf(1)).toEqual([false, false]);
    expect(syntheticOf(2)).toEqual([true, true]);
    await store.close();
  });

  it('streams every section and question of a large archive, the same records as derived from the protocols', async () => {
    const store = openStore(freshPath());
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
    const path = freshPath();
    const writer = openStore(path);
    const reader = openStore(path);
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

  it('migrates an archive made with the first schema and keeps its data', async () => {
    const path = freshPath();
    const old = new Database(path);
    migrate(old, 1);
    old.prepare(
      `INSERT INTO source_files (path, sha256, size, pages, status, error_kind, error, parser_version, ingested_at, protocol_id)
       VALUES ('/old/archive/gammalt.pdf', ?, 10, NULL, 'failed', 'encrypted', 'encrypted: the PDF needs a password to open', '0', '2024-01-01T00:00:00.000Z', NULL)`,
    ).run(hashOf(77));
    old.close();

    const store = openStore(path);
    expect(await store.findSource(hashOf(77))).toMatchObject({
      name: 'gammalt.pdf',
      path: '/old/archive/gammalt.pdf',
      errorKind: 'encrypted',
      errorPage: null,
      parserVersion: '0',
    });
    await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
    expect((await store.counts()).protocols).toBe(1);
    await store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('refuses an archive written by a newer version instead of damaging it', () => {
    const path = freshPath();
    const newer = new Database(path);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openStore(path)).toThrow(/newer than this program/);
  });
});
