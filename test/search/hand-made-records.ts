// Hand-made section records in the shape the parser produces, for engine tests that need no PDFs.
import type { Meeting, Party, Protocol, QuestionStatus, Utterance } from '../../ingest/model.ts';
import type { SectionRecord } from '../../ingest/store/types.ts';

interface Spec {
  protocolId: string;
  forvaltning: string;
  date: string;
  body?: string;
  number: string;
  title: string;
  page?: number;
  utterances: Array<[Party | null, string, number?]>;
  topics?: string[];
  statuses?: QuestionStatus[];
}

export function sectionRecord(spec: Spec): SectionRecord {
  const meeting: Meeting = {
    forvaltning: spec.forvaltning,
    body: spec.body ?? 'förvaltningsgrupp',
    date: spec.date,
    dateStated: true,
    place: null,
    chair: null,
    secretary: null,
    title: `Protokoll ${spec.forvaltning} ${spec.date}`,
  };
  const page = spec.page ?? 1;
  const utterances: Utterance[] = spec.utterances.map(([party, text, p]) => ({ party, text, page: p ?? page }));
  return {
    protocolId: spec.protocolId,
    meeting,
    synthetic: false,
    ocr: false,
    section: { number: spec.number, title: spec.title, page, text: utterances.map((u) => u.text).join('\n'), utterances },
    ordinal: Number.parseInt(spec.number, 10) - 1,
    topics: spec.topics ?? [],
    questionStatuses: spec.statuses ?? [],
  };
}

/** A small archive: two förvaltningar, three meetings, the phenomena search must handle. */
export const HAND_MADE: SectionRecord[] = [
  sectionRecord({
    protocolId: 'aaaa000000000001', forvaltning: 'Hägersten-Älvsjö', date: '2024-01-13', number: '7', title: 'Kvarvarande frågor',
    utterances: [
      ['Akademikerförbundet SSR', 'SSR undrar om arbetsgivaren tänkt göra en friskfaktorsinventering.', 2],
      ['Arbetsgivaren', 'Arbetsgivaren redogjorde för detta. Se bifogad presentation.', 3],
    ],
    topics: ['halsa'], statuses: ['answered'],
  }),
  sectionRecord({
    protocolId: 'aaaa000000000001', forvaltning: 'Hägersten-Älvsjö', date: '2024-01-13', number: '16', title: 'Arbetsmiljö och hälsa',
    utterances: [
      ['Arbetsgivaren', 'Korttidssjukfrånvaron har minskat under hösten men ligger fortfarande högt.', 5],
      ['Vision', 'Vision frågar hur det systematiska arbetsmiljöarbetet följs upp på enheterna.', 5],
    ],
    topics: ['sjukfranvaro', 'arbetsmiljo'], statuses: ['deferred'],
  }),
  sectionRecord({
    protocolId: 'aaaa000000000002', forvaltning: 'Hägersten-Älvsjö', date: '2024-03-12', number: '12', title: 'Övriga frågor',
    utterances: [
      ['Kommunal', 'Kommunal tar upp våldsincidenten på boendet i februari.', 4],
      ['Arbetsgivaren', 'Arbetsgivaren svarar att händelsen är anmäld i IA och att en åtgärdsplan tas fram.', 4],
    ],
    topics: ['hot-och-vald'], statuses: ['answered'],
  }),
  sectionRecord({
    protocolId: 'aaaa000000000003', forvaltning: 'Skärholmen', date: '2025-12', number: '5.1.1', title: 'Information från ledningsgruppen',
    utterances: [
      ['Arbetsgivaren', 'Sjukfrånvaron i förvaltningen är 7,2 procent. SAM-uppföljningen redovisas i januari.', 2],
      ['Vision', 'Vision påminner om att enheterna ska arbeta med friskfaktorer.', 2],
      ['Sveriges Lärare', 'Sveriges Lärare undrar när <script>alert(1)</script> skyddsronden på förskolan blir av.', 2],
    ],
    topics: ['sjukfranvaro'], statuses: ['unanswered'],
  }),
  sectionRecord({
    protocolId: 'aaaa000000000003', forvaltning: 'Skärholmen', date: '2025-12', number: '6', title: 'Hot och våld',
    utterances: [
      [null, 'Akademikerförbundet SSR lyfter hot och våld mot socialsekreterare i myndighetsutövningen.', 3],
      ['Arbetsgivaren', 'Arbetsgivaren återkommer med en handlingsplan enligt MBL.', 3],
    ],
    topics: ['hot-och-vald'], statuses: ['deferred'],
  }),
];

/** The hand-made archive with the Skärholmen protocol as a generated one, for keeping real and generated apart. */
export function withGeneratedSkarholmen(records: SectionRecord[] = HAND_MADE): SectionRecord[] {
  return records.map((record) => (record.protocolId === 'aaaa000000000003' ? { ...record, synthetic: true } : record));
}

/** The hand-made sections regrouped into protocols, for tests that store them in a real archive database. */
export function handMadeProtocols(records: SectionRecord[] = HAND_MADE): Array<{ sha256: string; protocol: Protocol }> {
  const byId = new Map<string, SectionRecord[]>();
  for (const record of records) byId.set(record.protocolId, [...(byId.get(record.protocolId) ?? []), record]);
  return [...byId].map(([id, sections]) => ({
    // Protocol ids are the sha256's first 16 hex digits, so this gives the stored protocol the same id.
    sha256: id.padEnd(64, '0'),
    protocol: {
      source: { file: `${id}.pdf`, sha256: id.padEnd(64, '0'), pages: 6 },
      meeting: sections[0].meeting,
      attendees: [],
      absentParties: [],
      sections: sections.map((s) => s.section),
      questions: sections.flatMap((s) =>
        s.questionStatuses.map((status) => ({
          section: s.section.number,
          party: s.section.utterances[0]?.party ?? null,
          text: s.section.utterances[0]?.text ?? '',
          kind: 'question' as const,
          status,
          answer: null,
          page: s.section.page,
        })),
      ),
      topics: sections.flatMap((s) => s.topics.map((topic) => ({ topic, section: s.section.number, mentions: 1 }))),
      synthetic: sections[0].synthetic,
    },
  }));
}
