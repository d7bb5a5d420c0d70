// Normalises the lines of a text layer that OCR made, where a misreading is unambiguous: '$ 12' for '§ 12',
// '2O24-O3-l2' for '2024-03-12', a soft hyphen or dash for the hyphen that ends a line. What OCR gets wrong
// ambiguously (a word misspelt, a table's columns merged) is left as read: guessing would present it as certain.
// The misreadings themselves are data (ingest/data/ocr.json).
import data from '../data/ocr.json' with { type: 'json' };
import type { Line } from '../model.ts';

const escape = (chars: string[]): string => chars.map((c) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|');

const SECTION_SIGN_ANYWHERE = new RegExp(`(^|[\\s(])(?:${escape(data.sectionSign.anywhere)})(?=\\s?\\d)`, 'gu');
const SECTION_SIGN_AT_START = new RegExp(`^(?:${escape(data.sectionSign.lineStart)})\\s(\\d{1,3}[.:]?)\\s+(?=\\p{Lu})`, 'u');
/** '841 Mötets öppnande', 'S4 Ekonomi': § read as a character stuck to the item number (see ocr.json). */
const SECTION_SIGN_ATTACHED = Object.entries(data.sectionSign.attachedAtLineStart as Record<string, number>).map(
  ([sign, digits]) => new RegExp(`^${escape([sign])}([1-9]\\d{${digits - 1},${Math.max(2, digits)}})([.:]?)\\s+(?=\\p{Lu})`, 'u'),
);
const ITEM_ONE = new RegExp(`^(?:${escape(data.itemNumberLookalikes)})([.)])\\s+(?=\\p{Lu})`, 'u');

const LOOKALIKES: Record<string, string> = data.digitLookalikes;
const LOOKALIKE_CLASS = escape(Object.keys(LOOKALIKES));
/** A number-like token: digits and digit lookalikes, with the punctuation of dates, times and sums between them. */
const NUMBER_TOKEN = new RegExp(`(?<![\\p{L}\\d])(?:\\d|${LOOKALIKE_CLASS})+(?:[.,:/-](?:\\d|${LOOKALIKE_CLASS})+)*(?![\\p{L}\\d])`, 'gu');

const LINE_END_HYPHEN = new RegExp(`(\\p{L})(?:${escape(data.lineEndHyphens)})$`, 'u');

function fixAttachedSectionSign(text: string): string {
  const re = SECTION_SIGN_ATTACHED.find((r) => r.test(text));
  return re ? text.replace(re, '§ $1$2 ') : text;
}

function fixNumber(token: string): string {
  if (!/\d/.test(token)) return token;
  return [...token].map((c) => LOOKALIKES[c] ?? c).join('');
}

/** Normalises one line of OCR text. */
export function normaliseOcrText(text: string): string {
  return fixAttachedSectionSign(text.replace(SECTION_SIGN_ANYWHERE, '$1§').replace(SECTION_SIGN_AT_START, '§ $1 '))
    .replace(ITEM_ONE, '1$1 ')
    .replace(NUMBER_TOKEN, fixNumber)
    .replace(LINE_END_HYPHEN, '$1-');
}

/** Normalises the text (and table cells) of lines read by OCR; positions and sizes are kept. */
export function normaliseOcrLines(lines: Line[]): Line[] {
  return lines.map((line) => ({
    ...line,
    text: normaliseOcrText(line.text),
    cells: line.cells?.map(normaliseOcrText),
  }));
}
