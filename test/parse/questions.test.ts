// Questions are found with their asking party, kind and status from the cue phrases protocols use.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../ingest/model.ts';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout, wrapped } from './layout.ts';

function questions(title: string, paragraphs: string[]): Question[] {
  const doc = layout(['Närvarande', heading(`1. ${title}`), ...paragraphs, heading('2. Övriga frågor'), 'Inga.']);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  return outcome.protocol.questions;
}

describe('question status', () => {
  it('is answered when the employer replies in the meeting', () => {
    const [q] = questions('Information', ['Kommunal undrar om de kommer kunna ta del av resultaten.', 'Arbetsgivaren svarar att resultatet ligger till grund för planerna.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered', answer: { party: 'Arbetsgivaren' } });
  });

  it.each([
    'Arbetsgivaren återkommer med information.',
    'Frågan besvaras vid nästa förvaltningsgrupp.',
    'Arbetsgivaren svarar att styrgruppen återkommer. Frågan lämnas som kvarstående till kommande förvaltningsgrupp.',
    'Frågan förs till SVG.',
    'Arbetsgivaren tar med sig frågan.',
    'Mats Ek svarar att en redovisning av arbetet ges i samverkansgruppen i september.',
    'Frågan besvaras skriftligen till SSR.',
  ])('is deferred when the response says: %s', (response) => {
    const [q] = questions('Information', ['SSR frågade hur nyanställda får utbildning om hot och våld.', response]);
    expect(q.status).toBe('deferred');
  });

  it('is unanswered when nothing is recorded in response', () => {
    const [q] = questions('Information', ['Vision undrar när lokalerna blir klara?']);
    expect(q).toMatchObject({ party: 'Vision', status: 'unanswered', answer: null });
  });

  it('defers every item of a list the protocol says will be answered at the next meeting', () => {
    const found = questions('Ärenden till nämnden', [
      'SACO hade följande frågor till verksamhetsberättelsen som besvaras vid nästa förvaltningsgrupp.',
      'Ett arbete pågår för att få en budget i balans. Mer info önskas.',
      'En rutin har reviderats. Vad har revideringen bestått av?',
    ]);
    expect(found.map((q) => [q.party, q.kind, q.status])).toEqual([
      ['Saco', 'request_for_information', 'deferred'],
      ['Saco', 'request_for_information', 'deferred'],
    ]);
  });
});

