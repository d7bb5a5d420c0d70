// What becomes of a question the employer did not answer at once: decided when it is asked, so the truth for
// its protocol can already say where it comes back. Most deferred questions return at the next meeting (some
// a meeting later, onto the balance list) and are answered there or after another round; some are forgotten.
import { Random } from '../random.ts';
import type { FollowUpTruth } from '../truth.ts';
import type { NumberedItem } from './agenda.ts';
import { followUpItem } from './agenda.ts';
import type { DraftQuestion, DueFollowUp, MeetingSlot } from './draft.ts';

export interface Fate {
  followUps: FollowUpTruth[];
  /** What to raise at which later meeting (index into the förvaltning's calendar). */
  due: { index: number; due: DueFollowUp }[];
}

const MAX_ROUNDS = 3;

export function fateOf(
  seed: number, id: string, question: DraftQuestion, askedAt: number, calendar: readonly MeetingSlot[], agenda: readonly NumberedItem[],
): Fate {
  const none: Fate = { followUps: [], due: [] };
  if (question.status === 'answered' || question.forwarded) return none;
  const rng = new Random(seed, id, 'fate');
  const returns = question.status === 'deferred' ? rng.chance(0.88) : rng.chance(0.3);
  if (!returns) return none;
  const rounds: { index: number; answered: boolean; waitedLonger: boolean }[] = [];
  let index = askedAt + (rng.chance(0.8) ? 1 : 2);
  for (let round = 1; round <= MAX_ROUNDS && index < calendar.length; round++, index++) {
    const answered = rng.chance(round === MAX_ROUNDS ? 0.85 : 0.7);
    rounds.push({ index, answered, waitedLonger: index - askedAt > 1 });
    if (answered) break;
  }
  const answeredEventually = rounds.some((r) => r.answered);
  return {
    followUps: rounds.map((r) => ({
      file: calendar[r.index].file,
      date: calendar[r.index].date,
      section: followUpItem(agenda, r.waitedLonger).number,
      answered: r.answered,
    })),
    due: rounds.map((r) => ({
      index: r.index,
      due: {
        questionId: id, party: question.party, kind: question.kind, topic: question.topic, subject: question.subject,
        answers: question.answers, askedDate: calendar[askedAt].date, answered: r.answered, answeredEventually,
        waitedLonger: r.waitedLonger,
      },
    })),
  };
}
