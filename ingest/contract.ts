// The parsed-protocol JSON contract of `npm run parse` (shared protocol-json.md): maps a Protocol onto exactly the
// keys and vocabularies the contract names. Extra keys (meeting.title, synthetic, ocr, utterance speakers) ride along.
import type { Protocol } from './model.ts';

export interface ContractJson {
  source: { file: string; sha256: string; pages: number };
  meeting: {
    forvaltning: string | null;
    body: string | null;
    date: string | null;
    dateStated: boolean;
    place: string | null;
    chair: string | null;
    secretary: string | null;
    title: string | null;
  };
  attendees: { name: string; side: string; party: string | null; role: string | null }[];
  absentParties: string[];
  sections: {
    number: string;
    title: string;
    page: number;
    text: string;
    utterances: { party: string | null; text: string; page: number }[];
  }[];
  questions: {
    section: string;
    party: string | null;
    text: string;
    kind: string;
    status: string;
    answer: { party: string | null; text: string } | null;
    page: number;
  }[];
  topics: { topic: string; section: string; mentions: number }[];
  synthetic: boolean;
  /** The text was read from scanned pages by OCR and may hold misreadings. */
  ocr: boolean;
}

export function toContract(protocol: Protocol): ContractJson {
  const { source, meeting } = protocol;
  return {
    source: { file: source.file, sha256: source.sha256, pages: source.pages },
    meeting: {
      forvaltning: meeting.forvaltning,
      body: meeting.body,
      date: meeting.date,
      dateStated: meeting.dateStated,
      place: meeting.place,
      chair: meeting.chair,
      secretary: meeting.secretary,
      title: meeting.title,
    },
    attendees: protocol.attendees.map((a) => ({ name: a.name, side: a.side, party: a.party, role: a.role })),
    absentParties: [...protocol.absentParties],
    sections: protocol.sections.map((s) => ({
      number: s.number,
      title: s.title,
      page: s.page,
      text: s.text,
      utterances: s.utterances.map((u) => ({ party: u.party, text: u.text, page: u.page })),
    })),
    questions: protocol.questions.map((q) => ({
      section: q.section,
      party: q.party,
      text: q.text,
      kind: q.kind,
      status: q.status,
      answer: q.answer ? { party: q.answer.party, text: q.answer.text } : null,
      page: q.page,
    })),
    topics: protocol.topics.map((t) => ({ topic: t.topic, section: t.section, mentions: t.mentions })),
    synthetic: protocol.synthetic,
    ocr: protocol.ocr === true,
  };
}
