// Sentence templates for what parties say in a protocol, in the registers of the corpus. Placeholders:
// {party} the asking union as this förvaltning spells it, {employer} "Arbetsgivaren"/"AG", {manager} a named
// manager, {ask} an indirect question, {direct} a short direct question, {noun} a noun phrase naming the
// subject, {answer} a clause after "att", {Answer} the same as a sentence, {date} the earlier meeting's date.
import type { QuestionKind } from '../../model.ts';

/** How a union puts a question or request for the first time, per kind. */
export const ASKING: Record<QuestionKind, readonly string[]> = {
  question: [
    '{party} undrar {ask}.',
    '{party} frågar {ask}.',
    '{party} ställer frågan {ask}.',
    '{party} lyfter {noun}. {direct}',
  ],
  request_for_information: [
    '{party} önskar redovisning av {noun}.',
    '{party} önskar få ta del av {noun}.',
    '{party} vill ha mer information om {noun}.',
    '{party} lyfter {noun}. Mer info önskas.',
  ],
  pre_registered: [
    '{party} har en föranmäld fråga om {noun}. {direct}',
    '{party} har föranmält en fråga om {noun}.',
    'Föranmäld fråga från {party} gällande {noun}. {direct}',
  ],
};

/** Short direct questions that follow a raised subject, so the question ends in "?" as many real ones do. */
export const DIRECT: readonly string[] = [
  'Hur ser arbetsgivaren på detta?',
  'Vad är arbetsgivarens plan framåt?',
  'När kan de fackliga organisationerna få besked?',
  'Hur ska detta följas upp?',
];

/** A substantive answer in the same meeting. */
export const ANSWERING: readonly string[] = [
  '{employer} svarar att {answer}.',
  '{employer} svarade att {answer}.',
  'Arbetsgivarens svar: {Answer}.',
  '{employer} redogör för frågan och svarar att {answer}.',
];

/** The same, when the förvaltning's protocols name the manager who answers. */
export const NAMED_ANSWERING: readonly string[] = [
  '{manager} svarar att {answer}.',
  '{manager} informerar om att {answer}.',
];

/** Promises of an answer later; the question comes back at a later meeting of the same förvaltning. */
export const DEFERRING: readonly string[] = [
  '{employer} återkommer i frågan.',
  'Frågan besvaras vid nästa förvaltningsgrupp.',
  'Arbetsgivaren tar med sig frågan och återkommer till nästa möte.',
  'Frågan lämnas som kvarstående.',
  '{manager} återkommer med svar vid nästa möte.',
];

/** Deferrals that send the question elsewhere: it does not come back to this group. */
export const FORWARDING: readonly string[] = [
  'Frågan förs till SVG.',
  'Frågan hänvisas till respektive lokal samverkansgrupp.',
];

/**
 * A question from an earlier meeting raised again, restating its subject rather than quoting it: as a balance
 * list entry ("Kvarstående fråga från …") or put again in the union's words, as Hägersten-Älvsjö does.
 */
export const RAISING_AGAIN: readonly string[] = [
  '{party} har tidigare frågat om {noun}.',
  'Kvarstående fråga från {party} om {noun}.',
  '{party} påminner om sin fråga från den {date} om {noun}.',
  'Fråga från {party} vid föregående möte gällande {noun}.',
  '{party} önskar fortfarande svar på frågan om {noun}.',
  '{party} frågar igen om {noun}.',
  '{party} undrar vad som har hänt med frågan om {noun}.',
];

/** A question raised again that is still not answered. */
export const STILL_OPEN: readonly string[] = [
  'Arbetsgivaren har ännu inte något svar och frågan kvarstår.',
  'Frågan kvarstår till nästa möte.',
  '{employer} återkommer även i denna fråga vid nästa möte.',
];
