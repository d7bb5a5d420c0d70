// Selecting tracked questions by the filters of the question list and its CSV export.
import { normalize } from '../../ingest/lang/swedish.ts';
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
  /** Words that must all occur in the question or its answer; a word also matches inside compounds. */
  q?: string;
  from?: string;
  to?: string;
}

export function matchesFilter(question: TrackedQuestion, filter: QuestionFilter, searchText: string): boolean {
  if (filter.status && !matchesStatus(question, filter.status)) return false;
  if (filter.party?.length && !filter.party.includes(question.party ?? '')) return false;
  if (filter.forvaltning?.length && !filter.forvaltning.includes(question.forvaltning ?? '')) return false;
  if (filter.topic?.length && !filter.topic.some((t) => question.topics.includes(t))) return false;
  if ((filter.from || filter.to) && (!question.date || !withinRange(question.date, filter.from, filter.to))) return false;
  if (filter.q) {
    const words = normalize(filter.q).split(/\s+/).filter(Boolean);
    if (!words.every((w) => searchText.includes(w))) return false;
  }
  return true;
}

/** The lower-cased text a free-text filter looks in: the question and its answer. */
export function searchTextOf(question: TrackedQuestion): string {
  return normalize(`${question.text}\n${question.answer?.text ?? ''}`);
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
