// Who says it, as this förvaltning writes it: the party spelling habit, "Arbetsgivaren" or "AG", and named
// managers answering for the employer.
import { spell } from '../data/parties.ts';
import type { Union } from '../data/parties.ts';
import type { MeetingContext } from './draft.ts';

export function unionName(ctx: MeetingContext, union: Union): string {
  return spell(union, ctx.spec.spelling);
}

/** "Arbetsgivaren", or the förvaltning's habitual abbreviation now and then. */
export function employerName(ctx: MeetingContext): string {
  const habitual = spell('Arbetsgivaren', ctx.spec.spelling);
  return ctx.rng.chance(0.7) ? habitual : 'Arbetsgivaren';
}

/** A manager present at the meeting other than the chair when possible. */
export function managerName(ctx: MeetingContext): string {
  const pool = ctx.employer.length > 1 ? ctx.employer.slice(1) : ctx.employer;
  return ctx.rng.pick(pool).name;
}
