// Further ways protocols word a question, a request or a reply: "vill veta", "efterfrågar", "begär information om",
// a speaker written "Name, Party, …", and a recorded non-answer.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../ingest/model.ts';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout } from './layout.ts';

function questions(paragraphs: string[], attendance: string[] = []): Question[] {
  const doc = layout(['Närvarande', ...attendance, heading('1. Information'), ...paragraphs, heading('2. Övriga frågor'), 'Inga.']);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  return outcome.protocol.questions;
}

describe('question phrasings', () => {
  it('takes "vill veta" for a question', () => {
    const [q] = questions(['Vision vill veta om vakanta tjänster kommer att tillsättas.', 'Arbetsgivaren svarar att två tjänster tillsätts.']);
    expect(q).toMatchObject({ party: 'Vision', kind: 'question', status: 'answered' });
  });

  it.each([
    'Kommunal efterfrågar statistik uppdelad per yrkesgrupp.',
    'Kommunal begär information om vilka åtgärder som vidtagits.',
  ])('takes "%s" for a request for information', (text) => {
    const [q] = questions([text]);
    expect(q).toMatchObject({ party: 'Kommunal', kind: 'request_for_information' });
  });

  it('gives a speaker written "Name, Party, vill veta …" that party', () => {
    const [q] = questions(['Stig Holmgren, Kommunal, vill veta om rutinen gäller stödfamiljerna.']);
    expect(q.party).toBe('Kommunal');
  });

  it('counts "Name, Party, tar upp att …" with a promise to take the question along as a deferred question', () => {
    const [q] = questions(['Erik Vall, Kommunal, tar upp att vaktmästarna saknar skyddsutrustning.', 'Förvaltningen tar med sig frågan.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'deferred' });
  });

  it('leaves a question unanswered when the protocol says it was not answered', () => {
    const [q] = questions(['Vision undrar hur många timavlönade som arbetat mer än 300 timmar.', 'Frågan besvarades inte på mötet.']);
    expect(q).toMatchObject({ status: 'unanswered', answer: null });
  });

  it('takes "Svaret är ja, …" right after a question for an answer', () => {
    const [q] = questions(['LR undrar om fritidshemmen räknas in i statistiken. Svaret är ja, fritidshemmen ingår sedan i höstas.']);
    expect(q).toMatchObject({ party: 'Sveriges Lärare', status: 'answered', answer: { party: 'Arbetsgivaren' } });
  });

  it.each([
    'Frågan utreds vidare och redovisas i februari.',
    'Sanna Berglund redogör för att en analys pågår och att den redovisas i maj.',
  ])('defers a question when the response says: %s', (response) => {
    const [q] = questions([`Sveriges Skolledare vill veta hur rektorernas sjukfrånvaro ser ut. ${response}`]);
    expect(q.status).toBe('deferred');
  });

  it('lets a listed manager named by first name only ("Omid förklarar …") answer in the question\'s paragraph', () => {
    const [q] = questions(
      ['Birgitta Alm, Kommunal, undrar vem som ska täcka upp brukartiden. Omid förklarar att timvikarier tar passen.'],
      ['Omid Rahimi, enhetschef', 'Birgitta Alm, Kommunal'],
    );
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered', answer: { party: 'Arbetsgivaren' } });
    expect(q.text).not.toContain('Omid');
  });
});
