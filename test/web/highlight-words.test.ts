// Which words the protocol page and the PDF page mark for a search: Swedish inflections and compounds of the
// searched word, whole words only, and nothing for words too short to mean anything.
import { describe, expect, it } from 'vitest';
import { matchRanges, queryKeys } from '../../web/src/text/match-terms.ts';

function marked(text: string, query: string): string[] {
  return matchRanges(text, queryKeys(query)).map(([start, end]) => text.slice(start, end));
}

describe('words marked for a search', () => {
  it("marks 'sjukfrånvaron' and 'korttidssjukfrånvaron' when searching 'sjukfrånvaro'", () => {
    const text = 'Korttidssjukfrånvaron har ökat medan den långa sjukfrånvaron är stabil.';
    expect(marked(text, 'sjukfrånvaro')).toEqual(['Korttidssjukfrånvaron', 'sjukfrånvaron']);
  });

  it('marks every word of a query of several words, ignoring case', () => {
    expect(marked('Budgeten och ARBETSMILJÖN diskuterades.', 'budget arbetsmiljö')).toEqual(['Budgeten', 'ARBETSMILJÖN']);
  });

  it('leaves words shorter than three letters out of the marking', () => {
    expect(queryKeys('en av de')).toEqual([]);
    expect(marked('Det är en fråga av vikt.', 'en av')).toEqual([]);
  });

  it('marks nothing without a query', () => {
    expect(marked('Sjukfrånvaron är stabil.', '')).toEqual([]);
  });
});
