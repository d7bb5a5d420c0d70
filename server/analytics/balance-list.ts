// The balanslista: the open questions a förvaltningsgrupp carries to its next meeting. For one förvaltning (and
// optionally one body, e.g. FVG or one of its SVG), each question still open after following it across meetings
// (followup.ts), with the party that asked, when it was first asked, and every meeting since where it came up
// with what was said there — grouped by asking party or by topic, oldest question first in each group.
import type { Party, QuestionKind, QuestionStatus } from '../../ingest/model.ts';
import type { TrackedQuestion } from './question-stats.ts';
import { UNKNOWN_PARTY } from './question-stats.ts';
import { compareSwedish } from './swedish-order.ts';

export type BalanceGrouping = 'party' | 'topic';

export interface BalanceStep {
  protocolId: string;
  date: string | null;
  section: string;
  status: QuestionStatus;
  /** What the party said when the question came up again, and the employer's reply ("" when none is recorded). */
  raised: string;
  reply: string;
}

export interface BalanceItem {
  questionId: string;
  party: Party | null;
  kind: QuestionKind;
  text: string;
  topics: string[];
  /** Where the question was first asked. */
  asked: { protocolId: string; date: string | null; section: string; sectionTitle: string; body: string | null };
  /** What the employer said when it was asked ("" when nothing was recorded). */
  firstReply: string;
  daysOpen: number | null;
  /** Meetings after the first where the question came up, oldest first. */
  since: BalanceStep[];
}

export interface BalanceGroup {
  name: string;
  items: BalanceItem[];
}

export interface BalanceList {
  forvaltning: string;
  body: string | null;
  by: BalanceGrouping;
  total: number;
  groups: BalanceGroup[];
}

export interface BalanceRequest {
  forvaltning: string;
  body?: string;
  by: BalanceGrouping;
  /** The meeting the list is for ("YYYY-MM-DD"): questions first asked at it or later are not yet carried to it. */
  before?: string;
  /** Topic ids → labels, for grouping by topic. */
  topicLabel: (id: string) => string;
}

export const NO_TOPIC = 'Övriga frågor';

export function balanceList(
  questions: TrackedQuestion[],
  byId: Map<string, TrackedQuestion>,
  request: BalanceRequest,
): BalanceList {
  const open = questions
    .filter((q) => q.currentStatus === 'open' && q.followUpOf === null && q.forvaltning === request.forvaltning)
    .filter((q) => !request.body || q.body === request.body)
    .filter((q) => !request.before || (q.date !== null && q.date < request.before))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const groups = new Map<string, BalanceItem[]>();
  for (const q of open) {
    const name = request.by === 'party' ? (q.party ?? UNKNOWN_PARTY) : q.topics.length > 0 ? request.topicLabel(q.topics[0]) : NO_TOPIC;
    const items = groups.get(name) ?? [];
    items.push(itemOf(q, byId));
    groups.set(name, items);
  }
  return {
    forvaltning: request.forvaltning,
    body: request.body ?? null,
    by: request.by,
    total: open.length,
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a === NO_TOPIC ? 1 : b === NO_TOPIC ? -1 : compareSwedish(a, b)))
      .map(([name, items]) => ({ name, items })),
  };
}

function itemOf(q: TrackedQuestion, byId: Map<string, TrackedQuestion>): BalanceItem {
  return {
    questionId: q.id,
    party: q.party,
    kind: q.kind,
    text: q.text,
    topics: q.topics,
    asked: { protocolId: q.protocolId, date: q.date, section: q.section, sectionTitle: q.sectionTitle, body: q.body },
    firstReply: q.trail[0]?.reply ?? q.answer?.text ?? '',
    daysOpen: q.daysOpen,
    since: q.trail.slice(1).map((step): BalanceStep => {
      const recorded = step.questionId ? byId.get(step.questionId) : undefined;
      return {
        protocolId: step.protocolId,
        date: step.date,
        section: step.section,
        status: step.status,
        raised: recorded?.text ?? step.said?.raised ?? '',
        reply: recorded ? (step.reply ?? recorded.answer?.text ?? '') : replyOf(step.said),
      };
    }),
  };
}

/** An employer statement that both restates and answers a question is the exchange's one text: not said twice. */
function replyOf(said: { raised: string; reply: string } | undefined): string {
  if (!said || said.reply === said.raised) return '';
  return said.reply;
}
