// Parties are recognised however a protocol writes them, and named people speak for their party.
import { describe, expect, it } from 'vitest';
import { canonicalParty, leadingParty } from '../../ingest/parse/parties.ts';
import { explicitSpeaker, partyLabel } from '../../ingest/parse/speakers.ts';

describe('recognising parties', () => {
  it.each([
    ['SSR', 'Akademikerförbundet SSR'],
    ['Akademikerförbundet SSR', 'Akademikerförbundet SSR'],
    ['SACO', 'Saco'],
    ['Saco/Akavia', 'Saco'],
    ['Akavia', 'Saco'],
    ['Svergies lärare', 'Sveriges Lärare'],
    ['Sveriges Lärare', 'Sveriges Lärare'],
    ['AG', 'Arbetsgivaren'],
    ['förvaltningen', 'Arbetsgivaren'],
    ['Kommunal:', 'Kommunal'],
  ])('reads %s as %s', (alias, party) => {
    expect(canonicalParty(alias)).toBe(party);
  });

  it('does not read an ordinary word as an acronym party ("ag" in lower case is not AG)', () => {
    expect(canonicalParty('ag')).toBeNull();
    expect(leadingParty('ssr-frågor diskuterades')).toBeNull();
  });

  it('reads genitives as the party ("Kommunals kollektivavtal", "Arbetsgivarens svar:")', () => {
    expect(leadingParty('Kommunals kollektivavtal går ut 31 mars.')?.party).toBe('Kommunal');
    expect(leadingParty('Arbetsgivarens svar: Alla verksamheter är arbetsinriktade.')?.party).toBe('Arbetsgivaren');
  });
});

describe('finding who speaks', () => {
  const directory = new Map([['Carl Korch', 'Saco' as const]]);
  it('takes the subject that opens the sentence', () => {
    expect(explicitSpeaker('SSR undrar hur arbetsgivaren tänkt följa upp.', directory)?.party).toBe('Akademikerförbundet SSR');
  });
  it('lets a named manager speak for the employer and a known union member for the union', () => {
    expect(explicitSpeaker('Magnus Borgsten svarar att vi följer upp frågan.', directory)?.party).toBe('Arbetsgivaren');
    expect(explicitSpeaker('Carl Korch undrar om budgeten.', directory)?.party).toBe('Saco');
  });
  it('finds the asker after the verb ("… undrar SSR hur …") and past a page reference', () => {
    expect(explicitSpeaker('Med tanke på läget undrar SSR hur arbetsgivaren tänker.', directory)?.party).toBe('Akademikerförbundet SSR');
    expect(explicitSpeaker('(S. 60, 4 stycket) SSR önskar få mer information.', directory)?.party).toBe('Akademikerförbundet SSR');
  });
  it('does not take a pronoun for a name', () => {
    expect(explicitSpeaker('De anser att de behöver vara tre.', directory)).toBeNull();
  });
  it('reads a paragraph that is only a party name as a label for what follows', () => {
    expect(partyLabel('Vision:')).toBe('Vision');
    expect(partyLabel('Saco/Akavia')).toBe('Saco');
    expect(partyLabel('Vision har årsmöte.')).toBeNull();
  });
});
