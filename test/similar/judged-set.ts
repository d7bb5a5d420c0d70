// The judged set of similar questions (judged-similar.json) and how "Liknande frågor" is scored on it: the real
// fixture protocols and a generated archive parsed by the real pipeline into one store, every question named in
// the set looked up by its file and a passage of its text, and recall@5 and MRR over every judged question that
// has a relevant question in another protocol.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateAndParse } from '../analytics/generated-archive.ts';
import type { Protocol } from '../../ingest/model.ts';
import { parsePdf } from '../../ingest/pipeline.ts';
import { protocolIdOf, questionIdOf } from '../../ingest/store/records.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const JUDGED = join(import.meta.dirname, 'judged-similar.json');
const REAL_SETS = ['corpus', 'holdout', 'holdout2', 'holdout3'];

interface JudgedQuestion {
  file: string;
  quote: string;
}

export interface JudgedSet {
  generated: { seed: number; forvaltningar: number; from: string; to: string };
  groups: Array<{ matter: string; reasoning: string; questions: JudgedQuestion[] }>;
}

export interface JudgedArchive {
  /** Parsed protocols by their file name in the judged set ("corpus/x.pdf", "synthetic/farsta/2024-01-16.pdf"). */
  protocols: Map<string, Protocol>;
  judged: JudgedSet;
}

export function readJudgedSet(): JudgedSet {
  return JSON.parse(readFileSync(JUDGED, 'utf8')) as JudgedSet;
}

export async function loadJudgedArchive(): Promise<JudgedArchive> {
  const judged = readJudgedSet();
  const protocols = new Map<string, Protocol>();
  for (const set of REAL_SETS) {
    let files: string[];
    try {
      files = readdirSync(join(FIXTURES, set)).filter((f) => f.endsWith('.pdf')).sort();
    } catch {
      continue; // holdout3 arrives later
    }
    for (const file of files) {
      const outcome = await parsePdf(new Uint8Array(readFileSync(join(FIXTURES, set, file))), file);
      if (outcome.ok) protocols.set(`${set}/${file}`, outcome.protocol);
    }
  }
  const generated = await generateAndParse(judged.generated);
  for (const { protocol, truth } of generated.parsed) protocols.set(truth.file, protocol);
  return { protocols, judged };
}

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** The stored id of a judged question; throws when the passage names no question or several. */
export function questionIdOfJudged(archive: JudgedArchive, question: JudgedQuestion): string {
  const protocol = archive.protocols.get(question.file);
  if (!protocol) throw new Error(`judged set names a protocol that was not parsed: ${question.file}`);
  const quote = squash(question.quote);
  const hits = protocol.questions.flatMap((q, i) => (squash(q.text).includes(quote) ? [i] : []));
  if (hits.length !== 1) throw new Error(`"${question.quote}" names ${hits.length} questions in ${question.file}`);
  return questionIdOf(protocolIdOf(protocol.source.sha256), hits[0]);
}

export interface JudgedScore {
  queries: number;
  recallAt5: number;
  mrr: number;
  /** Per judged question: its id, what was relevant and what came back. */
  misses: Array<{ id: string; relevant: string[]; returned: string[] }>;
}

/**
 * Scores the store's similar questions against the judged set (the store must hold the archive's protocols);
 * `asking` limits the judged questions asked about to those of some files (their relevant ones stay all).
 */
export async function scoreJudged(store: ArchiveStore, archive: JudgedArchive, asking: (file: string) => boolean = () => true): Promise<JudgedScore> {
  const relevant = new Map<string, Set<string>>();
  for (const group of archive.judged.groups) {
    const ids = group.questions.map((q) => questionIdOfJudged(archive, q));
    const asked = new Set(group.questions.flatMap((q, i) => (asking(q.file) ? [ids[i]] : [])));
    for (const id of ids) {
      if (!asked.has(id)) continue;
      const set = relevant.get(id) ?? new Set<string>();
      for (const other of ids) if (protocolOf(other) !== protocolOf(id)) set.add(other);
      relevant.set(id, set);
    }
  }
  let queries = 0;
  let recall = 0;
  let reciprocal = 0;
  const misses: JudgedScore['misses'] = [];
  for (const [id, wanted] of relevant) {
    if (wanted.size === 0) continue;
    queries++;
    const returned = ((await store.similarQuestions(id, 20)) ?? []).map((s) => s.id);
    const top5 = returned.slice(0, 5);
    recall += top5.filter((r) => wanted.has(r)).length / Math.min(5, wanted.size);
    const first = returned.findIndex((r) => wanted.has(r));
    reciprocal += first >= 0 ? 1 / (first + 1) : 0;
    if (first !== 0) misses.push({ id, relevant: [...wanted], returned: top5 });
  }
  return { queries, recallAt5: recall / queries, mrr: reciprocal / queries, misses };
}

function protocolOf(questionId: string): string {
  return questionId.slice(0, questionId.lastIndexOf('-q'));
}
