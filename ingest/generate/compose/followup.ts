// Raising an earlier meeting's question again: the subject restated in new words ("Vision har tidigare frågat
// om …"), then the answer that finally comes or a note that the question stays open.
import { RAISING_AGAIN, STILL_OPEN } from '../data/phrases.ts';
import { dayAndMonth } from '../swedish-dates.ts';
import { answerTo } from './discussion.ts';
import type { DraftQuestion, DueFollowUp, MeetingContext, Paragraph } from './draft.ts';
import { fill } from './template.ts';
import { employerName, unionName } from './voices.ts';

export function composeFollowUp(ctx: MeetingContext, due: DueFollowUp): { paragraphs: Paragraph[]; question: DraftQuestion } {
  const { rng } = ctx;
  const text = fill(rng.pick(RAISING_AGAIN), { party: unionName(ctx, due.party), noun: due.subject, date: dayAndMonth(due.askedDate) });
  const answer = due.answered
    ? answerTo(ctx, due.answers)
    : fill(rng.pick(STILL_OPEN), { employer: employerName(ctx) });
  const question: DraftQuestion = {
    party: due.party,
    // Raised again it is no longer a föranmäld fråga of this meeting, just an open question.
    kind: due.kind === 'pre_registered' ? 'question' : due.kind,
    status: due.answered ? 'answered' : 'deferred',
    text, answer, topic: due.topic, subject: due.subject, answers: due.answers, forwarded: false, followUp: due,
  };
  const paragraphs: Paragraph[] = [
    { text, topic: due.topic, sentences: 1 },
    { text: answer, topic: due.topic, sentences: 1 },
  ];
  return { paragraphs, question };
}
