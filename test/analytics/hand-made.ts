// Hand-made protocols for analytics tests: a few lines per meeting, stored in a real (in-memory) archive store.
import type { Party, Protocol, Question, QuestionKind, QuestionStatus } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';

export interface HandMadeSection {
  title: string;
  /** [speaking party, text] */
  says?: Array<[Party | null, string]>;
  topics?: string[];
  questions?: Array<{ party: Party | null; text: string; status: QuestionStatus; answer?: string; kind?: QuestionKind }>;
}

export interface HandMadeMeeting {
  forvaltning: string | null;
  date: string | null;
  sections: HandMadeSection[];
  chair?: string;
  /** A generated protocol unless said otherwise. */
  synthetic?: boolean;
}

export function protocolOf(meeting: HandMadeMeeting, file: string): Protocol {
  const questions: Question[] = [];
  const topics: Protocol['topics'] = [];
  const sections = meeting.sections.map((s, i) => {
    const number = String(i + 1);
    const utterances = (s.says ?? []).map(([party, text]) => ({ party, text, page: 1 }));
    for (const q of s.questions ?? []) {
      utterances.push({ party: q.party, text: q.text, page: 1 });
      if (q.answer) utterances.push({ party: 'Arbetsgivaren', text: q.answer, page: 1 });
      questions.push({
        section: number,
        party: q.party,
        text: q.text,
        kind: q.kind ?? 'question',
        status: q.status,
        answer: q.answer ? { party: 'Arbetsgivaren', text: q.answer } : null,
        page: 1,
      });
    }
    for (const topic of s.topics ?? []) topics.push({ topic, section: number, mentions: 1 });
    return { number, title: s.title, page: 1, text: utterances.map((u) => u.text).join('\n'), utterances };
  });
  return {
    source: { file, sha256: sha256(new TextEncoder().encode(file)), pages: 1 },
    meeting: {
      forvaltning: meeting.forvaltning,
      body: 'förvaltningsgrupp',
      date: meeting.date,
      dateStated: true,
      place: null,
      chair: meeting.chair ?? null,
      secretary: null,
      title: null,
    },
    attendees: [],
    absentParties: [],
    sections,
    questions,
    topics,
    synthetic: meeting.synthetic ?? true,
  };
}

/** An in-memory archive holding the given meetings; files are named after förvaltning, date and position. */
export async function storeOf(meetings: HandMadeMeeting[]): Promise<ArchiveStore> {
  const store = openStore(':memory:');
  for (const [i, m] of meetings.entries()) {
    const protocol = protocolOf(m, `${m.forvaltning ?? 'okand'}-${m.date ?? 'odaterad'}-${i}.pdf`);
    await store.saveProtocol({ path: protocol.source.file, sha256: protocol.source.sha256, size: 1, pages: 1 }, protocol, 'test');
  }
  return store;
}
