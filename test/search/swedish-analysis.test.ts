// Swedish analysis for search: matching keys, compounds split against a vocabulary, abbreviations as synonyms.
import { describe, expect, it } from 'vitest';
import { analyze, indexTerms } from '../../ingest/lang/analysis.ts';
import { CompoundSplitter } from '../../ingest/lang/compounds.ts';
import { matchKey, wordSpans } from '../../ingest/lang/terms.ts';

const splitter = new CompoundSplitter(['frånvaro', 'friskfaktorer', 'inventering', 'incident', 'förvaltning', 'grupp', 'processen']);

describe('matching keys', () => {
  it.each([
    ['frånvaron', 'frånvaro'],
    ['Sjukfrånvaron', 'sjukfrånvaro'],
    ['friskfaktorer', 'friskfaktor'],
    ['mötet', 'möte'],
    ['frågan', 'frågor'],
    ['arbetsmiljön', 'arbetsmiljö'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  it('keeps offsets of words as written, hyphenated words whole', () => {
    const text = 'Hägersten-Älvsjö: SAM-uppföljningen';
    expect(wordSpans(text).map((w) => text.slice(w.start, w.end))).toEqual(['Hägersten-Älvsjö', 'SAM-uppföljningen']);
  });
});

describe('compounds', () => {
  it.each([
    ['korttidssjukfrånvaron', ['kort', 'tids', 'sjuk', 'frånvaron']],
    ['friskfaktorsinventering', ['friskfaktors', 'inventering']],
    ['våldsincidenten', ['vålds', 'incidenten']],
    ['förvaltningsgruppen', ['förvaltnings', 'gruppen']],
  ])('splits %s at its linking -s-', (word, parts) => {
    expect(splitter.split(word)).toEqual(parts);
  });

  it('does not split words that are not compounds of known words', () => {
    expect(splitter.split('information')).toBeNull();
    expect(splitter.split('kommunal')).toBeNull();
  });

  it("indexes 'sjukfrånvaro' and 'frånvaro' as parts of 'korttidssjukfrånvaron'", () => {
    expect(splitter.subterms('korttidssjukfrånvaron')).toEqual(expect.arrayContaining([matchKey('sjukfrånvaro'), matchKey('frånvaro'), matchKey('sjuk')]));
  });
});

describe('synonyms', () => {
  const groups = (text: string, inDocument = true) => indexTerms(analyze(text, splitter, inDocument)).direct.filter((t) => t.startsWith('='));

  it("gives 'SAM' and 'systematiskt arbetsmiljöarbete' the same group, once per mention", () => {
    expect(groups('Uppföljning av SAM')).toEqual(['=sam']);
    expect(groups('det systematiska arbetsmiljöarbetet')).toEqual(['=sam']);
    expect(groups('MBL-förhandlingen')).toEqual(['=mbl']);
  });

  it("needs capitals for an abbreviation in documents ('las' is also a verb), not in queries", () => {
    expect(groups('hon las protokollet')).toEqual([]);
    expect(groups('enligt LAS')).toEqual(['=las']);
    expect(groups('las', false)).toEqual(['=las']);
  });
});
