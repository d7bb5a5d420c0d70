// Everything the analytics endpoints answer from, computed in one pass over the store: topic facts per
// protocol, word counts for emerging subjects, and every question followed across meetings. Endpoints then only
// filter and group these in memory, which keeps them fast on archives of thousands of protocols.
import { questionRecordsOf, sectionRecordsOf } from '../../ingest/store/records.ts';
import type { ArchiveStore, QuestionRecord } from '../../ingest/store/types.ts';
import { TermCounts, type EmergingResult } from './emerging.ts';
import { FollowUpMaterialCollector } from './followup-material.ts';
import { followQuestions } from './followup.ts';
import type { Period } from './periods.ts';
import { searchTextOf } from './question-filter.ts';
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
}

export function withLookups(data: SnapshotData): AnalyticsSnapshot {
  return {
    ...data,
    trends: new TrendIndex(data.topicFacts, data.topics.map((t) => t.id)),
    questionsById: new Map(data.questions.map((q) => [q.id, q])),
    searchText: new Map(data.questions.map((q) => [q.id, searchTextOf(q)])),
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
    .map((q) => withCorrectedOutcome({ ...q, ...outcomes.get(q.id)! }, meetings))
    .sort(newestFirst);

  const topicFacts = topicCollector.finish(protocols);
  const snapshot = withLookups({
    revision,
    buildMs: 0,
    topics: topicTotals(topicFacts, taxonomy),
    topicFacts,
    emerging: { month: terms.emerging('month'), quarter: terms.emerging('quarter'), year: terms.emerging('year') },
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

/** A parsed question's id ends in its 1-based position in the protocol ("…-q12"); added ones go after them. */
function positionOf(questionId: string): number {
  const at = questionId.lastIndexOf('-q');
  return at < 0 ? Number.MAX_SAFE_INTEGER : Number(questionId.slice(at + 2));
}

/**
 * A person's word on where a question was answered overrides the follow-up's guess: the question is then
 * answered in that meeting (or, with no meeting given, answered or open as its corrected status says).
 */
function withCorrectedOutcome(q: TrackedQuestion, meetings: Array<{ protocolId: string; date: string | null }>): TrackedQuestion {
  const correction = q.correction;
  if (!correction || correction.originalStatus === q.status && !correction.answeredIn) return q;
  const link = correction.answeredIn;
  if (link && link.protocolId !== q.protocolId) {
    const date = meetings.find((m) => m.protocolId === link.protocolId)?.date ?? null;
    const days = q.date && date ? Math.round((Date.parse(date) - Date.parse(q.date)) / 86_400_000) : null;
    return {
      ...q,
      currentStatus: 'answered_later',
      answeredIn: { protocolId: link.protocolId, date, questionId: null, section: link.section ?? '' },
      daysOpen: days,
    };
  }
  if (q.status === 'answered') return { ...q, currentStatus: 'answered', answeredIn: null, daysOpen: 0 };
  return q.currentStatus === 'answered' ? { ...q, currentStatus: 'open', answeredIn: null } : q;
}
