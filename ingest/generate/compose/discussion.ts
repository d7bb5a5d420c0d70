// One topic's discussion in a meeting: the employer's information, perhaps a union statement, perhaps a union
// question with an answer, a promise to come back, or nothing at all.
import type { QuestionKind, QuestionStatus } from '../../model.ts';
import type { ItemRole } from '../data/agendas.ts';
import { ANSWERING, ASKING, DEFERRING, DIRECT, FORWARDING, NAMED_ANSWERING } from '../data/phrases.ts';
import { topicVocabulary, type TopicId } from '../data/topics.ts';
import type { Discussion, DraftQuestion, MeetingContext, Paragraph } from './draft.ts';
import { capitalize, fill } from './template.ts';
import { employerName, managerName, unionName } from './voices.ts';

/** Share of discussions with a union question, and how the employer responds to it in the same meeting. */
const QUESTION_RATE = 0.6;
const PRE_REGISTERED_RATE = 0.2;
const STATUS_WEIGHTS: readonly (readonly [QuestionStatus, number])[] = [['answered', 0.58], ['deferred', 0.32], ['unanswered', 0.1]];
const FORWARD_RATE = 0.12;

export function composeDiscussion(ctx: MeetingContext, topic: TopicId): Discussion {
  const { rng } = ctx;
  const vocab = topicVocabulary(topic);
  const unit = rng.pick(ctx.spec.units);
  const withUnit = (text: string) => text.replaceAll('{unit}', unit);
  const paragraphs: Paragraph[] = [];
  const questions: DraftQuestion[] = [];
  let role: ItemRole = vocab.role;

  if (rng.chance(0.85)) {
    const [first, second] = rng.sample(vocab.info, 2);
    const both = second !== undefined && rng.chance(0.3);
    paragraphs.push({ text: withUnit(both ? `${first} ${second}` : first), topic, sentences: both ? 2 : 1 });
  }
  if (ctx.unions.length > 0 && rng.chance(0.3)) {
    paragraphs.push({ text: `${unionName(ctx, rng.pick(ctx.unions))} ${withUnit(rng.pick(vocab.statements))}`, topic, sentences: 1 });
  }
  if (ctx.unions.length > 0 && (paragraphs.length === 0 || rng.chance(QUESTION_RATE))) {
    const preRegistered = rng.chance(PRE_REGISTERED_RATE);
    if (preRegistered) role = 'preregistered';
    const kind: QuestionKind = preRegistered ? 'pre_registered' : rng.chance(0.65) ? 'question' : 'request_for_information';
    const subject = rng.pick(vocab.subjects);
    const party = rng.pick(ctx.unions);
    const noun = withUnit(subject.noun);
    const answers = subject.answers.map(withUnit);
    const text = fill(rng.pick(ASKING[kind]), {
      party: unionName(ctx, party), ask: withUnit(subject.ask), noun, direct: rng.pick(DIRECT),
    });
    const status = rng.weighted(STATUS_WEIGHTS);
    const forwarded = status === 'deferred' && rng.chance(FORWARD_RATE);
    const answer = responseTo(ctx, status, forwarded, answers);
    questions.push({ party, kind, status, text, answer, topic, subject: noun, answers, forwarded, followUp: null });
    if (answer && rng.chance(0.25)) {
      paragraphs.push({ text: `${text} ${answer}`, topic, sentences: 2 });
    } else {
      paragraphs.push({ text, topic, sentences: 1 });
      if (answer) paragraphs.push({ text: answer, topic, sentences: 1 });
    }
  }
  return { topic, role, paragraphs, questions };
}

/** The employer's response printed after a question, or null when the protocol records none. */
export function responseTo(ctx: MeetingContext, status: QuestionStatus, forwarded: boolean, answers: readonly string[]): string | null {
  if (status === 'unanswered') return null;
  if (status === 'deferred') return fill(ctx.rng.pick(forwarded ? FORWARDING : DEFERRING), { employer: employerName(ctx), manager: managerName(ctx) });
  return answerTo(ctx, answers);
}

/** A substantive answer, by "Arbetsgivaren" or, where the förvaltning writes so, by the manager who gave it. */
export function answerTo(ctx: MeetingContext, answers: readonly string[]): string {
  const { rng } = ctx;
  const answer = rng.pick(answers);
  const templates = ctx.spec.namedAnswers && rng.chance(0.7) ? NAMED_ANSWERING : ANSWERING;
  return fill(rng.pick(templates), { employer: employerName(ctx), manager: managerName(ctx), answer, Answer: capitalize(answer) });
}
