// Derives the read-side records (sections with their protocol's metadata, questions with ids) from a protocol.
// Shared by every store implementation and by tests that index protocols without a database.
import type { Protocol, Question } from '../model.ts';
import type { ProtocolId, QuestionRecord, SectionRecord, StoredQuestion } from './types.ts';

/** A protocol's id: the first 16 hex digits of its file's sha256, so links survive re-parsing. */
export function protocolIdOf(sha256: string): ProtocolId {
  return sha256.slice(0, 16);
}

export function questionIdOf(protocolId: ProtocolId, index: number): string {
  return `${protocolId}-q${index + 1}`;
}

export function sectionRecordsOf(protocol: Protocol, protocolId: ProtocolId): SectionRecord[] {
  return protocol.sections.map((section, ordinal) => ({
    protocolId,
    meeting: protocol.meeting,
    synthetic: protocol.synthetic,
    section,
    ordinal,
    topics: protocol.topics.filter((t) => t.section === section.number).map((t) => t.topic),
    questionStatuses: protocol.questions.filter((q) => q.section === section.number).map((q) => q.status),
  }));
}

/** Question records; stored questions keep their ids (a corrected protocol has added and removed ones). */
export function questionRecordsOf(protocol: Protocol, protocolId: ProtocolId): QuestionRecord[] {
  return protocol.questions.map((question: Question | StoredQuestion, index) => ({
    ...question,
    id: 'id' in question ? question.id : questionIdOf(protocolId, index),
    protocolId,
    forvaltning: protocol.meeting.forvaltning,
    date: protocol.meeting.date,
    body: protocol.meeting.body,
    sectionTitle: protocol.sections.find((s) => s.number === question.section)?.title ?? '',
    topics: protocol.topics.filter((t) => t.section === question.section).map((t) => t.topic),
    synthetic: protocol.synthetic,
  }));
}
