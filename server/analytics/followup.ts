// Follows questions across meetings. A question deferred or left unanswered in one meeting is looked for in the
// next meetings of the same förvaltning — taken up again under an item such as "Kvarvarande frågor från
// föregående möte" or in words that point back ("Vision har tidigare frågat om …"), by the same party, on the
// same subject, within a time window — until an answer is recorded. Each question then is answered (in its own
// meeting), answered later (with the meeting and the answer) or open.
import type { Answer, Party, QuestionStatus } from '../../ingest/model.ts';
import { normalize } from '../../ingest/lang/swedish.ts';
import type { QuestionRecord } from '../../ingest/store/types.ts';
import { isFollowUpSection, pointsBack, type FollowUpExchange } from './followup-material.ts';
import { ANSWER_CUES, DEFERRAL_CUES } from './followup-vocabulary.ts';
import { dayNumberOf } from './periods.ts';
import { coverage, subjectOf, SubjectWeights, type Subject } from './subject-similarity.ts';

export type CurrentStatus = 'open' | 'answered' | 'answered_later';

export interface TrailStep {
  protocolId: string;
  date: string | null;
  section: string;
  status: QuestionStatus;
  /** The question record of this step; null when the step is an exchange the parser did not record as a question. */
  questionId: string | null;
  /** What was said, for an exchange step (a question step's words are its question record's). */
  said?: { raised: string; reply: string };
  /**
   * The employer's reply that did not answer a question step ("Arbetsgivaren återkommer …"): an open question's
   * outcome has no answer, so without this the balanslista could not say what the employer promised.
   */
  reply?: string;
}

export interface QuestionOutcome {
  currentStatus: CurrentStatus;
  answeredIn: { protocolId: string; date: string | null; questionId: string | null; section: string } | null;
  /** The answer: given in the same meeting, or recorded where the question was taken up again. */
  answer: Answer | null;
  /**
   * Days from the meeting where the question was asked to the meeting that answered it; for an open question,
   * to the latest meeting of the same förvaltning in the archive (the last meeting known not to have answered
   * it, so the age does not grow while no protocols arrive); 0 when answered at once; null without dates.
   */
  daysOpen: number | null;
  /** The meetings the question passed through, starting with the one where it was asked. */
  trail: TrailStep[];
  /** Id of the question first asked, when this record is that question taken up again. */
  followUpOf: string | null;
}

export interface MeetingRef {
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
}

export interface FollowUpOptions {
  /** A question not taken up for this many days is no longer looked for. */
  maxGapDays: number;
  /** Share of the question's subject (rarity-weighted) that a later exchange must cover. */
  minSubjectShare: number;
}

/**
 * Open questions come back at the next meeting or the one after (the summer break makes that up to about four
 * months); a question silent for longer is not what a later "Kvarvarande frågor från föregående möte" is about.
 */
export const DEFAULT_FOLLOW_UP_OPTIONS: FollowUpOptions = { maxGapDays: 150, minSubjectShare: 0.4 };

/** Score taken off per day since a question was last seen: a month weighs as much as 3 % more subject overlap. */
const RECENCY_PER_DAY = 0.001;

interface Thread {
  root: QuestionRecord;
  rootDay: number;
  party: Party | null;
  subjects: Subject[];
  trail: TrailStep[];
  lastDay: number;
  members: QuestionRecord[];
}

type Candidate =
  | { kind: 'question'; question: QuestionRecord; subject: Subject }
  | { kind: 'exchange'; exchange: FollowUpExchange; subject: Subject };

type Settled = Omit<QuestionOutcome, 'trail' | 'followUpOf'>;

