// Everything the analytics endpoints answer from, computed in one pass over the store: topic facts per
// protocol, word counts for emerging subjects, and every question followed across meetings. Endpoints then only
// filter and group these in memory, which keeps them fast on archives of thousands of protocols.
import { questionRecordsOf, sectionRecordsOf } from '../../ingest/store/records.ts';
import type { ArchiveStore, QuestionRecord } from '../../ingest/store/types.ts';
import { TermCounts, type EmergingResult } from './emerging.ts';
import { addExamples } from './emerging-examples.ts';
import { FollowUpMaterialCollector } from './followup-material.ts';
import { followQuestions } from './followup.ts';
import type { Period } from './periods.ts';
import { searchTextOf } from './question-filter.ts';
import { meetingsWaited } from './overview.ts';
import type { TrackedQuestion } from './question-stats.ts';
import { loadTaxonomy, type TopicInfo } from './taxonomy.ts';
import { TopicFactsCollector, type ProtocolTopicFacts } from './topic-facts.ts';
import { TrendIndex } from './trend-index.ts';
import { topicTotals, type TopicTotal } from './trends.ts';

/** What is computed from the store: plain data that can be saved and loaded again (snapshot-file.ts). */
export interface SnapshotData {
  /** The store revision this snapshot was computed from. */
  revision: number;
  buildMs: number;
  topics: TopicTotal[];
  topicFacts: ProtocolTopicFacts[];
  emerging: Record<Period, EmergingResult>;
  /** Newest first. */
  questions: TrackedQuestion[];
}

/** The data with the lookups the endpoints use, derived in memory. */
export interface AnalyticsSnapshot extends SnapshotData {
  trends: TrendIndex;
  questionsById: Map<string, TrackedQuestion>;
  /** Lower-cased question and answer text, for the free-text filter. */
  searchText: Map<string, string>;
  /** Open questions (first askings): meetings of their förvaltning held since they were asked. */
  meetingsWaited: Map<string, number>;
}

export function withLookups(data: SnapshotData): AnalyticsSnapshot {
  return {
    ...data,
    trends: new TrendIndex(data.topicFacts, data.topics.map((t) => t.id)),
    questionsById: new Map(data.questions.map((q) => [q.id, q])),
    searchText: new Map(data.questions.map((q) => [q.id, searchTextOf(q)])),
    meetingsWaited: meetingsWaited(data.questions, data.topicFacts),
  };
}

export async function buildSnapshot(store: ArchiveStore, taxonomy: TopicInfo[] = loadTaxonomy()): Promise<AnalyticsSnapshot> {
  const started = performance.now();
  const revision = await store.revision();
  const protocols = await store.listProtocols();
  const topicCollector = new TopicFactsCollector();
  const terms = new TermCounts();
  const material = new FollowUpMaterialCollector();
  const records: QuestionRecord[] = [];
  // One pass over the stored protocols gives both the section and the question records (and the attendees,
  // whose names are no subjects), instead of one pass for each.
  for await (const protocol of store.protocols()) {
    terms.addPeople(protocol.attendees.map((a) => a.name));
    for (const record of sectionRecordsOf(protocol, protocol.id)) {
      topicCollector.add(record);
      terms.add(record);
      material.add(record);
    }
    records.push(...questionRecordsOf(protocol, protocol.id));
  }
  const meetings = protocols.map((p) => ({ protocolId: p.id, forvaltning: p.forvaltning, date: p.date }));
  const outcomes = followQuestions(records, material.exchanges, meetings);
  const questions: TrackedQuestion[] = records
    .map((q) => ({ ...q, ...outcomes.get(q.id)! }))
    .sort(newestFirst);

  const emerging = { month: terms.emerging('month'), quarter: terms.emerging('quarter'), year: terms.emerging('year') };
  await addExamples(Object.values(emerging), store, protocols);
  const topicFacts = topicCollector.finish(protocols);
  const snapshot = withLookups({
    revision,
    buildMs: 0,
    topics: topicTotals(topicFacts, taxonomy),
    topicFacts,
    emerging,
    questions,
  });
  return { ...snapshot, buildMs: Math.round(performance.now() - started) };
}

/** Newest meeting first; within a meeting, questions in the order the protocol records them. */
function newestFirst(a: QuestionRecord, b: QuestionRecord): number {
  const byDate = (b.date ?? '').localeCompare(a.date ?? '');
  if (byDate !== 0) return byDate;
  if (a.protocolId !== b.protocolId) return a.protocolId < b.protocolId ? -1 : 1;
  return positionOf(a.id) - positionOf(b.id);
}

/** A question id ends in its 1-based position in the protocol ("…-q12"). */
function positionOf(questionId: string): number {
  return Number(questionId.slice(questionId.lastIndexOf('-q') + 2));
}
