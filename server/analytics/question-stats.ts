// Figures over tracked questions: per förvaltning and party (how many, share answered in the same meeting,
// median days to an answer, open now) and questions per period by current status. A question taken up again in
// a later meeting is the same question: only the first asking counts.
import type { QuestionRecord } from '../../ingest/store/types.ts';
import type { QuestionOutcome } from './followup.ts';
import { periodOf, type Period } from './periods.ts';
import { compareSwedish } from './swedish-order.ts';
import { UNKNOWN_FORVALTNING } from './topic-facts.ts';

export type TrackedQuestion = QuestionRecord & QuestionOutcome;

export interface QuestionStatsRow {
  forvaltning: string;
  /** Asking party; "Okänd part" when the parser could not tell. */
  party: string;
  questions: number;
  /** Share (0–1) answered in the meeting where they were asked. */
  answeredSameMeeting: number;
  /** Median days from asking to answer over answered questions (0 for those answered at once); null when none. */
  medianDaysToAnswer: number | null;
  open: number;
}

export interface QuestionsOverTimeRow {
  period: string;
  periodStart: string;
  status: QuestionOutcome['currentStatus'];
  count: number;
}

export const UNKNOWN_PARTY = 'Okänd part';

export function questionStats(questions: TrackedQuestion[]): QuestionStatsRow[] {
  const groups = new Map<string, TrackedQuestion[]>();
  for (const q of questions) {
    if (q.followUpOf) continue;
    const key = `${q.forvaltning ?? UNKNOWN_FORVALTNING}\u0000${q.party ?? UNKNOWN_PARTY}`;
    const group = groups.get(key);
    if (group) group.push(q);
    else groups.set(key, [q]);
  }
  const rows: QuestionStatsRow[] = [];
  for (const [key, group] of groups) {
    const [forvaltning, party] = key.split('\u0000');
    const days = group
      .filter((q) => q.currentStatus !== 'open' && q.daysOpen !== null)
      .map((q) => q.daysOpen!)
      .sort((a, b) => a - b);
    rows.push({
      forvaltning,
      party,
      questions: group.length,
      answeredSameMeeting: group.filter((q) => q.currentStatus === 'answered').length / group.length,
      medianDaysToAnswer: median(days),
      open: group.filter((q) => q.currentStatus === 'open').length,
    });
  }
  return rows.sort((a, b) => compareSwedish(a.forvaltning, b.forvaltning) || compareSwedish(a.party, b.party));
}

/** Questions first asked in each period, by their status now; periods without a question are left out. */
export function questionsOverTime(questions: TrackedQuestion[], period: Period): QuestionsOverTimeRow[] {
  const rows = new Map<string, QuestionsOverTimeRow>();
  for (const q of questions) {
    if (q.followUpOf) continue;
    const key = periodOf(q.date, period);
    if (!key) continue;
    const id = `${key.period}\u0000${q.currentStatus}`;
    const row = rows.get(id) ?? { ...key, status: q.currentStatus, count: 0 };
    row.count += 1;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.status.localeCompare(b.status));
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
