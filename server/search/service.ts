// Keeps the search index in step with the archive store: loads the saved index at start-up (rebuilding only
// when it is missing, outdated or the store changed since it was saved), then polls the store's revision and
// indexes protocols added or re-ingested since, without a restart. Searches go through it so that answers to
// repeated searches can be remembered until the index next changes (response-cache.ts).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveStore, ProtocolId, ProtocolSummary, SectionRecord } from '../../ingest/store/types.ts';
import type { SearchEngine, SearchRequest, SearchResponse } from './engine.ts';
import { ResponseCache } from './response-cache.ts';

export interface SearchServiceOptions {
  store: ArchiveStore;
  engine: SearchEngine;
  /** Folder the index is saved in, e.g. data/index. */
  indexDir: string;
  /** How often to look for new protocols; 0 turns polling off. */
  pollMs?: number;
  /** Told the sections of protocols added, re-ingested or corrected since the last look (watches match them). */
  onIndexed?: (records: SectionRecord[]) => Promise<void>;
}

/** What the saved index was built from: the store's revision and each protocol's ingestion time. */
interface IndexState {
  engine: string;
  revision: number;
  protocols: Record<ProtocolId, string>;
  /** Protocols whose text was read by OCR, so hits can say so (absent in indexes saved before OCR came). */
  ocr?: ProtocolId[];
}

export class SearchService {
  readonly engine: SearchEngine;
  private readonly store: ArchiveStore;
  private readonly indexDir: string;
  private state: IndexState;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly answers = new ResponseCache();
  private ocr = new Set<ProtocolId>();
  private readonly onIndexed?: (records: SectionRecord[]) => Promise<void>;

  constructor(options: SearchServiceOptions) {
    this.store = options.store;
    this.engine = options.engine;
    this.indexDir = options.indexDir;
    this.state = { engine: options.engine.name, revision: -1, protocols: {} };
    this.pollMs = options.pollMs ?? 0;
    this.onIndexed = options.onIndexed;
  }

  /** Loads the saved index, or builds it; then brings it up to date with the store. */
  async start(): Promise<void> {
    const saved = await this.readState();
    if (saved && saved.engine === this.engine.name && (await this.engine.load(this.indexDir))) {
      this.state = saved;
      this.ocr = new Set(saved.ocr ?? (await this.store.listProtocols()).filter((p) => p.ocr).map((p) => p.id));
    } else {
      await this.rebuild();
    }
    await this.refresh();
    // Polling starts only now: a look at the store while the index was still loading (a 10,000-protocol index
    // takes seconds) took every protocol for new and added them to a half-loaded engine.
    if (this.pollMs && !this.timer) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.pollMs);
      this.timer.unref();
    }
  }

  /**
   * The engine's answer as `render` writes it (the response body), or the remembered one when the same search
   * was asked since the index last changed.
   */
  search(request: SearchRequest, render: (answer: SearchResponse) => string): string {
    const remembered = this.answers.get(request);
    if (remembered !== undefined) return remembered;
    const answer = render(this.engine.search(request));
    this.answers.set(request, answer);
    return answer;
  }

  /** Whether a protocol's text was read by OCR (and may hold misreadings): its hits say so. */
  readByOcr(id: ProtocolId): boolean {
    return this.ocr.has(id);
  }

  /** Indexes what changed in the store since the last look; runs one at a time. */
  refresh(): Promise<void> {
    this.work = this.work.then(() => this.sync());
    return this.work;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.work.catch(() => undefined);
  }

  private async rebuild(): Promise<void> {
    const revision = await this.store.revision();
    const protocols = await this.store.listProtocols();
    await this.engine.index(this.store.sections());
    this.answers.clear();
    this.setState(revision, protocols);
    await this.save();
  }

  private async sync(): Promise<void> {
    const revision = await this.store.revision();
    if (revision === this.state.revision) return;
    const protocols = await this.store.listProtocols();
    const current = new Map(protocols.map((p) => [p.id, versionOf(p)]));
    const changed = new Set(protocols.filter((p) => this.state.protocols[p.id] !== versionOf(p)).map((p) => p.id));
    for (const id of Object.keys(this.state.protocols)) if (!current.has(id)) this.engine.remove(id);
    this.answers.clear();
    if (changed.size > 0) {
      // Only the changed protocols are read: a node catching up on a large shared archive reads what is new.
      const byProtocol = new Map<ProtocolId, SectionRecord[]>();
      const records = await this.store.sectionsOf([...changed]);
      for (const record of records) {
        if (!byProtocol.has(record.protocolId)) byProtocol.set(record.protocolId, []);
        byProtocol.get(record.protocolId)!.push(record);
      }
      for (const id of changed) this.engine.add(id, byProtocol.get(id) ?? []);
      // Answers given while the new sections were being read may lack them.
      this.answers.clear();
      await this.onIndexed?.(records);
    }
    this.setState(revision, protocols);
    await this.save();
  }

  private setState(revision: number, protocols: ProtocolSummary[]): void {
    this.ocr = new Set(protocols.filter((p) => p.ocr).map((p) => p.id));
    const ingested = Object.fromEntries(protocols.map((p) => [p.id, versionOf(p)]));
    this.state = { engine: this.engine.name, revision, protocols: ingested, ocr: [...this.ocr] };
  }

  private async save(): Promise<void> {
    await mkdir(this.indexDir, { recursive: true });
    await this.engine.save(this.indexDir);
    await writeFile(join(this.indexDir, 'state.json'), JSON.stringify(this.state));
  }

  private async readState(): Promise<IndexState | null> {
    try {
      return JSON.parse(await readFile(join(this.indexDir, 'state.json'), 'utf8')) as IndexState;
    } catch {
      return null;
    }
  }
}

/** A protocol's sections change when it is re-ingested or corrected. */
function versionOf(p: ProtocolSummary): string {
  return p.correctedAt ? `${p.ingestedAt}|${p.correctedAt}` : p.ingestedAt;
}
