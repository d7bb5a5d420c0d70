// The orders the question list can be read in. The snapshot keeps questions newest first; the tracker shows
// open questions first, because those are what a union representative has to chase, newest first within each.
import type { TrackedQuestion } from './question-stats.ts';

export type QuestionOrder = 'date' | 'open-first';

/** The questions in the order asked for; `questions` must already be newest first. */
export function inOrder(questions: TrackedQuestion[], order: QuestionOrder): TrackedQuestion[] {
  if (order === 'date') return questions;
  const open = questions.filter((q) => q.currentStatus === 'open');
  const rest = questions.filter((q) => q.currentStatus !== 'open');
  return [...open, ...rest];
}
