// The pieces a meeting is composed of before it is numbered and laid out: paragraphs tagged with the topic
// they were written about, and questions with what happens to them.
import type { QuestionKind, QuestionStatus } from '../../model.ts';
import type { ItemRole } from '../data/agendas.ts';
import type { ForvaltningSpec } from '../data/forvaltningar.ts';
import type { Union } from '../data/parties.ts';
import type { TopicId } from '../data/topics.ts';
import type { EmployerRep } from '../people.ts';
import type { Random } from '../random.ts';

export interface Paragraph {
  text: string;
  /** The topic the paragraph's sentences were written about, and how many sentences that is. */
  topic: TopicId | null;
  sentences: number;
}

/** One meeting in a förvaltning's calendar, and the PDF it is written to. */
export interface MeetingSlot {
  date: string;
  file: string;
}

/** A question from an earlier meeting that this meeting raises again, and what happens to it here. */
export interface DueFollowUp {
  questionId: string;
  party: Union;
  kind: QuestionKind;
  topic: TopicId;
  subject: string;
  answers: readonly string[];
  askedDate: string;
  /** Raised at this meeting, answered here or not. */
  answered: boolean;
  /** Whether the question is answered at some meeting from this one on. */
  answeredEventually: boolean;
  /** True when it has waited more than one meeting (goes to the balance list where there is one). */
  waitedLonger: boolean;
}

export interface DraftQuestion {
  party: Union;
  kind: QuestionKind;
  status: QuestionStatus;
  text: string;
  answer: string | null;
  topic: TopicId;
  subject: string;
  answers: readonly string[];
  /** Deferred to another body ("Frågan förs till SVG"): it does not come back here. */
  forwarded: boolean;
  /** Set when this is an earlier question raised again. */
  followUp: DueFollowUp | null;
}

export interface Discussion {
  topic: TopicId;
  role: ItemRole;
  paragraphs: Paragraph[];
  questions: DraftQuestion[];
}

/** What composing needs to know about the meeting at hand. */
export interface MeetingContext {
  rng: Random;
  spec: ForvaltningSpec;
  date: string;
  /** Employer representatives present; the first chairs. */
  employer: EmployerRep[];
  /** Unions present, and their representatives present. */
  unions: Union[];
  reps: Map<Union, string[]>;
}
