// The reference engine: SQLite FTS5 (unicode61 tokens, bm25 ranking, snippet()) behind the same interface,
// in its own in-memory database. The benchmark runs it beside the minisearch engine on the same sections;
// it knows no Swedish: no stemming, no compounds, no synonyms, no typo tolerance.
import Database from 'better-sqlite3';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isStopword } from '../../ingest/lang/swedish.ts';
import { wordSpans } from '../../ingest/lang/terms.ts';
import type { ProtocolId, SectionRecord } from '../../ingest/store/types.ts';
import { hitFieldsOf, sectionDocOf, type SectionDoc } from './documents.ts';
import type { FacetCount, Facets, SearchEngine, SearchFilters, SearchRequest, SearchResponse, Snippet } from './engine.ts';
import { parseQuery } from './query.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (
    slot INTEGER PRIMARY KEY, protocol_id TEXT NOT NULL, forvaltning TEXT, body TEXT, date TEXT,
    parties TEXT NOT NULL, topics TEXT NOT NULL, statuses TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS docs_protocol ON docs(protocol_id);
  CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 0');
  CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row');
`;

/** 'real' or 'synthetic', read from the section's stored document (sourceOf in filters.ts says the same). */
const SOURCE_SQL = "CASE WHEN json_extract(d.doc, '$.synthetic') THEN 'synthetic' ELSE 'real' END";

const FACET_SQL = `
  SELECT 'forvaltning' AS facet, forvaltning AS value, count(*) AS n FROM m WHERE forvaltning IS NOT NULL GROUP BY forvaltning
  UNION ALL SELECT 'body', body, count(*) FROM m WHERE body IS NOT NULL GROUP BY body
  UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM m WHERE date IS NOT NULL GROUP BY substr(date, 1, 4)
  UNION ALL SELECT 'party', j.value, count(*) FROM m, json_each(m.parties) j GROUP BY j.value
  UNION ALL SELECT 'topic', j.value, count(*) FROM m, json_each(m.topics) j GROUP BY j.value
  UNION ALL SELECT 'status', j.value, count(*) FROM m, json_each(m.statuses) j GROUP BY j.value
  UNION ALL SELECT 'source', ${SOURCE_SQL.replaceAll('d.', 'm.')}, count(*) FROM m GROUP BY 2`;

export class Fts5Engine implements SearchEngine {
  readonly name = 'fts5';
  private db = Fts5Engine.open();
  private nextSlot = 0;

  private static open(bytes?: Buffer): Database.Database {
    const db = bytes ? new Database(bytes) : new Database(':memory:');
    db.exec(SCHEMA);
    return db;
  }

  async index(records: AsyncIterable<SectionRecord> | SectionRecord[]): Promise<void> {
    this.db.close();
    this.db = Fts5Engine.open();
    this.nextSlot = 0;
    const batch: SectionRecord[] = [];
    for await (const record of records) batch.push(record);
    this.insert(batch);
  }

  add(protocolId: ProtocolId, records: SectionRecord[]): void {
    this.remove(protocolId);
    this.insert(records);
  }

  remove(protocolId: ProtocolId): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM fts WHERE rowid IN (SELECT slot FROM docs WHERE protocol_id = ?)').run(protocolId);
      this.db.prepare('DELETE FROM docs WHERE protocol_id = ?').run(protocolId);
    })();
  }

  protocolIds(): ProtocolId[] {
    return this.db.prepare('SELECT DISTINCT protocol_id FROM docs').pluck().all() as string[];
  }

  search(request: SearchRequest): SearchResponse {
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 10;
    const { text, phrases } = parseQuery(request.query);
    const loose = wordSpans(text)
      .map((w) => w.word)
      .filter((w) => !isStopword(w));
    const terms = [...phrases.map((p) => wordSpans(p).map((w) => w.word).join(' ')), ...loose];
    const empty = { total: 0, page, pageSize, relaxed: false, hits: [], facets: emptyFacets(), corrections: [], suggestions: [] };
    if (terms.length === 0) return empty;
    const quoted = terms.map((t) => `"${t.replace(/"/g, '""')}"`);
    let result = this.run(quoted.join(' AND '), request, page, pageSize);
    let relaxed = false;
    if (result.total === 0 && quoted.length > 1) {
      result = this.run(quoted.join(' OR '), request, page, pageSize);
      relaxed = result.total > 0;
    }
    return { ...empty, ...result, relaxed };
  }

  facets(filters: SearchFilters = {}): Facets {
    const { where, params } = filterSql(filters);
    const facets = this.facetsOf(`WITH m AS (SELECT d.* FROM docs d WHERE 1 ${where})`, params);
    if (!filters.source) return facets;
    const others = filterSql({ ...filters, source: undefined });
    return { ...facets, source: this.facetsOf(`WITH m AS (SELECT d.* FROM docs d WHERE 1 ${others.where})`, others.params).source };
  }

  suggest(prefix: string, limit = 10): string[] {
    const start = prefix.normalize('NFC').toLowerCase();
    if (!start) return [];
    return this.db
      .prepare('SELECT term FROM vocab WHERE term > ? AND term < ? ORDER BY doc DESC LIMIT ?')
      .pluck()
      .all(start, `${start}\uffff`, limit) as string[];
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'fts5.sqlite'), this.db.serialize());
  }

  async load(dir: string): Promise<boolean> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, 'fts5.sqlite'));
    } catch {
      return false;
    }
    this.db.close();
    this.db = Fts5Engine.open(bytes);
    this.nextSlot = ((this.db.prepare('SELECT max(slot) FROM docs').pluck().get() as number | null) ?? -1) + 1;
    return true;
  }

  private insert(records: SectionRecord[]): void {
    const doc = this.db.prepare(
      'INSERT INTO docs (slot, protocol_id, forvaltning, body, date, parties, topics, statuses, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const fts = this.db.prepare('INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const record of records) {
        const { doc: d, text } = sectionDocOf(record);
        const slot = this.nextSlot++;
        const json = (v: unknown) => JSON.stringify(v);
        doc.run(slot, d.protocolId, d.forvaltning, d.body, d.date, json(d.parties), json(d.topics), json(d.statuses), json(d));
        fts.run(slot, d.sectionTitle, text);
      }
    })();
  }

  private run(match: string, request: SearchRequest, page: number, pageSize: number) {
    const { where, params } = filterSql(request.filters ?? {});
    const from = `FROM fts JOIN docs d ON d.slot = fts.rowid WHERE fts MATCH ? ${where}`;
    const total = this.db.prepare(`SELECT count(*) ${from}`).pluck().get(match, ...params) as number;
    const sources = () => this.sourceFacet(match, request.filters ?? {});
    if (total === 0) return { total, hits: [], facets: { ...emptyFacets(), source: request.filters?.source ? sources() : [] } };
    const order = request.sort === 'date' ? 'd.date DESC, rank' : 'rank, d.date DESC';
    const rows = this.db
      .prepare(
        `SELECT d.doc, bm25(fts, 2.0, 1.0) AS rank, snippet(fts, 1, char(2), char(3), '…', 32) AS snip ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(match, ...params, pageSize, (page - 1) * pageSize) as Array<{ doc: string; rank: number; snip: string }>;
    const hits = rows.map((row) => {
      const doc = JSON.parse(row.doc) as SectionDoc;
      return {
        ...hitFieldsOf(doc),
        party: null,
        snippet: markersToRanges(row.snip),
        page: doc.page,
        score: Math.round(-row.rank * 1000) / 1000,
      };
    });
    const facets = this.facetsOf(`WITH m AS (SELECT d.* ${from})`, [match, ...params]);
    return { total, hits, facets: request.filters?.source ? { ...facets, source: sources() } : facets };
  }

  /** Both sources counted under every filter but the source, as the minisearch engine counts them. */
  private sourceFacet(match: string, filters: SearchFilters): FacetCount[] {
    const { where, params } = filterSql({ ...filters, source: undefined });
    return this.facetsOf(`WITH m AS (SELECT d.* FROM fts JOIN docs d ON d.slot = fts.rowid WHERE fts MATCH ? ${where})`, [match, ...params]).source;
  }

  private facetsOf(withClause: string, params: unknown[]): Facets {
    const rows = this.db.prepare(`${withClause} ${FACET_SQL}`).all(...params) as Array<{ facet: keyof Facets; value: string; n: number }>;
    const facets = emptyFacets();
    for (const row of rows) facets[row.facet].push({ value: row.value, count: row.n });
    for (const list of Object.values(facets) as FacetCount[][]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv'));
    return facets;
  }
}

function filterSql(filters: SearchFilters): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filters.forvaltning) add('d.forvaltning = ?', filters.forvaltning);
  if (filters.body) add('d.body = ?', filters.body);
  if (filters.party) add('EXISTS (SELECT 1 FROM json_each(d.parties) WHERE value = ?)', filters.party);
  if (filters.topic) add('EXISTS (SELECT 1 FROM json_each(d.topics) WHERE value = ?)', filters.topic);
  if (filters.status) add('EXISTS (SELECT 1 FROM json_each(d.statuses) WHERE value = ?)', filters.status);
  if (filters.source) add(`${SOURCE_SQL} = ?`, filters.source);
  if (filters.from) add('d.date >= substr(?, 1, length(d.date))', filters.from);
  // A month as the upper bound ("2024-03") takes in the whole month.
  if (filters.to) add('d.date <= ?', filters.to.length === 7 ? `${filters.to}-31` : filters.to);
  return { where: clauses.map((c) => `AND ${c}`).join(' '), params };
}

/** FTS5 marks matches with control characters we chose; turn them into ranges over the plain text. */
function markersToRanges(marked: string): Snippet {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '\u0002') open = text.length;
    else if (ch === '\u0003') {
      if (open >= 0) highlights.push([open, text.length]);
      open = -1;
    } else text += ch === '\n' ? ' ' : ch;
  }
  return { text, highlights };
}

function emptyFacets(): Facets {
  return { forvaltning: [], party: [], topic: [], status: [], body: [], year: [], source: [] };
}
