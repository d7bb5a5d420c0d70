// Cue phrases from ingest/data/cues.json compiled into matchers: does a sentence ask, request, raise an issue,
// answer, defer or record an outcome. Matching is case-insensitive on whole words.
import cues from '../data/cues.json' with { type: 'json' };

export type CueKind = 'question' | 'none' | 'request' | 'requestForInformation' | 'raise' | 'preRegistered' | 'listIntro' | 'answer' | 'deferral' | 'followUp' | 'outcome' | 'stillOpen' | 'closed';

function compile(patterns: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${patterns.join('|')})(?![\\p{L}])`, 'iu');
}

const MATCHERS: Record<CueKind, RegExp> = {
  question: compile(cues.question),
  none: new RegExp(`(?:${cues.none.join('|')})`, 'iu'),
  request: compile(cues.request),
  requestForInformation: compile(cues.requestForInformation),
  raise: compile(cues.raise),
  preRegistered: compile(cues.preRegistered),
  listIntro: compile(cues.listIntro),
  answer: compile(cues.answer),
  deferral: compile(cues.deferral),
  followUp: compile(cues.followUp),
  outcome: compile(cues.outcome),
  stillOpen: compile(cues.stillOpen),
  closed: compile(cues.closed),
};

export function has(kind: CueKind, sentence: string): boolean {
  return MATCHERS[kind].test(sentence);
}

/** Whether a sentence puts the answer off: a deferral ("återkommer") or a promise to present later. */
export function defers(sentence: string): boolean {
  return has('deferral', sentence) || has('followUp', sentence);
}

/** Whether the cue occurs among the first `words` words: where the verb of a sentence's subject stands ("Arbetsgivaren svarade …"). */
export function hasEarly(kind: CueKind, sentence: string, words: number): boolean {
  const m = MATCHERS[kind].exec(sentence);
  if (!m) return false;
  return sentence.slice(0, m.index).trim().split(/\s+/).filter(Boolean).length <= words;
}
