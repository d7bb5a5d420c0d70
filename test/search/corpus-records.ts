// Section records of the four corpus protocols, made by the real pipeline (parsePdf) — what the judged
// relevance test and the benchmark index. Keyed by file name so judgements can name sections per file.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePdf } from '../../ingest/pipeline.ts';
import { protocolIdOf, sectionRecordsOf } from '../../ingest/store/records.ts';
import type { SectionRecord } from '../../ingest/store/types.ts';

export const CORPUS_DIR = resolve(import.meta.dirname, '../fixtures/corpus');
export const CORPUS_FILES = [
  'hagersten-alvsjo-fvg-2024-01-13',
  'hagersten-alvsjo-fvg-2024-03-12',
  'hagersten-alvsjo-fvg-2025-01-14',
  'skarholmen-fvg-2025-12',
];

export interface CorpusRecords {
  records: SectionRecord[];
  /** Protocol id of each corpus file (by name without .pdf). */
  protocolIds: Map<string, string>;
}

export async function corpusRecords(): Promise<CorpusRecords> {
  const records: SectionRecord[] = [];
  const protocolIds = new Map<string, string>();
  for (const name of CORPUS_FILES) {
    const bytes = new Uint8Array(await readFile(join(CORPUS_DIR, `${name}.pdf`)));
    const outcome = await parsePdf(bytes, `${name}.pdf`);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.failure.reason}`);
    const id = protocolIdOf(outcome.protocol.source.sha256);
    protocolIds.set(name, id);
    records.push(...sectionRecordsOf(outcome.protocol, id));
  }
  return { records, protocolIds };
}
