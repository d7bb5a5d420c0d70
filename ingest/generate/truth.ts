// What the generator knows about each protocol it wrote — the answer key for parser and analytics tests.
// Written to truth.json beside the PDFs: `{ generator, trends, protocols: [ProtocolTruth …] }`.
import type { Party, QuestionKind, QuestionStatus } from '../model.ts';
import type { TopicId } from './data/topics.ts';
import type { TopicTrend } from './trends.ts';

export interface SectionTruth {
  /** Normalised number ("§ 3" → "3", "5.1.1" stays). */
  number: string;
  title: string;
  /** Sentences written about each topic in this section (titles not counted). */
  topics: Partial<Record<TopicId, number>>;
}

/** Where a question is raised again in a later meeting of the same förvaltning. */
export interface FollowUpTruth {
  file: string;
  date: string;
  section: string;
  /** Whether it is answered at that meeting. */
  answered: boolean;
}

export interface QuestionTruth {
  /** Stable id: "<slug>-<date>-q<n>". */
  id: string;
  section: string;
  party: Party;
  kind: QuestionKind;
  /** Status in this meeting. */
  status: QuestionStatus;
  /** The sentence(s) that put the question, verbatim as printed. */
  text: string;
  /** The answer or deferral sentence printed after it, or null. */
  answer: string | null;
  topic: TopicId;
  /** The subject as a noun phrase, shared by the question and its later restatements. */
  subject: string;
  /** Set on a question raised again: the id of the question first asked in an earlier meeting. */
  followUpOf: string | null;
  /** Later meetings where this question is raised again (only on first asking). */
  followUps: FollowUpTruth[];
  /** Where the question ends up: answered in this meeting, answered later (see followUps), or still open. */
  outcome: 'answered_same_meeting' | 'answered_later' | 'open';
}

export interface ProtocolTruth {
  /** Path of the PDF relative to the output directory: "synthetic/<slug>/<date>.pdf". */
  file: string;
  forvaltning: string;
  date: string;
  pages: number;
  sections: SectionTruth[];
  questions: QuestionTruth[];
}

export interface GeneratorTruth {
  seed: number;
  from: string;
  to: string;
  forvaltningar: string[];
  protocols: number;
}

export interface ArchiveTruth {
  generator: GeneratorTruth;
  trends: TopicTrend[];
  protocols: ProtocolTruth[];
}
