// Layout kinds met in protocols the parser had not seen (issue 13): attendance as a two-sided table, questions
// referred to from the balanslista, requests and issues raised in the past tense or by a named person, replies that
// answer part and promise the rest, a meeting date only inferable, and party names as the unions print them.
import { describe, expect, it } from 'vitest';
import type { Line, Question } from '../../ingest/model.ts';
import { parseAttendance } from '../../ingest/parse/attendees.ts';
import { canonicalParty } from '../../ingest/parse/parties.ts';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout } from './layout.ts';

/** A line at x (71 is the left margin); `cells` when the extractor saw a table row. */
const at = (text: string, i: number, x = 71, cells?: string[]): Line => ({ page: 1, text, x, y: 700 - 14 * i, size: 11, bold: false, gapBefore: 14, cells });
const row = (cells: string[], i: number): Line => at(cells.join(' '), i, 71, cells);

function questions(paragraphs: string[], attendance: string[] = []): Question[] {
  const doc = layout(['Närvarande', ...attendance, heading('1. Balanslista'), ...paragraphs, heading('2. Övriga frågor'), 'Inga.']);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  return outcome.protocol.questions;
}

describe('attendance as a two-sided table', () => {
  it('reads employer people with roles on the left and "Party: Name, Name" rows on the right, a role wrapping a line', () => {
    const lines = [
      at('Närvarande', 0),
      row(['Arbetsgivare', 'Fackliga organisationer'], 1),
      row(['Karin Holm, förvaltningschef,', 'Vision: Eva Lind, Per Ek'], 2),
      row(['ordförande', 'Kommunal: Sara Berg'], 3),
      row(['Jonas Ek, HR-specialist, sekreterare', 'Saco-S: Ali Khan'], 4),
      row(['Lena Dahl, avdelningschef äldre-', 'Akademikerförbundet SSR: Maja Ström,'], 5),
      row(['omsorgen', 'Olof Rask'], 6),
      at('Sveriges Lärare: Nils Ås', 7, 330),
    ];
    const list = parseAttendance(lines, () => false);
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Karin Holm', 'arbetsgivare', null, 'förvaltningschef'],
      ['Jonas Ek', 'arbetsgivare', null, 'HR-specialist'],
      ['Lena Dahl', 'arbetsgivare', null, 'avdelningschef äldreomsorgen'],
      ['Eva Lind', 'fack', 'Vision', null],
      ['Per Ek', 'fack', 'Vision', null],
      ['Sara Berg', 'fack', 'Kommunal', null],
      ['Ali Khan', 'fack', 'Saco', null],
      ['Maja Ström', 'fack', 'Akademikerförbundet SSR', null],
      ['Olof Rask', 'fack', 'Akademikerförbundet SSR', null],
      ['Nils Ås', 'fack', 'Sveriges Lärare', null],
    ]);
    expect([list.chair, list.secretary]).toEqual(['Karin Holm', 'Jonas Ek']);
  });

  it('reads the same table without a header row, a name alone on its line with the role below it', () => {
    const lines = [
      at('Närvarande', 0),
      row(['Karin Holm', 'Vision: Eva Lind'], 1),
      row(['Förvaltningschef', 'Ledarna: Bo Ek'], 2),
      row(['Jonas Ek, controller', 'TCO, Vision: Per Ek'], 3),
    ];
    const list = parseAttendance(lines, () => false);
    expect(list.attendees.map((a) => [a.name, a.side, a.party, a.role])).toEqual([
      ['Karin Holm', 'arbetsgivare', null, 'Förvaltningschef'],
      ['Jonas Ek', 'arbetsgivare', null, 'controller'],
      ['Eva Lind', 'fack', 'Vision', null],
      ['Bo Ek', 'fack', 'Ledarna', null],
      ['Per Ek', 'fack', 'Vision', null],
    ]);
  });
});

describe('party names as the unions print them', () => {
  it.each([
    ['Saco-S', 'Saco'],
    ['TCO, Vision', 'Vision'],
    ['Vision (TCO)', 'Vision'],
    ['Akademikerförbundet SSR', 'Akademikerförbundet SSR'],
    ['Lärarnas riksförbund', 'Sveriges Lärare'],
    ['Lärarförbundet', 'Sveriges Lärare'],
    ['Sveriges Lärare', 'Sveriges Lärare'],
    ['LO, Kommunal', 'Kommunal'],
    ['Saco, Akademikerförbundet SSR', 'Akademikerförbundet SSR'],
  ])('reads "%s" as %s', (printed, party) => {
    expect(canonicalParty(printed)).toBe(party);
  });

  it.each(['SKK', 'FSG', 'SVG', 'CSG'])('takes the committee abbreviation %s for no party', (abbreviation) => {
    expect(canonicalParty(abbreviation)).toBeNull();
  });
});

