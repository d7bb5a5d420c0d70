// Everything the analytics endpoints answer from, computed in one pass over the store: topic facts per
// protocol, word counts for emerging subjects, and every question followed across meetings. Endpoints then only
// filter and group these in memory, which keeps them fast on archives of thousands of protocols.
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { TermCounts, type EmergingResult } from './emerging.ts';
import { FollowUpMaterialCollector } from './followup-material.ts';
import { followQuestions } from './followup.ts';
import type { Period } from './periods.ts';
import { searchTextOf } from './question-filter.ts';
import type { TrackedQuestion } from './question-stats.ts';
import { loadTaxonomy, type TopicInfo } from './taxonomy.ts';
import { TopicFactsCollector, type ProtocolTopicFacts } from './topic-facts.ts';
import { topicTotals, type TopicTotal } from './trends.ts';

export interface AnalyticsSnapshot {
  /** The store revision this snapshot was computed from. */
  revision: number;
  buildMs: number;
  topics: TopicTotal[];
  topicFacts: ProtocolTopicFacts[];
  emerging: Record<Period, EmergingResult>;
  /** Newest first. */
  questions: TrackedQuestion[];
  questionsById: Map<string, TrackedQuestion>;
  /** Lower-cased question and answer text, for the free-text filter. */
  searchText: Map<string, string>;
}

export async function buildSnapshot(store: ArchiveStore, taxonomy: TopicInfo[] = loadTaxonomy()): Promise<AnalyticsSnapshot> {
  const started = performance.now();
  const revision = await store.revision();
  const protocols = await store.listProtocols();
  const topicCollector = new TopicFactsCollector();
  const terms = new TermCounts();
  const material = new FollowUpMaterialCollector();
  for await (const record of store.sections()) {
    topicCollector.add(record);
    terms.add(record);
    material.add(record);
  }
  const records = await store.questions();
  const meetings = protocols.map((p) => ({ protocolId: p.id, forvaltning: p.forvaltning, date: p.date }));
  const outcomes = followQuestions(records, material.exchanges, meetings);
  const questions: TrackedQuestion[] = records
    .map((q) => ({ ...q, ...outcomes.get(q.id)! }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id, 'en', { numeric: true }));

  const topicFacts = topicCollector.finish(protocols);
  return {
    revision,
    buildMs: Math.round(performance.now() - started),
    topics: topicTotals(topicFacts, taxonomy),
    topicFacts,
    emerging: { month: terms.emerging('month'), quarter: terms.emerging('quarter'), year: terms.emerging('year') },
    questions,
    questionsById: new Map(questions.map((q) => [q.id, q])),
    searchText: new Map(questions.map((q) => [q.id, searchTextOf(q)])),
  };
}
