// The figures of the Översikt start page: per förvaltning its open questions (how many, the oldest, how many
// have waited through more than two meetings since they were asked), and the topics rising in the archive's
// latest quarter compared with the four quarters before it. Pure functions of the analytics snapshot's data.
import { periodOf } from './periods.ts';
import type { TrackedQuestion } from './question-stats.ts';
import { compareSwedish } from './swedish-order.ts';
import type { ProtocolTopicFacts } from './topic-facts.ts';
import type { TopicTotal } from './trends.ts';

/** A question open for more than this many later meetings is one the förvaltningsgrupp keeps carrying. */
export const LONG_WAIT_MEETINGS = 2;

export interface OpenQuestionsRow {
  forvaltning: string;
  open: number;
  /** Open questions asked before more than LONG_WAIT_MEETINGS later meetings of the förvaltning. */
  waitedLong: number;
  oldest: { id: string; protocolId: string; section: string; date: string | null; party: string | null; text: string } | null;
}

export interface RisingTopic {
  topic: string;
  label: string;
  /** Protocols mentioning the topic in the latest quarter, of all protocols then. */
  protocols: number;
  total: number;
  share: number;
  /** The same over the four quarters before. */
  baselineProtocols: number;
  baselineTotal: number;
  baselineShare: number;
}

export interface RisingTopics {
  /** "2025-Q2"; null when the archive has no dated protocols. */
  quarter: string | null;
  /** "2024-Q2–2025-Q1". */
  baseline: string | null;
  topics: RisingTopic[];
}

/**
 * For every open question first asked (not a later restatement): how many meetings its förvaltning has held
 * after the one where it was asked — the meetings it has waited through.
 */
export function meetingsWaited(questions: TrackedQuestion[], facts: ProtocolTopicFacts[]): Map<string, number> {
  const datesByForvaltning = new Map<string, string[]>();
  for (const f of facts) {
    if (!f.date) continue;
    const dates = datesByForvaltning.get(f.forvaltning) ?? [];
    dates.push(f.date);
    datesByForvaltning.set(f.forvaltning, dates);
  }
  for (const dates of datesByForvaltning.values()) dates.sort();
  const waited = new Map<string, number>();
  for (const q of questions) {
    if (q.currentStatus !== 'open' || q.followUpOf !== null || !q.date || !q.forvaltning) continue;
    const dates = datesByForvaltning.get(q.forvaltning) ?? [];
    waited.set(q.id, dates.length - firstAfter(dates, q.date));
  }
  return waited;
}

/** Index of the first date later than `date` in sorted `dates`. */
function firstAfter(dates: string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (dates[mid] <= date) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function openQuestionsByForvaltning(questions: TrackedQuestion[], waited: Map<string, number>): OpenQuestionsRow[] {
  const rows = new Map<string, OpenQuestionsRow>();
  // Oldest first, so the first open question seen per förvaltning is its oldest.
  const open = questions
    .filter((q) => q.currentStatus === 'open' && q.followUpOf === null && q.forvaltning)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  for (const q of open) {
    const forvaltning = q.forvaltning!;
    const row = rows.get(forvaltning) ?? { forvaltning, open: 0, waitedLong: 0, oldest: null };
    row.open += 1;
    if ((waited.get(q.id) ?? 0) > LONG_WAIT_MEETINGS) row.waitedLong += 1;
    row.oldest ??= { id: q.id, protocolId: q.protocolId, section: q.section, date: q.date, party: q.party, text: q.text };
    rows.set(forvaltning, row);
  }
  return [...rows.values()].sort((a, b) => compareSwedish(a.forvaltning, b.forvaltning));
}

/** Topics whose share of protocols in the latest quarter is higher than over the four quarters before it. */
export function risingTopics(facts: ProtocolTopicFacts[], topics: TopicTotal[]): RisingTopics {
  const quarters = facts.map((f) => periodOf(f.date, 'quarter')?.period).filter((q): q is string => Boolean(q));
  if (quarters.length === 0) return { quarter: null, baseline: null, topics: [] };
  const latest = quarters.reduce((a, b) => (a > b ? a : b));
  const baselineQuarters = previousQuarters(latest, 4);
  const inLatest = facts.filter((f) => periodOf(f.date, 'quarter')?.period === latest);
  const inBaseline = facts.filter((f) => baselineQuarters.includes(periodOf(f.date, 'quarter')?.period ?? ''));
  const mentioning = (list: ProtocolTopicFacts[], topic: string) => list.filter((f) => f.topics.some((t) => t.topic === topic)).length;
  const rising: RisingTopic[] = [];
  for (const t of topics) {
    const protocols = mentioning(inLatest, t.id);
    const baselineProtocols = mentioning(inBaseline, t.id);
    const share = protocols / inLatest.length;
    const baselineShare = inBaseline.length > 0 ? baselineProtocols / inBaseline.length : 0;
    // One protocol is no trend: a rising topic is raised in at least two meetings of the quarter.
    if (protocols < 2 || share <= baselineShare) continue;
    rising.push({ topic: t.id, label: t.label, protocols, total: inLatest.length, share, baselineProtocols, baselineTotal: inBaseline.length, baselineShare });
  }
  rising.sort((a, b) => b.share - b.baselineShare - (a.share - a.baselineShare) || compareSwedish(a.label, b.label));
  return { quarter: latest, baseline: `${baselineQuarters[0]}–${baselineQuarters[baselineQuarters.length - 1]}`, topics: rising };
}

/** The `count` quarters before "2025-Q2", oldest first: 2024-Q2 … 2025-Q1. */
function previousQuarters(quarter: string, count: number): string[] {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + (q - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = index - count + i;
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}