describe('questions referred to from the balanslista', () => {
  it('reads "SSR:s fråga om … står kvar" as SSR\'s question, still open', () => {
    const [q] = questions(['SSR:s fråga om ersättning för beredskap står kvar.']);
    expect(q).toMatchObject({ party: 'Akademikerförbundet SSR', status: 'deferred' });
  });

  it('reads "Balanslistan tar upp en fråga från Saco om …" answered in this meeting', () => {
    const [q] = questions(['Balanslistan tar upp en fråga från Saco om lönekartläggningen.', 'Arbetsgivaren svarade att kartläggningen är klar och bifogas protokollet.']);
    expect(q).toMatchObject({ party: 'Saco', status: 'answered', answer: { party: 'Arbetsgivaren' } });
  });

  it('reads "Sedan förra mötet återstår Ledarnas fråga om …" with the reply that closes it', () => {
    const [q] = questions(['Sedan förra mötet återstår Ledarnas fråga om friskvårdsbidraget.', 'Arbetsgivaren redogjorde för att bidraget höjs till 3 000 kronor. Frågan avförs från balanslistan.']);
    expect(q).toMatchObject({ party: 'Ledarna', status: 'answered' });
  });

  it('reads "Visions fråga från föregående möte om …" with the employer coming back later as deferred', () => {
    const [q] = questions(['Visions fråga från föregående möte om bemanningen i hemtjänsten kvarstår. Arbetsgivaren återkommer i mars.']);
    expect(q).toMatchObject({ party: 'Vision', status: 'deferred' });
  });
});

describe('requests and issues raised in the past tense or by a named person', () => {
  it('reads "Vision efterfrågade en sammanställning …" as a request for information', () => {
    const [q] = questions(['Vision efterfrågade en sammanställning av övertiden per enhet.', 'Arbetsgivaren svarade att sammanställningen skickas ut med protokollet.']);
    expect(q).toMatchObject({ party: 'Vision', kind: 'request_for_information', status: 'answered' });
  });

  it('reads "Ledarna påtalade att …" followed by the employer\'s reply as a raised issue, answered', () => {
    const [q] = questions(['Ledarna påtalade att chefernas administrativa stöd har minskat.', 'Förvaltningschefen svarade att en ny administratör börjar i maj.']);
    expect(q).toMatchObject({ party: 'Ledarna', status: 'answered' });
  });

  it('reads "NN lyfte att … och begärde en utredning" with the party from the attendee list', () => {
    const [q] = questions(
      ['Maja Ström lyfte att ventilationen på plan 3 inte fungerar och begärde en utredning.', 'Arbetsgivaren tar med sig frågan till fastighetsägaren.'],
      ['Karin Holm, förvaltningschef', 'Maja Ström, Akademikerförbundet SSR'],
    );
    expect(q).toMatchObject({ party: 'Akademikerförbundet SSR', status: 'deferred' });
  });

  it('reads "Kommunal framförde önskemål om att …" as a request', () => {
    const [q] = questions(['Kommunal framförde önskemål om att schemaläggningen görs tillsammans med skyddsombuden.', 'Arbetsgivaren svarade att det redan sker på två av enheterna.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered' });
  });
});

describe('a "Fråga (Part): … / Svar: …" layout where the answer defers', () => {
  it.each([
    'Svar: Frågan utreds och besvaras i maj.',
    'Svar: Förvaltningen tar fram underlag till nästa samverkan.',
    'Svar: Besked lämnas senare av HR-avdelningen.',
    'Svar: Arbetsgivaren återkopplar när avtalet är klart.',
  ])('takes "%s" for a deferral', (reply) => {
    const [q] = questions(['Fråga (Kommunal): Hur många vikarier är bokade inför sommaren?', reply]);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'deferred' });
  });

  it('keeps a substantive "Svar:" answered', () => {
    const [q] = questions(['Fråga (Kommunal): Hur många vikarier är bokade inför sommaren?', 'Svar: 40 vikarier är bokade och introduktionen är planerad.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered' });
  });
});