/** Outcome of every question, by question id. */
export function followQuestions(
  questions: QuestionRecord[],
  exchanges: FollowUpExchange[],
  meetings: MeetingRef[],
  options: FollowUpOptions = DEFAULT_FOLLOW_UP_OPTIONS,
): Map<string, QuestionOutcome> {
  const weights = new SubjectWeights();
  const questionSubjects = new Map<QuestionRecord, Subject>();
  for (const q of questions) {
    const s = subjectOf(q.text);
    questionSubjects.set(q, s);
    weights.add(s);
  }
  const exchangeSubjects = new Map<FollowUpExchange, Subject>();
  for (const e of exchanges) {
    const s = subjectOf(e.raised);
    exchangeSubjects.set(e, s);
    weights.add(s);
  }

  const questionsByProtocol = groupBy(questions, (q) => q.protocolId);
  const exchangesByProtocol = groupBy(exchanges, (e) => e.protocolId);
  const dated = meetings.filter((m) => m.forvaltning !== null && dayNumberOf(m.date) !== null);
  const outcomes = new Map<string, QuestionOutcome>();

  for (const forvaltningMeetings of groupBy(dated, (m) => m.forvaltning!).values()) {
    const ordered = forvaltningMeetings.sort(
      (a, b) => dayNumberOf(a.date)! - dayNumberOf(b.date)! || a.protocolId.localeCompare(b.protocolId),
    );
    const latestDay = dayNumberOf(ordered[ordered.length - 1].date)!;
    let open: Thread[] = [];
    const settled: Array<{ thread: Thread; outcome: Settled }> = [];
    const settle = (thread: Thread, outcome: Settled) => {
      settled.push({ thread, outcome });
      open = open.filter((t) => t !== thread);
    };

    for (const meeting of ordered) {
      const day = dayNumberOf(meeting.date)!;
      for (const t of open.filter((t) => day - t.lastDay > options.maxGapDays)) settle(t, stillOpen(t, latestDay));

      const here = questionsByProtocol.get(meeting.protocolId) ?? [];
      const recorded = here.filter((q) => isFollowUpSection(q.sectionTitle) || pointsBack(q.text));
      const candidates: Candidate[] = [
        ...recorded.map((q): Candidate => ({ kind: 'question', question: q, subject: questionSubjects.get(q)! })),
        // An exchange the parser also recorded as a question is that question: one candidate, not two.
        ...(exchangesByProtocol.get(meeting.protocolId) ?? [])
          .filter((e) => !recorded.some((q) => q.section === e.section && sameStatement(q.text, e.raised)))
          .map((e): Candidate => ({ kind: 'exchange', exchange: e, subject: exchangeSubjects.get(e)! })),
      ];

      const claimed = new Set<QuestionRecord>();
      for (const { thread, candidate } of bestMatches(open, candidates, day, weights, options)) {
        thread.lastDay = day;
        if (candidate.kind === 'question') {
          const q = candidate.question;
          claimed.add(q);
          thread.members.push(q);
          thread.subjects.push(candidate.subject);
          thread.trail.push(questionStep(q));
          if (q.status === 'answered') settle(thread, answeredLater(thread, meeting, q.section, q.id, q.answer, day));
          continue;
        }
        const e = candidate.exchange;
        const status = exchangeStatus(e);
        thread.trail.push({ protocolId: e.protocolId, date: meeting.date, section: e.section, status, questionId: null, said: { raised: e.raised, reply: e.reply } });
        if (status === 'answered') {
          const answer = { party: e.replyParty, text: e.reply || e.raised };
          settle(thread, answeredLater(thread, meeting, e.section, null, answer, day));
        }
      }

      for (const q of here) {
        if (claimed.has(q) || q.status === 'answered') continue;
        open.push({
          root: q,
          rootDay: day,
          party: q.party,
          subjects: [questionSubjects.get(q)!],
          trail: [questionStep(q)],
          lastDay: day,
          members: [q],
        });
      }
    }
    for (const t of open) settled.push({ thread: t, outcome: stillOpen(t, latestDay) });

    for (const { thread, outcome } of settled) {
      for (const member of thread.members) {
        // A question taken up again and answered in that meeting is, as a record of its own, answered at once.
        const own: Settled =
          member.status === 'answered' ? { currentStatus: 'answered', answeredIn: null, answer: member.answer, daysOpen: 0 } : outcome;
        outcomes.set(member.id, { ...own, trail: thread.trail, followUpOf: member === thread.root ? null : thread.root.id });
      }
    }
  }

  for (const q of questions) if (!outcomes.has(q.id)) outcomes.set(q.id, untracked(q));
  return outcomes;
}

