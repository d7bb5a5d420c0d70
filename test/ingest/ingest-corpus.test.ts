// The batch ingest over the corpus fixtures folder, into a real SQLite file: good protocols are stored, each bad
// file is recorded with its specific reason without stopping the rest, and re-running only does new work.
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../../ingest/parse-identity.ts';
import { ingestPaths, type IngestReport } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore, SourceRecord, StoredProtocol } from '../../ingest/store/types.ts';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const GOOD = [
  'hagersten-alvsjo-fvg-2024-01-13.pdf',
  'hagersten-alvsjo-fvg-2024-03-12.pdf',
  'hagersten-alvsjo-fvg-2025-01-14.pdf',
  'skarholmen-fvg-2025-12.pdf',
];
/** Each bad fixture and the failure it must be recorded with. */
const BAD: Record<string, { kind: string; reason: RegExp }> = {
  'empty.pdf': { kind: 'empty', reason: /empty file/ },
  'not-a-pdf.pdf': { kind: 'not_pdf', reason: /not a PDF/ },
  'encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf': { kind: 'encrypted', reason: /password/ },
  'truncated-hagersten-alvsjo-fvg-2024-01-13.pdf': { kind: 'corrupt', reason: /truncated/ },
};

const work = mkdtempSync(join(tmpdir(), 'ingest-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyCorpus(name: string): string {
  const folder = join(work, name);
  cpSync(CORPUS, folder, { recursive: true });
  return folder;
}

/** What the archive holds, without what differs between runs (row ids, times, temp folders). */
async function snapshot(store: ArchiveStore): Promise<{ sources: object[]; protocols: object[] }> {
  const sources = (await store.listSources())
    .map(({ id: _id, ingestedAt: _at, path: _path, ...rest }: SourceRecord) => rest)
    .sort((a, b) => a.name.localeCompare(b.name));
  const protocols: object[] = [];
  for await (const { ingestedAt: _at, ...protocol } of store.protocols() as AsyncIterable<StoredProtocol>) protocols.push(protocol);
  return { sources, protocols };
}

describe('ingesting the corpus folder', () => {
  let folder: string;
  let store: ArchiveStore;
  let first: IngestReport;
  let firstSnapshot: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    folder = copyCorpus('archive');
    store = openStore(join(work, 'archive.sqlite'));
    first = await ingestPaths([folder], { store, jobs: 1 });
    firstSnapshot = await snapshot(store);
  });
  afterAll(() => store.close());

  it('stores every good protocol with its pages and source', async () => {
    for (const name of GOOD) {
      const result = first.results.find((r) => r.name === name);
      expect(result, name).toMatchObject({ status: 'ingested' });
      const protocol = await store.getProtocol(result!.status === 'ingested' ? result!.protocolId : '');
      expect(protocol?.source).toMatchObject({ file: name, pages: expect.any(Number) });
      expect(protocol!.source.pages).toBeGreaterThanOrEqual(5);
    }
    expect(first.pages).toBeGreaterThanOrEqual(23);
  });

  it('records each bad file with its specific reason and ingests the rest', async () => {
    const sources = await store.listSources();
    for (const [name, expected] of Object.entries(BAD)) {
      const source = sources.find((s) => s.name === name);
      expect(source, name).toMatchObject({ status: 'failed', errorKind: expected.kind, parserVersion: PARSER_VERSION });
      expect(source!.error).toMatch(expected.reason);
      expect(source!.error).not.toMatch(/\n\s+at /);
    }
    expect(first.total).toBe(9);
    expect(first.failed).toBeGreaterThanOrEqual(Object.keys(BAD).length);
    expect(first.ingested + first.failed).toBe(9);
  });

  it('refuses the invitation that is not a protocol', async () => {
    const source = (await store.listSources()).find((s) => s.name === 'not-a-protocol-julfika.pdf');
    expect(source).toMatchObject({ status: 'failed', errorKind: 'not_protocol' });
  });

  it('finds nothing to do on a second run over the same folder', async () => {
    const revision = await store.revision();
    const second = await ingestPaths([folder], { store, jobs: 1 });
    expect(second).toMatchObject({ total: 9, ingested: 0, failed: 0, unchanged: 9 });
    expect(await store.revision()).toBe(revision);
  });

  it('ingests just the one new PDF added to the folder', async () => {
    const added = join(folder, 'nytt', 'skarholmen-kopia.pdf');
    cpSync(join(CORPUS, GOOD[3]), added);
    // Bytes after %%EOF make it a different file to the archive while pdf.js reads it the same.
    appendFileSync(added, '\n% kopia\n');
    const third = await ingestPaths([folder], { store, jobs: 1 });
    expect(third).toMatchObject({ total: 10, ingested: 1, unchanged: 9, failed: 0 });
    expect(third.results.find((r) => r.status === 'ingested')?.name).toBe('skarholmen-kopia.pdf');
  });

  it('parses everything again when the parser version changes', async () => {
    const next = await ingestPaths([folder], { store, jobs: 1, parserVersion: `${PARSER_VERSION}-next` });
    expect(next.unchanged).toBe(0);
    expect(next.ingested + next.failed).toBe(10);
    const versions = new Set((await store.listSources()).map((s) => s.parserVersion));
    expect([...versions]).toEqual([`${PARSER_VERSION}-next`]);
    expect((await store.listProtocols()).length).toBe(next.ingested);
  });

  it('stores the same result with two parallel workers as with one', async () => {
    const parallelStore = openStore(join(work, 'parallel.sqlite'));
    const report = await ingestPaths([copyCorpus('parallel')], { store: parallelStore, jobs: 2 });
    expect(report.results.map((r) => [r.name, r.status])).toEqual(first.results.map((r) => [r.name, r.status]));
    expect(await snapshot(parallelStore)).toEqual(firstSnapshot);
    await parallelStore.close();
  });

  it('reports a path that does not exist without failing the others', async () => {
    const otherStore = openStore(join(work, 'missing.sqlite'));
    const single = join(work, 'single');
    cpSync(join(CORPUS, GOOD[0]), join(single, GOOD[0]), { recursive: true });
    const report = await ingestPaths([join(work, 'no-such-folder'), single], { store: otherStore, jobs: 1 });
    expect(report).toMatchObject({ total: 2, ingested: 1, failed: 1 });
    const missing = report.results.find((r) => r.status === 'failed');
    expect(missing).toMatchObject({ failure: { kind: 'io', reason: expect.stringMatching(/not found/) } });
    await otherStore.close();
  });

  it('stores a PDF that appears twice under different names once', async () => {
    const twinStore = openStore(join(work, 'twins.sqlite'));
    const twins = join(work, 'twins');
    cpSync(join(CORPUS, GOOD[1]), join(twins, 'original.pdf'), { recursive: true });
    cpSync(join(CORPUS, GOOD[1]), join(twins, 'kopia.pdf'));
    const report = await ingestPaths([twins], { store: twinStore, jobs: 2 });
    expect(report).toMatchObject({ total: 2, ingested: 1, unchanged: 1 });
    expect(await twinStore.listSources()).toHaveLength(1);
    await twinStore.close();
  });

  it('gives up on a file the parser takes too long on, records why, and tries it again next run', async () => {
    const slowStore = openStore(join(work, 'slow.sqlite'));
    const single = join(work, 'slow');
    cpSync(join(CORPUS, GOOD[0]), join(single, GOOD[0]), { recursive: true });
    copyFileSync(join(CORPUS, 'bad', 'empty.pdf'), join(single, 'empty.pdf'));
    const report = await ingestPaths([single], { store: slowStore, jobs: 1, timeoutMs: 1 });
    expect(report.results.find((r) => r.name === GOOD[0])).toMatchObject({
      status: 'failed',
      failure: { kind: 'parser_stopped', reason: expect.stringMatching(/gave up: reading the file took longer than/) },
    });
    expect(report.total).toBe(2);
    // Not the file's fault, so the next run (with time enough) tries it again.
    const retry = await ingestPaths([single], { store: slowStore, jobs: 1 });
    expect(retry.results.find((r) => r.name === GOOD[0])).toMatchObject({ status: 'ingested' });
    await slowStore.close();
  });
});