describe('a reply that answers part and promises the rest', () => {
  it('is deferred when the promise is of something asked and not given', () => {
    const [q] = questions([
      'Vårdförbundet efterfrågade kostnaderna för inhyrda sjuksköterskor per månad under 2025. Karin Ek svarade att kostnaden hittills i år är 6,1 miljoner kronor. Fördelningen per månad redovisas vid nästa möte.',
    ]);
    expect(q.status).toBe('deferred');
  });

  it('is answered when the reply gives what was asked and promises more', () => {
    const [q] = questions([
      'Fråga (Vårdförbundet): Finns det planer på att anställa sjuksköterskor nattetid?',
      'Svar: En ny sjuksköterska börjar på natten den 1 maj. Om fler tjänster behövs utreds i budgetarbetet och redovisas i höst.',
    ]);
    expect(q.status).toBe('answered');
  });

  it('is deferred when the question is said to stay open after an account', () => {
    const [q] = questions(['Kommunals fråga om trygghetslarmen står kvar. Mikael Hedlund informerade om att leverantören ännu inte har lämnat någon offert. Frågan står kvar på balanslistan.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'deferred' });
  });

  it('is answered when the balanslista item says so itself', () => {
    const [q] = questions(['Kommunals fråga om arbetskläder för badpersonalen är besvarad: nya arbetskläder delades ut i april.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered' });
  });
});

describe('more layouts met in unseen protocols', () => {
  it('reads attendance written as running text with several unions in a row', () => {
    const list = parseAttendance(
      [
        at('Närvarande. Arbetsgivaren: Sofie Engqvist (områdeschef, ordförande), Hanna Lilja (HR-konsult). Arbetstagarna:', 0),
        at('Kommunal – Bengt Olsson, Sabina Kovač; Vision – Linda Ahl.', 1),
        at('Frånvarande. Ledarna.', 2),
      ],
      () => false,
      90,
    );
    expect(list.attendees.map((a) => [a.name, a.party])).toEqual([
      ['Sofie Engqvist', null],
      ['Hanna Lilja', null],
      ['Bengt Olsson', 'Kommunal'],
      ['Sabina Kovač', 'Kommunal'],
      ['Linda Ahl', 'Vision'],
    ]);
    expect(list.absentParties).toEqual(['Ledarna']);
  });

  it('reads Ledamöter / Ersättare / Övriga närvarande lists after a "Plats:" line, and a name run into its role', () => {
    const list = parseAttendance(
      [at('Plats: Kompassen, plan 4', 0), at('Ledamöter', 1), at('Karin Sjöholm, förvaltningsdirektör (Arbetsgivaren)', 2), at('Zeynep Demir (Kommunal)', 3), at('Ersättare', 4), at('Johanna Möller (Kommunal)', 5), at('Övriga närvarande', 6), row(['Yasmin Khoury HR-chef', 'Arbetsgivaren'], 7)],
      () => false,
    );
    expect(list.attendees.map((a) => [a.name, a.side, a.role])).toEqual([
      ['Karin Sjöholm', 'arbetsgivare', 'förvaltningsdirektör'],
      ['Zeynep Demir', 'fack', null],
      ['Johanna Möller', 'fack', null],
      ['Yasmin Khoury', 'arbetsgivare', 'HR-chef'],
    ]);
  });

  it('reads headings with the sign after the number ("4 § Ekonomi") and items lettered in a cell of their own', () => {
    const signAfter = parseProtocol(layout(['Närvarande', heading('1 § Mötets öppnande'), 'Mötet öppnades.', heading('2 § Ekonomi'), 'Budgeten är i balans.']), { file: 'a.pdf', sha256: '', pages: 1 });
    if (!signAfter.ok) throw new Error(signAfter.failure.reason);
    expect(signAfter.protocol.sections.map((s) => [s.number, s.title])).toEqual([['1', 'Mötets öppnande'], ['2', 'Ekonomi']]);
  });

  it('reads a balanslista item under "Föregående protokoll och balanslista" as a question', () => {
    const doc = layout(['Närvarande', heading('1. Föregående protokoll och balanslista'), 'Kommunals fråga om städningen återstår sedan förra mötet. Marcus Wahlberg tar med sig frågan till lokalförsörjningen.', heading('2. Övrigt'), 'Inga.']);
    const outcome = parseProtocol(doc, { file: 'b.pdf', sha256: '', pages: 1 });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.protocol.questions).toMatchObject([{ party: 'Kommunal', status: 'deferred' }]);
  });
});

describe('a meeting date that is not stated', () => {
  const parse = (lines: string[]) => {
    const outcome = parseProtocol(layout([heading('1. Mötets öppnande'), 'Mötet öppnades.', heading('2. Mötets avslutande'), ...lines]), { file: 'x.pdf', sha256: '', pages: 1 });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    return outcome.protocol.meeting;
  };

  it.each([
    [['Nästa sammanträde: 14 mars 2025.'], '2025-02'],
    [['Nästa möte 2025-03-14 kl. 13.00.'], '2025-02'],
    [['Protokollet justerat 2025-02-20.'], '2025-02'],
    [['Justering: 2025-02-20'], '2025-02'],
    [['Nästa skyddskommitté hålls den 3 juni 2025.'], '2025-05'],
    [['Nästa sammanträde', 'Tisdagen den 15 april 2025 kl. 13.00 i Ljura.'], '2025-03'],
  ])('infers the month from %j', (lines, month) => {
    expect(parse(lines)).toMatchObject({ date: month, dateStated: false });
  });
});
