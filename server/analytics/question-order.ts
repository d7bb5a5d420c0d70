// The orders the question list can be read in. The snapshot keeps questions newest first; the tracker shows
// open questions first, because those are what a union representative has to chase, newest first within each;
// a free-text search can be read closest match first.
import type { TrackedQuestion } from './question-stats.ts';

export type QuestionOrder = 'date' | 'open-first' | 'relevance';

/**
 * The questions in the order asked for; `questions` must already be newest first. `relevance` (from a free-text
 * search) orders closest first, newest first among equals; without a search it is the date order.
 */
export function inOrder(questions: TrackedQuestion[], order: QuestionOrder, relevance?: Map<string, number>): TrackedQuestion[] {
  if (order === 'relevance') {
    return relevance ? [...questions].sort((a, b) => (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0)) : questions;
  }
  if (order === 'date') return questions;
  const open = questions.filter((q) => q.currentStatus === 'open');
  const rest = questions.filter((q) => q.currentStatus !== 'open');
  return [...open, ...rest];
}