describe('question kind and asking party', () => {
  it('marks föranmälda frågor as pre-registered and attributes an implied question to the list owner', () => {
    const found = questions('Föranmälda frågor', [
      'Akademikerförbundet SSR har föranmält följande frågor till FVG:',
      'Kommer friskvårdsbidraget att finansieras centralt?',
      'Arbetsgivaren svarar att stadsdelsnämnden finansierar det.',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ party: 'Akademikerförbundet SSR', kind: 'pre_registered', status: 'answered' });
  });

  it('marks "önskar redovisning" and "Mer info önskas" as requests for information', () => {
    const found = questions('Kvarvarande frågor', ['Kommunal önskar redovisning över antalet anmälningar i IA.', 'Arbetsgivaren redovisade för de tre senaste åren.']);
    expect(found[0]).toMatchObject({ kind: 'request_for_information', status: 'answered' });
  });

  it('counts sub-questions of one paragraph, and follow-up questions right after, as one question', () => {
    const found = questions('Föranmälda frågor', [
      'SSR undrar hur ställer sig arbetsgivaren till förslaget? Tycker arbetsgivaren att det är bra?',
      'Hade arbetsgivaren hellre sett att arbetstagarna själva fått välja?',
      'Arbetsgivaren svarar att det är kommunfullmäktige som fastställer budget.',
    ]);
    expect(found).toHaveLength(1);
  });

  it('counts an issue raised only when the protocol records a response to it', () => {
    expect(questions('Information', ['Kommunal tog upp frågan om representation.', 'Sveriges Lärare håller med.'])).toHaveLength(0);
    const [q] = questions('Information', ['Kommunal tog upp att alla inte har tillgång till ILS.', 'Arbetsgivaren återkommer om hur det ska gå till.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'deferred' });
  });

  it('lets the employer ask and a union answer', () => {
    const [q] = questions('Föranmälda frågor', ['Arbetsgivaren undrade om Vision är redo att börja med lokal samverkansgrupp.', 'Vision är inte redo ännu, men i april.']);
    expect(q).toMatchObject({ party: 'Arbetsgivaren', status: 'answered', answer: { party: 'Vision' } });
  });

  it('does not take an agenda addition for a question', () => {
    const doc = layout(['Närvarande', heading('1. Godkännande av dagordningen'), 'SSR saknar en föranmäld fråga på dagordningen. Frågan läggs till.', heading('2. Övriga frågor'), 'Inga.']);
    const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
    expect(outcome.ok && outcome.protocol.questions).toEqual([]);
  });

  it('makes each issue of a raised numbered list a question, answered by the reply sentence about it', () => {
    const doc = layout([
      'Närvarande',
      heading('1. Skyddsombudens frågor'),
      'Huvudskyddsombudet (Vision) lyfte följande:',
      wrapped('1. Arbetsbelastningen på mottagningsenheten är fortsatt hög.'),
      wrapped('2. Flera medarbetare saknar ergonomiskt anpassade arbetsplatser.'),
      wrapped('3. Det behövs en plan för semesterperioden.'),
      'Arbetsgivaren tar med sig frågan om arbetsbelastningen till ledningsgruppen. Ergonomironder erbjuds via',
      wrapped('företagshälsovården till alla som saknar anpassad arbetsplats.'),
      heading('2. Övriga frågor'),
      'Inga.',
    ]);
    const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.protocol.questions.map((q) => [q.party, q.text, q.status])).toEqual([
      ['Vision', 'Arbetsbelastningen på mottagningsenheten är fortsatt hög.', 'deferred'],
      ['Vision', 'Flera medarbetare saknar ergonomiskt anpassade arbetsplatser.', 'answered'],
    ]);
  });

  it('answers every raised issue with a joint reply that is about none of them in particular', () => {
    const found = questions('Skyddsombudens frågor', ['Kommunal lyfte följande: 1. Lokalerna är för trånga. 2. Städningen brister.', 'Arbetsgivaren återkommer vid nästa möte.']);
    expect(found.map((q) => [q.party, q.status])).toEqual([['Kommunal', 'deferred'], ['Kommunal', 'deferred']]);
  });

  it('gives a speaker named with a party in parentheses that party', () => {
    const [q] = questions('Tillbud', ['Fatima Rahim (Akademikerförbundet SSR) framför att medarbetarna upplever otrygghet och önskar redovisning av åtgärderna.', 'Henrik Al redogjorde för att två väktare finns på plats.']);
    expect(q).toMatchObject({ party: 'Akademikerförbundet SSR', kind: 'request_for_information', status: 'answered' });
  });

  it('reads "Fråga (Kommunal): …?" and "Svar (Name): …" as a question by Kommunal answered by the employer', () => {
    const [q] = questions('Övriga frågor', ['Fråga (Kommunal): Kommer barnskötare med tidsbegränsade anställningar att erbjudas tillsvidareanställning?', 'Svar (Per Hansson): Tio barnskötare erbjuds tillsvidareanställning.']);
    expect(q).toMatchObject({ party: 'Kommunal', status: 'answered', answer: { party: 'Arbetsgivaren' } });
  });

  it('keeps a question answered when the answer adds that something will be presented later', () => {
    const [q] = questions('Arbetsmiljö', [
      'Kommunal undrar om det finns en gemensam rutin för hot från vårdnadshavare.',
      'Per Hansson svarar att förvaltningens rutin gäller även dessa situationer. Den kompletterade rutinen presenteras på nästa samverkansgrupp.',
    ]);
    expect(q.status).toBe('answered');
  });
});

describe('who speaks a response', () => {
  function utterances(paragraphs: string[]): [string | null, string][] {
    const doc = layout(['Närvarande', heading('1. Övriga frågor'), ...paragraphs, heading('2. Mötets avslutande'), 'Mötet avslutas.']);
    const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    return outcome.protocol.sections[0].utterances.map((u) => [u.party, u.text]);
  }

  it('does not give "Frågan besvaras skriftligen till LR." to LR, and defers the question', () => {
    const paragraphs = ['LR frågar hur många lärare som saknar legitimation?', 'Frågan besvaras skriftligen till LR.'];
    expect(utterances(paragraphs)).toEqual([['Sveriges Lärare', paragraphs[0]], ['Arbetsgivaren', paragraphs[1]]]);
    expect(questions('Övriga frågor', paragraphs)[0]).toMatchObject({ party: 'Sveriges Lärare', status: 'deferred' });
  });

  it('gives a sentence led by an employer role ("Förvaltningschefen informerar", "Rektor svarar") to the employer', () => {
    const parties = utterances(['Vision undrar hur bemanningen ser ut.', 'Förvaltningschefen informerar om bemanningen.', 'Kommunal undrar om vikarier.', 'Rektor svarar att vikarier finns.']).map(([party]) => party);
    expect(parties).toEqual(['Vision', 'Arbetsgivaren', 'Kommunal', 'Arbetsgivaren']);
  });

  it('lets "Arbetsgivaren:" on its own line name who answers the paragraph below', () => {
    const found = questions('Sjukfrånvaro', ['Kommunal:', 'Vad görs för att minska korttidsfrånvaron?', 'Arbetsgivaren:', 'Vi inför tidiga rehabsamtal från april.']);
    expect(found.map((q) => [q.party, q.status, q.answer?.party])).toEqual([['Kommunal', 'answered', 'Arbetsgivaren']]);
  });

  it('gives an unnamed "Svar:" after a union question to the employer', () => {
    expect(utterances(['Lärarförbundet frågar om punkt 4 omfattar fritidspedagoger.', 'Svar: Nej, insatserna riktar sig till barnskötare.'])[1][0]).toBe('Arbetsgivaren');
  });
});

