// Föranmälda frågor written as a lettered list and answered in a lettered list of replies: one question per item,
// each resolved by the reply with the same letter.
import { expect, it } from 'vitest';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout, wrapped } from './layout.ts';

it('makes each item of "följande frågor: a. … b. … c. …" a question answered by the reply with its letter', () => {
  const doc = layout([
    'Närvarande',
    heading('1. Föranmälda frågor från Saco'),
    'Saco har inför mötet skickat in följande frågor:',
    wrapped('a. Hur många konsulter anlitades under 2024?'),
    wrapped('b. När redovisas den nya lönekartläggningen?'),
    wrapped('c. Vilka åtgärder planeras mot arbetsbelastningen?'),
    'Svar från arbetsgivaren:',
    wrapped('a. Linnea Sand redogör för att 31 konsulter anlitades.'),
    wrapped('b. Lönekartläggningen redovisas vid förvaltningsgruppen i juni.'),
    wrapped('c. Patrik Ohlsson förklarar att två tjänster har annonserats.'),
    heading('2. Övriga frågor'),
    'Inga.',
  ]);
  const outcome = parseProtocol(doc, { file: 't.pdf', sha256: '', pages: 1 });
  if (!outcome.ok) throw new Error(outcome.failure.reason);
  expect(outcome.protocol.questions.map((q) => [q.text, q.party, q.kind, q.status, q.answer?.party])).toEqual([
    ['Hur många konsulter anlitades under 2024?', 'Saco', 'pre_registered', 'answered', 'Arbetsgivaren'],
    ['När redovisas den nya lönekartläggningen?', 'Saco', 'pre_registered', 'deferred', 'Arbetsgivaren'],
    ['Vilka åtgärder planeras mot arbetsbelastningen?', 'Saco', 'pre_registered', 'answered', 'Arbetsgivaren'],
  ]);
  expect(outcome.protocol.questions[1].answer?.text).toBe('Lönekartläggningen redovisas vid förvaltningsgruppen i juni.');
});
