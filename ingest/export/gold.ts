// A corrected protocol in the gold format of the hand-labelled truth (test/fixtures/gold/, README there), so that
// what people corrected can become a regression test for the parser. The format, as that README defines it:
//   meeting {forvaltning, body, date, date_stated, place, chair, secretary}; attendees [{name, side, party, role}];
//   absent_parties; sections [{number, title}]; questions [{id "q1"…, section, party, kind, quote, status,
//   answer_quote, note?}]; topics {topic: [section numbers]}; utterances_sample [{section, party, quote}].
// A question's `note` says who corrected it and why; utterances_sample holds the statements whose party a person
// corrected (those are the ones worth checking the parser against).
import type { QuestionKind, QuestionStatus, Side } from '../model.ts';
import { statementAnchors } from '../store/corrections-apply.ts';
import type { StoredProtocol } from '../store/types.ts';

export interface GoldQuestion {
  id: string;
  section: string;
  party: string | null;
  kind: QuestionKind;
  quote: string;
  status: QuestionStatus;
  answer_quote: string | null;
  note?: string;
}

export interface GoldProtocol {
  pdf: string;
  meeting: {
    forvaltning: string | null;
    body: string | null;
    date: string | null;
    date_stated: boolean;
    place: string | null;
    chair: string | null;
    secretary: string | null;
  };
  attendees: Array<{ name: string; side: Side; party: string | null; role: string | null }>;
  absent_parties: string[];
  sections: Array<{ number: string; title: string }>;
  questions: GoldQuestion[];
  topics: Record<string, string[]>;
  utterances_sample: Array<{ section: string; party: string | null; quote: string }>;
}

function questionNote(q: StoredProtocol['questions'][number]): string | undefined {
  const c = q.correction;
  if (!c) return undefined;
  const what = c.originalStatus === null ? 'added by hand' : `status corrected from ${c.originalStatus}`;
  return `${what} by ${c.by}${c.note ? `: ${c.note}` : ''}`;
}

export function goldOf(protocol: StoredProtocol): GoldProtocol {
  const { meeting } = protocol;
  const topics: Record<string, string[]> = {};
  for (const t of protocol.topics) (topics[t.topic] ??= []).push(t.section);
  const corrected = new Set(
    (protocol.corrections?.marks ?? []).filter((m) => m.field === 'statement.party').map((m) => m.target),
  );
  const utterances: GoldProtocol['utterances_sample'] = [];
  for (const section of protocol.sections) {
    const anchors = statementAnchors(section.number, section.utterances);
    section.utterances.forEach((u, i) => {
      if (corrected.has(anchors[i])) utterances.push({ section: section.number, party: u.party, quote: u.text });
    });
  }
  return {
    pdf: protocol.source.file,
    meeting: {
      forvaltning: meeting.forvaltning,
      body: meeting.body,
      date: meeting.date,
      date_stated: meeting.dateStated,
      place: meeting.place,
      chair: meeting.chair,
      secretary: meeting.secretary,
    },
    attendees: protocol.attendees.map(({ name, side, party, role }) => ({ name, side, party, role })),
    absent_parties: protocol.absentParties,
    sections: protocol.sections.map(({ number, title }) => ({ number, title })),
    questions: protocol.questions.map((q, i) => {
      const gold: GoldQuestion = {
        id: `q${i + 1}`,
        section: q.section,
        party: q.party,
        kind: q.kind,
        quote: q.text,
        status: q.status,
        answer_quote: q.answer?.text ?? null,
      };
      const note = questionNote(q);
      if (note) gold.note = note;
      return gold;
    }),
    topics,
    utterances_sample: utterances,
  };
}
