// Sentence splitting for Swedish protocol prose: a sentence ends at . ! or ? followed by a capital, except after
// the abbreviations in ingest/data/abbreviations.json ("kl.", "bl.a.", "t.ex.", "sid.") and single initials ("S. 60").
// A run-on where a named person starts speaking without a full stop ("… annan förvaltning Magnus Borgsten informerar
// att …") is split too: that name is a new speaker. Each item of a list run into a paragraph ("… lyfte följande:
// 1. Arbetsbelastningen … 2. Flera …", "a) nya rutiner, b) …") is a sentence of its own.
import abbreviations from '../data/abbreviations.json' with { type: 'json' };
import cues from '../data/cues.json' with { type: 'json' };

const ABBREVIATIONS = new Set(abbreviations.abbreviations);
const BOUNDARY = /([.!?])["”’)]*\s+(?=["”“(]?\p{Lu})/gu;
const RUN_ON_SPEAKER = new RegExp(
  `(?<=\\p{Ll})\\s+(?=\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,2}\\s+(?:${cues.speechVerbs.join('|')})\\s)`,
  'gu',
);

/**
 * A list enumerator: "1.", "2)", "a)", or a letter with a full stop from "a." to "j." (a later letter with a stop
 * is more often the end of an abbreviation than an item).
 */
const ENUMERATOR = String.raw`(?:\d{1,2}[.)]|[a-zåäö]\)|[a-j]\.)`;
/** An enumerator after a colon, a question mark or the end of the previous item opens a list item. */
const LIST_ITEM = new RegExp(String.raw`(?<=[:.;,?])\s+(?=${ENUMERATOR}\s+\p{L})`, 'gu');
const LEADING_ENUMERATOR = new RegExp(String.raw`^(${ENUMERATOR})\s+(?=\p{L})`, 'u');

/** Whether a sentence is an item of a list ("1. Arbetsbelastningen …", "b) en gemensam planeringsdag", "c. Vilka …"). */
export function isListItem(sentence: string): boolean {
  return LEADING_ENUMERATOR.test(sentence);
}

/** The enumerator of a list item without its punctuation ("a." → "a", "2)" → "2"), or null. */
export function enumeratorOf(sentence: string): string | null {
  return LEADING_ENUMERATOR.exec(sentence)?.[1].slice(0, -1) ?? null;
}

/** A list item's text without its enumerator. */
export function withoutEnumerator(sentence: string): string {
  return sentence.replace(LEADING_ENUMERATOR, '');
}

function endsWithAbbreviation(text: string): boolean {
  const last = /(\S+)$/u.exec(text)?.[1].toLowerCase() ?? '';
  if (ABBREVIATIONS.has(last)) return true;
  return /^\(?\p{L}\.$/u.test(last); // an initial or "S." page reference
}

function splitRunOns(sentence: string): string[] {
  return sentence.split(RUN_ON_SPEAKER).map((s) => s.trim()).filter(Boolean);
}

function splitListItems(text: string): string[] {
  return text.split(LIST_ITEM).map((s) => s.trim()).filter(Boolean);
}

/** Sentences of a text without list items: ends at . ! ? before a capital, not after an abbreviation or an enumerator. */
function splitAtBoundaries(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    const candidate = text.slice(start, end).trim();
    if (m[1] === '.' && (endsWithAbbreviation(candidate) || /^\d{1,2}\.$/.test(candidate))) continue;
    sentences.push(candidate);
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) sentences.push(tail);
  return sentences;
}

export function splitSentences(text: string): string[] {
  return splitListItems(text).flatMap(splitAtBoundaries).flatMap(splitRunOns);
}
