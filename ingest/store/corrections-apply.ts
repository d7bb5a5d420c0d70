// Applies the correction log of one protocol over the parser's output: a pure function shared by every store, run
// on each read (getProtocol, protocols(), sections(), questions()), so the parser's rows stay as parsed and a
// re-parse is corrected again on its next read. Also computes the stable anchors corrections are keyed to.
import { createHash } from 'node:crypto';
import type { Party, Question, QuestionStatus } from '../model.ts';
import type {
  AddedQuestionValue,
  AnsweredIn,
  CorrectionEntry,
  CorrectionField,
  StatusValue,
} from './corrections.ts';
import type { StoredProtocol, StoredQuestion } from './types.ts';

/** A corrected value, who set it and what the parser had said ("rättad av NAME", original one click away). */
export interface CorrectionMark {
  entryId: number;
  field: CorrectionField;
  target: string;
  by: string;
  at: string;
  note: string | null;
  /** The parser's value; null for a question a person added. */
  original: unknown;
  value: unknown;
}

export interface QuestionCorrection {
  entryId: number;
  by: string;
  at: string;
  note: string | null;
  /** The parser's status; null when a person added the question. */
  originalStatus: QuestionStatus | null;
  answeredIn: AnsweredIn | null;
}

export interface AppliedCorrections {
  marks: CorrectionMark[];
  /** Corrections whose record no longer exists after a re-parse: kept, and listed for review. */
  orphans: CorrectionEntry[];
}