/**
 * Pairs open questions with candidates, best first: each question is taken up at most once per meeting and each
 * candidate continues one question only — a restatement names one question, and a reply covering several would
 * cover too little of each one's subject to be matched anyway.
 */
function bestMatches(
  open: Thread[],
  candidates: Candidate[],
  day: number,
  weights: SubjectWeights,
  options: FollowUpOptions,
): Array<{ thread: Thread; candidate: Candidate }> {
  const pairs: Array<{ thread: Thread; candidate: Candidate; score: number }> = [];
  for (const thread of open) {
    for (const candidate of candidates) {
      if (!sameParty(thread, candidate)) continue;
      const share = subjectShare(thread, candidate, weights);
      if (share < options.minSubjectShare) continue;
      // Between questions on much the same subject, the one seen last is what "föregående möte" refers to;
      // and the parser's question record beats the raw exchange it came from, as it has an id to link to.
      const recency = RECENCY_PER_DAY * (day - thread.lastDay);
      pairs.push({ thread, candidate, score: share - recency + (candidate.kind === 'question' ? 0.01 : 0) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const takenThreads = new Set<Thread>();
  const takenCandidates = new Set<Candidate>();
  const chosen: Array<{ thread: Thread; candidate: Candidate }> = [];
  for (const pair of pairs) {
    if (takenThreads.has(pair.thread) || takenCandidates.has(pair.candidate)) continue;
    takenThreads.add(pair.thread);
    takenCandidates.add(pair.candidate);
    chosen.push(pair);
  }
  return chosen;
}

/** How much of the question's subject the candidate restates; a restatement may be worded more briefly, so
 * the share either way counts. */
function subjectShare(thread: Thread, candidate: Candidate, weights: SubjectWeights): number {
  let best = 0;
  for (const subject of thread.subjects) {
    const forward = coverage(subject, candidate.subject, weights);
    if (forward.matched === 0) continue;
    best = Math.max(best, forward.share, coverage(candidate.subject, subject, weights).share);
  }
  return best;
}

/** Same asking party: a recorded question is asked by it; an exchange is brought up by it or names it. */
function sameParty(thread: Thread, candidate: Candidate): boolean {
  const party = candidate.kind === 'question' ? candidate.question.party : candidate.exchange.party;
  return thread.party === null || party === null || party === thread.party;
}

/** One text contains the other: the parser's question is a sentence or more of the statement. */
function sameStatement(question: string, statement: string): boolean {
  const a = normalize(question).trim();
  const b = normalize(statement).trim();
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function questionStep(q: QuestionRecord): TrailStep {
  const step: TrailStep = { protocolId: q.protocolId, date: q.date, section: q.section, status: q.status, questionId: q.id };
  if (q.status !== 'answered' && q.answer) step.reply = q.answer.text;
  return step;
}

function exchangeStatus(e: FollowUpExchange): QuestionStatus {
  const reply = normalize(e.reply || (ANSWER_CUES.some((re) => re.test(normalize(e.raised))) ? e.raised : ''));
  if (!reply) return 'unanswered';
  return DEFERRAL_CUES.some((re) => re.test(reply)) ? 'deferred' : 'answered';
}

function answeredLater(
  thread: Thread,
  meeting: MeetingRef,
  section: string,
  questionId: string | null,
  answer: Answer | null,
  day: number,
): Settled {
  return {
    currentStatus: 'answered_later',
    answeredIn: { protocolId: meeting.protocolId, date: meeting.date, questionId, section },
    answer,
    daysOpen: day - thread.rootDay,
  };
}

function stillOpen(thread: Thread, latestDay: number): Settled {
  return { currentStatus: 'open', answeredIn: null, answer: null, daysOpen: latestDay - thread.rootDay };
}

/** Questions answered in their own meeting and not taken up later, and questions of meetings without a date or
 * förvaltning (which cannot be followed). */
function untracked(q: QuestionRecord): QuestionOutcome {
  const answered = q.status === 'answered';
  return {
    currentStatus: answered ? 'answered' : 'open',
    answeredIn: null,
    answer: q.answer,
    daysOpen: answered ? 0 : null,
    trail: [questionStep(q)],
    followUpOf: null,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
