// Agenda items: finds the numbered headings among the blocks and splits the body into sections. Headings come
// in many styles — bold "1 Mötets öppnande", "2. X", "§ 3 X", "5.1.1.X" with no space, a bold number on its own
// line above a bold title, a heading wrapped over two lines, or a number written in the body font, either on its
// own line ("5. Kvarvarande frågor …"), run into the first sentence ("8. Övergripande information från arbetsgivaren
// Kommunfullmäktige har …") or as a sub-numbered paragraph whose first sentence is its title ("5.1.2 Magnus …").
import type { Block } from './blocks.ts';
import { HEADING_NUMBER } from './blocks.ts';
import { canFollow, compareNumbers, numberParts } from './numbering.ts';
import { splitSentences } from './sentences.ts';

export interface RawSection {
  number: string;
  title: string;
  page: number;
  /** The blocks of the section body, in order (a numbered paragraph item keeps its paragraph, number removed). */
  blocks: Block[];
}

export interface SectionSplit {
  preamble: Block[];
  sections: RawSection[];
}

/** Longest title taken from a heading run into its body text before falling back to the first sentence. */
const MAX_RUN_IN_TITLE_WORDS = 12;

function numberOf(text: string): { number: string; rest: string } | null {
  const m = HEADING_NUMBER.exec(text);
  if (!m) return null;
  return { number: m[1], rest: text.slice(m[0].length).trim() };
}

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').replace(/[\s:]+$/, '').trim();
}

/** First sentence of a paragraph, split as everywhere else (abbreviations, a named speaker starting mid-line). */
function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? text;
}

/**
 * A body-font heading may run into the text: "Övergripande information från arbetsgivaren Kommunfullmäktige har
 * beslutat …". The title ends where a capitalised word follows a lower-case word with no punctuation between.
 */
function splitRunIn(sentence: string): { title: string; rest: string } | null {
  const m = /^(.*?(?:^|\s)\p{Ll}[\p{L}-]*)\s+(\p{Lu}\p{Ll}.*)$/su.exec(sentence);
  if (!m) return null;
  if (m[1].split(/\s+/).length > MAX_RUN_IN_TITLE_WORDS) return null;
  return { title: m[1], rest: m[2] };
}

function plainBlockHeading(block: Block, rest: string): { title: string; body: string } {
  const single = block.lines.length === 1 && !/[.!?]\s+\p{Lu}/u.test(rest);
  if (single) return { title: cleanTitle(rest.replace(/\.$/, '')), body: '' };
  const sentence = firstSentence(rest);
  const runIn = splitRunIn(sentence);
  if (runIn) return { title: cleanTitle(runIn.title), body: rest.slice(runIn.title.length).trim() };
  return { title: cleanTitle(sentence.replace(/\.$/, '')), body: rest };
}

function isHeadingFont(block: Block, bodySize: number): boolean {
  return block.bold && !block.table && block.size >= bodySize - 0.25;
}

/**
 * For each block, the number of the next bold numbered heading after it (or null). A body-font number must come
 * before it: an agenda listed in plain text at the top ("1. Mötets öppnande 2. …") is not the items themselves.
 */
function nextBoldNumbers(blocks: Block[], bodySize: number): (number[] | null)[] {
  const next: (number[] | null)[] = new Array(blocks.length).fill(null);
  let upcoming: number[] | null = null;
  for (let i = blocks.length - 1; i >= 0; i--) {
    next[i] = upcoming;
    const numbered = blocks[i].table ? null : numberOf(blocks[i].text);
    if (numbered && isHeadingFont(blocks[i], bodySize)) upcoming = numberParts(numbered.number);
  }
  return next;
}

