// The passage shown for a hit: a window of the section text around its densest cluster of matching words,
// the matched words as character ranges (never markup: the text is document data), and the party and PDF
// page of the utterance the window starts in.
import type { AnalyzedWord } from '../../ingest/lang/analysis.ts';
import type { SectionDoc } from './documents.ts';
import type { Snippet } from './engine.ts';

const WINDOW = 240;
const LEAD = 60;

export interface Passage {
  snippet: Snippet;
  page: number;
  party: string | null;
}

/** The terms of the query a word matches, by its own key, a compound part or a synonym group. */
export function matchedTerms(word: AnalyzedWord, terms: Set<string>): string[] {
  const hits: string[] = [];
  for (const list of [word.keys, word.parts, word.synonyms]) for (const term of list) if (terms.has(term)) hits.push(term);
  return hits;
}

export function passageOf(doc: SectionDoc, text: string, words: AnalyzedWord[], terms: Set<string>): Passage {
  const matches = words
    .map((word) => ({ word, terms: matchedTerms(word, terms) }))
    .filter((m) => m.terms.length > 0);
  if (matches.length === 0) return { snippet: cut(text, 0, []), page: doc.page, party: null };

  let best = { from: 0, distinct: 0, count: 0 };
  for (let from = 0; from < matches.length; from++) {
    const seen = new Set<string>();
    let count = 0;
    for (let to = from; to < matches.length && matches[to].word.end - matches[from].word.start <= WINDOW - LEAD; to++) {
      for (const term of matches[to].terms) seen.add(term);
      count++;
    }
    if (seen.size > best.distinct || (seen.size === best.distinct && count > best.count)) best = { from, distinct: seen.size, count };
  }
  const anchor = matches[best.from].word;
  const utterance = doc.utterances.find(([start, end]) => anchor.start >= start && anchor.start < end);
  const ranges = matches.map((m): [number, number] => [m.word.start, m.word.end]);
  return {
    snippet: cut(text, anchor.start, ranges),
    page: utterance ? utterance[2] : doc.page,
    party: utterance ? utterance[3] : null,
  };
}

/** A window of the text starting a little before `anchor`, at word boundaries, with ranges shifted into it. */
function cut(text: string, anchor: number, ranges: Array<[number, number]>): Snippet {
  let start = Math.max(0, anchor - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < anchor ? space + 1 : anchor;
  }
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > anchor) end = space;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length]);
  return { text: prefix + body + suffix, highlights };
}
