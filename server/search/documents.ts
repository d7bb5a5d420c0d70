// The searchable unit: one section with its protocol's metadata and the places of its utterances in its
// text, so a hit can name the party and the PDF page of the statement that matched.
import type { SectionRecord } from '../../ingest/store/types.ts';
import type { SearchHit } from './engine.ts';

/** One utterance as a range of its section's text: [start, end, page, party]. */
export type UtteranceRange = [number, number, number, string | null];

export interface SectionDoc {
  protocolId: string;
  forvaltning: string | null;
  body: string | null;
  date: string | null;
  /** Title of the protocol. */
  title: string | null;
  number: string;
  sectionTitle: string;
  page: number;
  ordinal: number;
  /** Parties that speak in the section, each once. */
  parties: string[];
  topics: string[];
  statuses: string[];
  synthetic: boolean;
  utterances: UtteranceRange[];
}

export interface SectionWithText {
  doc: SectionDoc;
  text: string;
}

/**
 * The searchable form of a section record. Utterances are located in the section text; one the text does not
 * contain (the parser may keep them apart) is appended to it, so every statement is searchable.
 */
export function sectionDocOf(record: SectionRecord): SectionWithText {
  const { section, meeting } = record;
  let text = section.text;
  const utterances: UtteranceRange[] = [];
  let cursor = 0;
  for (const utterance of section.utterances) {
    const probe = utterance.text.slice(0, 60);
    let start = probe ? text.indexOf(probe, cursor) : -1;
    if (start < 0) {
      text = text ? `${text}\n${utterance.text}` : utterance.text;
      start = text.length - utterance.text.length;
    }
    const end = start + utterance.text.length;
    utterances.push([start, end, utterance.page, utterance.party]);
    cursor = end;
  }
  const parties = [...new Set(section.utterances.map((u) => u.party).filter((p): p is NonNullable<typeof p> => p !== null))];
  return {
    text,
    doc: {
      protocolId: record.protocolId,
      forvaltning: meeting.forvaltning,
      body: meeting.body,
      date: meeting.date,
      title: meeting.title,
      number: section.number,
      sectionTitle: section.title,
      page: section.page,
      ordinal: record.ordinal,
      parties,
      topics: [...new Set(record.topics)],
      statuses: [...new Set(record.questionStatuses)],
      synthetic: record.synthetic,
      utterances,
    },
  };
}

/** `${protocolId}#${sectionNumber}`: the stable id of a hit. */
export function hitIdOf(doc: SectionDoc): string {
  return `${doc.protocolId}#${doc.number}`;
}

/** What a hit says about its section whatever the engine; the engine adds party, snippet, page and score. */
export function hitFieldsOf(doc: SectionDoc): Omit<SearchHit, 'party' | 'snippet' | 'page' | 'score'> {
  return {
    id: hitIdOf(doc),
    protocolId: doc.protocolId,
    forvaltning: doc.forvaltning,
    date: doc.date,
    body: doc.body,
    title: doc.title,
    section: { number: doc.number, title: doc.sectionTitle, page: doc.page },
    parties: doc.parties,
    topics: doc.topics,
    statuses: doc.statuses,
    synthetic: doc.synthetic,
  };
}
