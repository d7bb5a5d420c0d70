// Selecting tracked questions by the filters of the question list and its CSV export (the free-text filter is
// question-search.ts: it needs the archive's word statistics, not only the question).
import type { TrackedQuestion } from './question-stats.ts';
import { withinRange } from './periods.ts';

/**
 * `open`, `answered` (now, in the same meeting or later) and `answered_later` select by the status now;
 * `deferred` and `unanswered` by what the protocol recorded in the meeting where the question was asked.
 */
export type QuestionStatusFilter = 'open' | 'answered' | 'answered_later' | 'deferred' | 'unanswered';

export interface QuestionFilter {
  status?: QuestionStatusFilter;
  party?: string[];
  forvaltning?: string[];
  topic?: string[];
  /** Words to find in the question or its answer, with the Swedish analysis of question-search.ts. */
  q?: string;
  from?: string;
  to?: string;
  /** Questions from real protocols only, or from generated (synthetic) ones only. */
  source?: 'real' | 'synthetic';
}

/** The filter, except its free text, as a test on one question, prepared once for a whole list. */
export function questionMatcher(filter: QuestionFilter): (question: TrackedQuestion) => boolean {
  const parties = filter.party?.length ? new Set(filter.party) : null;
  const forvaltningar = filter.forvaltning?.length ? new Set(filter.forvaltning) : null;
  const topics = filter.topic?.length ? filter.topic : null;
  const { status, from, to, source } = filter;
  return (question) => {
    if (status && !matchesStatus(question, status)) return false;
    if (parties && !parties.has(question.party ?? '')) return false;
    if (forvaltningar && !forvaltningar.has(question.forvaltning ?? '')) return false;
    if (topics && !topics.some((t) => question.topics.includes(t))) return false;
    if (source && question.synthetic !== (source === 'synthetic')) return false;
    return !((from || to) && (!question.date || !withinRange(question.date, from, to)));
  };
}

function matchesStatus(question: TrackedQuestion, status: QuestionStatusFilter): boolean {
  switch (status) {
    case 'open':
      return question.currentStatus === 'open';
    case 'answered':
      return question.currentStatus !== 'open';
    case 'answered_later':
      return question.currentStatus === 'answered_later';
    case 'deferred':
    case 'unanswered':
      return question.status === status;
  }
}
