// Normalises the lines of a text layer that OCR made, where a misreading is unambiguous: '$ 12' for '§ 12',
// '2O24-O3-l2' for '2024-03-12', a soft hyphen or dash for the hyphen that ends a line. What OCR gets wrong
// ambiguously (a word misspelt, a table's columns merged) is left as read: guessing would present it as certain.
// The misreadings themselves are data (ingest/data/ocr.json).
import data from '../data/ocr.json' with { type: 'json' };
import meeting from '../data/meeting.json' with { type: 'json' };
import { editDistance } from './edit-distance.ts';
import type { Line } from '../model.ts';

const escape = (chars: string[]): string => chars.map((c) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|');

const SECTION_SIGN_ANYWHERE = new RegExp(`(^|[\\s(])(?:${escape(data.sectionSign.anywhere)})(?=\\s?\\d)`, 'gu');
const SECTION_SIGN_AT_START = new RegExp(`^(?:${escape(data.sectionSign.lineStart)})\\s(\\d{1,3}[.:]?)\\s+(?=\\p{Lu})`, 'u');
/** '841 Mötets öppnande', 'S4 Ekonomi': § read as a character stuck to the item number (see ocr.json). */
const SECTION_SIGN_ATTACHED = Object.entries(data.sectionSign.attachedAtLineStart as Record<string, number>).map(
  ([sign, digits]) => new RegExp(`^${escape([sign])}([1-9]\\d{${digits - 1},${Math.max(2, digits)}})([.:]?)\\s+(?=["'„”»]?\\p{Lu})`, 'u'),
);
const ITEM_ONE = new RegExp(`^(?:${escape(data.itemNumberLookalikes)})([.)])\\s+(?=\\p{Lu})`, 'u');

const LOOKALIKES: Record<string, string> = data.digitLookalikes;
const LOOKALIKE_CLASS = escape(Object.keys(LOOKALIKES));
/** A number-like token: digits and digit lookalikes, with the punctuation of dates, times and sums between them. */
const NUMBER_TOKEN = new RegExp(`(?<![\\p{L}\\d])(?:\\d|${LOOKALIKE_CLASS})+(?:[.,:/-](?:\\d|${LOOKALIKE_CLASS})+)*(?![\\p{L}\\d])`, 'gu');

const STRAY_MARKS = new RegExp(`^(?:(?:${escape(data.strayMarks)})\\s+)+|(?:\\s+(?:${escape(data.strayMarks)}))+$`, 'gu');

const LINE_END_HYPHEN = new RegExp(`(\\p{L})(?:${escape(data.lineEndHyphens)})$`, 'u');

/**
 * Names a protocol's head is read by (förvaltningar, and the words that mark one), which OCR misreads a letter of
 * ('Äläreförvaltningen'). A long word of the same length with one letter read wrong — two for the longest — is that
 * name, unless the difference is an inflection ('stadsdelsnämnder' is not 'stadsdelsnämnden' misread).
 */
const KNOWN_NAMES: string[] = [...meeting.forvaltningar, ...meeting.suffixes].filter((n) => n.length >= data.knownNames.minLength);
const KNOWN_LOWER = new Set(KNOWN_NAMES.map((n) => n.toLowerCase()));
const NAME_TOKEN = /[\p{L}][\p{L}-]*[\p{L}]/gu;

const INFLECTIONS: string[] = [...data.knownNames.inflections].sort((a, b) => b.length - a.length);

function stemOf(word: string): string {
  const ending = INFLECTIONS.find((e) => word.endsWith(e));
  return ending ? word.slice(0, word.length - ending.length) : word;
}

function misreadOf(token: string, name: string, limit: number): boolean {
  if (token.length !== name.length || stemOf(token) === stemOf(name)) return false;
  return editDistance(token, name, limit) <= limit;
}

function fixKnownName(token: string): string {
  if (token.length < data.knownNames.minLength || KNOWN_LOWER.has(token.toLowerCase())) return token;
  const limit = token.length >= data.knownNames.twoEditsFrom ? 2 : 1;
  const lower = token.toLowerCase();
  const name = KNOWN_NAMES.find((n) => misreadOf(lower, n.toLowerCase(), limit));
  if (!name) return token;
  return /^\p{Ll}/u.test(token) ? name[0].toLowerCase() + name.slice(1) : name[0].toUpperCase() + name.slice(1);
}

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
  const trimmed = text.replace(STRAY_MARKS, '');
  return fixAttachedSectionSign(trimmed.replace(SECTION_SIGN_ANYWHERE, '$1§').replace(SECTION_SIGN_AT_START, '§ $1 '))
    .replace(ITEM_ONE, '1$1 ')
    .replace(NUMBER_TOKEN, fixNumber)
    .replace(LINE_END_HYPHEN, '$1-')
    .replace(NAME_TOKEN, fixKnownName);
}

/**
 * Normalises a table row's cells. A heading laid out as cells ('§ 41' | 'Mötets öppnande') puts the misread sign
 * and number in a cell of their own, so the first cell is read together with the cell after it.
 */
function normaliseCells(cells: string[]): string[] {
  const normalised = cells.map(normaliseOcrText);
  if (cells.length < 2) return normalised;
  const joined = normaliseOcrText(`${cells[0]} ${cells[1]}`);
  const rest = normalised[1];
  if (joined.endsWith(` ${rest}`)) normalised[0] = joined.slice(0, joined.length - rest.length - 1).trim();
  return normalised;
}

/** An agenda number alone in a cell: '§ 41', '3.', '2.1'. */
const ITEM_NUMBER_CELL = /^(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?$/u;

/**
 * The cells a row of OCR text really has. OCR reads stray marks as cells of their own ('|', ';'), which are dropped;
 * and a heading whose number stands apart from its title ('§ 41' | 'Mötets öppnande') — in a text PDF told from a
 * table row by its bold type, which OCR cannot see — is one line of text, not a table row.
 */
function realCells(cells: string[]): { text: string; cells?: string[] } {
  const kept = cells.filter((c) => /[\p{L}\p{N}]/u.test(c));
  const text = kept.join(' ');
  if (kept.length < 2) return { text };
  if (kept.length === 2 && ITEM_NUMBER_CELL.test(kept[0]) && /^\P{L}?\p{Lu}/u.test(kept[1])) return { text };
  return { text, cells: kept };
}

/** Normalises the text (and table cells) of lines read by OCR; positions and sizes are kept. */
export function normaliseOcrLines(lines: Line[]): Line[] {
  return lines.map((line) => {
    if (!line.cells) return { ...line, text: normaliseOcrText(line.text) };
    const { text, cells } = realCells(normaliseCells(line.cells));
    return { ...line, text, cells };
  });
}
