// Sentence splitting for Swedish protocol prose: a sentence ends at . ! or ? followed by a capital, except after
// the abbreviations in ingest/data/abbreviations.json ("kl.", "bl.a.", "t.ex.", "sid.") and single initials ("S. 60").
// A run-on where a named person starts speaking without a full stop ("… annan förvaltning Magnus Borgsten informerar
// att …") is split too: that name is a new speaker.
import abbreviations from '../data/abbreviations.json' with { type: 'json' };
import cues from '../data/cues.json' with { type: 'json' };

const ABBREVIATIONS = new Set(abbreviations.abbreviations);
const BOUNDARY = /([.!?])["”’)]*\s+(?=["”“(]?\p{Lu})/gu;
const RUN_ON_SPEAKER = new RegExp(
  `(?<=\\p{Ll})\\s+(?=\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,2}\\s+(?:${cues.speechVerbs.join('|')})\\s)`,
  'gu',
);

function endsWithAbbreviation(text: string): boolean {
  const last = /(\S+)$/u.exec(text)?.[1].toLowerCase() ?? '';
  if (ABBREVIATIONS.has(last)) return true;
  return /^\(?\p{L}\.$/u.test(last); // an initial or "S." page reference
}

function splitRunOns(sentence: string): string[] {
  return sentence.split(RUN_ON_SPEAKER).map((s) => s.trim()).filter(Boolean);
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    const candidate = text.slice(start, end).trim();
    if (m[1] === '.' && endsWithAbbreviation(candidate)) continue;
    sentences.push(candidate);
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) sentences.push(tail);
  return sentences.flatMap(splitRunOns);
}