export function splitSections(blocks: Block[], bodySize: number): SectionSplit {
  const preamble: Block[] = [];
  const sections: RawSection[] = [];
  const nextBold = nextBoldNumbers(blocks, bodySize);
  let previous: number[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const numbered = block.table ? null : numberOf(block.text);
    const current = sections[sections.length - 1];
    if (numbered) {
      const parts = numberParts(numbered.number);
      const bold = isHeadingFont(block, bodySize);
      // Paragraph-sign numbering (§ 45, § 46 …) runs on across meetings, so it need not start at 1.
      const paragraphSign = block.text.startsWith('§') && (previous === null || parts[0] > previous[0]);
      const plausible = canFollow(previous, parts) || paragraphSign || (bold && (previous === null || parts[0] >= previous[0]));
      if (plausible && bold) {
        let title = numbered.rest;
        // A bold number on its own line: the bold block after it is the title.
        if (title === '' && blocks[i + 1] && isHeadingFont(blocks[i + 1], bodySize) && !numberOf(blocks[i + 1].text)) {
          title = blocks[++i].text;
        }
        sections.push({ number: parts.join('.'), title: cleanTitle(title), page: block.page, blocks: [] });
        previous = parts;
        continue;
      }
      const beforeNextBold = nextBold[i] === null || compareNumbers(parts, nextBold[i]!) < 0;
      if (plausible && beforeNextBold && numbered.rest !== '') {
        const { title, body } = plainBlockHeading(block, numbered.rest);
        const rest: Block[] = body ? [{ ...block, text: body }] : [];
        sections.push({ number: parts.join('.'), title, page: block.page, blocks: rest });
        previous = parts;
        continue;
      }
    }
    if (current) current.blocks.push(block);
    else preamble.push(block);
  }
  if (sections.length === 0) return letteredSections(blocks, bodySize) ?? unnumberedSections(blocks, bodySize);
  return { preamble, sections };
}

/** Letters an agenda may skip between items, and the fewest lettered headings that make an agenda. */
const MAX_LETTER_SKIP = 1;
const MIN_LETTERED_ITEMS = 3;
/** "A. Mötets öppnande", "B) Föregående protokoll": an agenda item lettered instead of numbered. */
const LETTERED = /^([A-Z])[.)]\s+(\p{Lu}.*)$/su;

/**
 * Protocols that letter their items A., B., C. …: bold headings whose letters run in order from A (a letter may be
 * skipped) are the items; the letter is the number. Other bold headings ("Närvarande") stay preamble or body.
 */
function letteredSections(blocks: Block[], bodySize: number): SectionSplit | null {
  const headings = new Map<Block, { letter: string; title: string }>();
  let previous = 'A'.charCodeAt(0) - 1;
  for (const block of blocks) {
    const m = isHeadingFont(block, bodySize) && block.text.length <= MAX_HEADING_CHARS ? LETTERED.exec(block.text) : null;
    if (!m) continue;
    const code = m[1].charCodeAt(0);
    if (code <= previous || code > previous + 1 + MAX_LETTER_SKIP) continue;
    headings.set(block, { letter: m[1], title: cleanTitle(m[2]) });
    previous = code;
  }
  if (headings.size < MIN_LETTERED_ITEMS) return null;
  const preamble: Block[] = [];
  const sections: RawSection[] = [];
  for (const block of blocks) {
    const heading = headings.get(block);
    if (heading) sections.push({ number: heading.letter, title: heading.title, page: block.page, blocks: [] });
    else if (sections.length > 0) sections[sections.length - 1].blocks.push(block);
    else preamble.push(block);
  }
  return { preamble, sections };
}

/** Short enough to be a heading rather than a bold sentence. */
const MAX_HEADING_CHARS = 120;

/**
 * Protocols without numbered items: bold headings larger than the body text stand for the items, numbered in
 * order. A first heading larger than the next is the document title, not an item.
 */
function unnumberedSections(blocks: Block[], bodySize: number): SectionSplit {
  const isHeading = (b: Block): boolean => b.bold && !b.table && b.size > bodySize && b.text.length <= MAX_HEADING_CHARS;
  const headings = blocks.filter(isHeading);
  const titled = headings.length > 1 && headings[0].size > headings[1].size;
  const items = titled ? headings.slice(1) : headings;
  if (items.length < 2) return { preamble: blocks, sections: [] };
  const first = blocks.indexOf(items[0]);
  const preamble = blocks.slice(0, first);
  const sections: RawSection[] = [];
  for (const block of blocks.slice(first)) {
    if (isHeading(block)) sections.push({ number: String(sections.length + 1), title: cleanTitle(block.text), page: block.page, blocks: [] });
    else sections[sections.length - 1].blocks.push(block);
  }
  return { preamble, sections };
}