function fingerprint(text: string): string {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

/** Anchors that tell equal keys apart by occurrence ("…#2"), so two identical sentences stay two targets. */
function numbered(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** Anchors of parsed questions: their text, not their position, so a question found earlier in a re-parse moves no correction. */
export function questionAnchors(questions: Array<Pick<Question, 'text'>>): string[] {
  return numbered(questions.map((q) => `t:${fingerprint(q.text)}`));
}

export function attendeeAnchors(attendees: Array<{ name: string }>): string[] {
  return numbered(attendees.map((a) => `n:${a.name.toLowerCase().replace(/\s+/g, ' ').trim()}`));
}

/** Anchors of the statements of a section. */
export function statementAnchors(section: string, utterances: Array<{ text: string }>): string[] {
  return numbered(utterances.map((u) => `s:${section}:${fingerprint(u.text)}`));
}

/** The anchor a correction of this question is stored under. */
export function anchorOfQuestion(protocol: StoredProtocol, question: StoredQuestion): string {
  return question.anchor ?? questionAnchors(protocol.questions)[protocol.questions.indexOf(question)];
}

export function addedQuestionId(protocolId: string, target: string): string {
  return `${protocolId}-${target.replace(':', '')}`;
}

/** Entries in effect: those not undone by an undo that is itself in effect. */
export function activeEntries(entries: CorrectionEntry[]): CorrectionEntry[] {
  const undone = new Set<number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (undone.has(entry.id)) continue;
    if (entry.undoes !== null) undone.add(entry.undoes);
  }
  return entries.filter((e) => e.undoes === null && !undone.has(e.id));
}

/** The latest entry in effect for each (field, target), oldest first. */
export function currentEntries(entries: CorrectionEntry[]): CorrectionEntry[] {
  const latest = new Map<string, CorrectionEntry>();
  for (const entry of activeEntries(entries)) {
    const key = `${entry.field}\u0000${entry.target}`;
    latest.delete(key);
    latest.set(key, entry);
  }
  return [...latest.values()];
}

function markOf(entry: CorrectionEntry, original: unknown): CorrectionMark {
  return {
    entryId: entry.id,
    field: entry.field,
    target: entry.target,
    by: entry.author,
    at: entry.createdAt,
    note: entry.note,
    original,
    value: entry.value,
  };
}

/**
 * The protocol as corrected: meeting facts, parties, question statuses replaced; added questions in their
 * section's place; removed ones left out. `entries` are the protocol's whole log, oldest first.
 */
export function applyCorrections(protocol: StoredProtocol, entries: CorrectionEntry[]): StoredProtocol {
  // An uncorrected protocol is returned as parsed; anchorOfQuestion derives its anchors when a correction needs one.
  if (entries.length === 0) return protocol;
  const parsedAnchors = questionAnchors(protocol.questions);
  const questions: StoredQuestion[] = protocol.questions.map((q, i) => ({ ...q, anchor: parsedAnchors[i] }));

  const meeting = { ...protocol.meeting };
  const attendees = protocol.attendees.map((a) => ({ ...a }));
  const sections = protocol.sections.map((s) => ({ ...s, utterances: s.utterances.map((u) => ({ ...u })) }));
  const marks: CorrectionMark[] = [];
  const orphans: CorrectionEntry[] = [];
  const current = currentEntries(entries);

  for (const entry of current.filter((e) => e.field === 'question.added')) {
    const added = entry.value as AddedQuestionValue;
    questions.push({
      id: addedQuestionId(protocol.id, entry.target),
      anchor: entry.target,
      section: added.section,
      party: added.party,
      text: added.text,
      kind: 'question',
      status: 'unanswered',
      answer: null,
      page: added.page,
      correction: { entryId: entry.id, by: entry.author, at: entry.createdAt, note: entry.note, originalStatus: null, answeredIn: null },
    });
    marks.push(markOf(entry, null));
  }

  const removed = new Set<string>();
  const attendeeAnchorList = attendeeAnchors(attendees);
  for (const entry of current) {
    switch (entry.field) {
      case 'question.added':
        break;
      case 'meeting.forvaltning':
      case 'meeting.body':
      case 'meeting.date': {
        const key = entry.field.slice('meeting.'.length) as 'forvaltning' | 'body' | 'date';
        marks.push(markOf(entry, meeting[key]));
        meeting[key] = entry.value as string | null;
        if (key === 'date') meeting.dateStated = true;
        break;
      }
      case 'attendee.party': {
        const index = attendeeAnchorList.indexOf(entry.target);
        if (index < 0) {
          orphans.push(entry);
          break;
        }
        marks.push(markOf(entry, attendees[index].party));
        attendees[index].party = entry.value as Party | null;
        break;
      }
      case 'statement.party': {
        const utterance = findStatement(sections, entry.target);
        if (!utterance) {
          orphans.push(entry);
          break;
        }
        marks.push(markOf(entry, utterance.party));
        utterance.party = entry.value as Party | null;
        break;
      }
      case 'question.status': {
        const question = questions.find((q) => q.anchor === entry.target);
        if (!question) {
          orphans.push(entry);
          break;
        }
        const value = entry.value as StatusValue;
        const originalStatus = question.correction ? question.correction.originalStatus : question.status;
        marks.push(markOf(entry, originalStatus));
        question.status = value.status;
        question.correction = {
          entryId: entry.id,
          by: entry.author,
          at: entry.createdAt,
          note: entry.note,
          originalStatus,
          answeredIn: value.answeredIn,
        };
        break;
      }
      case 'question.removed': {
        if (!questions.some((q) => q.anchor === entry.target)) {
          orphans.push(entry);
          break;
        }
        if (entry.value === true) {
          removed.add(entry.target);
          marks.push(markOf(entry, false));
        }
        break;
      }
    }
  }

  const sectionOrder = new Map(sections.map((s, i) => [s.number, i]));
  const kept = questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => !removed.has(q.anchor!))
    // Added questions go to the end of their section's questions; parsed ones keep their order.
    .sort((a, b) => (sectionOrder.get(a.q.section) ?? sections.length) - (sectionOrder.get(b.q.section) ?? sections.length) || a.i - b.i)
    .map(({ q }) => q);
  return { ...protocol, meeting, attendees, sections, questions: kept, corrections: { marks, orphans } };
}

function findStatement(sections: StoredProtocol['sections'], target: string) {
  for (const section of sections) {
    const anchors = statementAnchors(section.number, section.utterances);
    const index = anchors.indexOf(target);
    if (index >= 0) return section.utterances[index];
  }
  return undefined;
}
