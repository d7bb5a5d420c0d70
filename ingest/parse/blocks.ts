// Paragraph building: body lines → blocks (paragraphs, headings, table rows). A new block starts where the
// vertical gap is clearly wider than the document's usual line gap, where weight, size or table-ness change,
// or at a page break; a break is undone where a sentence visibly runs on (no closing punctuation before it,
// a lower-case word after it) — archived protocols break paragraphs mid-sentence at page ends and in pasted text.
import { joinLines, vocabularyOf } from '../extract/hyphenation.ts';
import type { Line } from '../model.ts';

export interface Block {
  lines: Line[];
  text: string;
  page: number;
  bold: boolean;
  size: number;
  table: boolean;
}

/** A gap this many times the usual line gap separates paragraphs (≈20pt vs ≈14.5pt lines at 11pt). */
const PARAGRAPH_GAP_RATIO = 1.2;
/** Line pitch as a multiple of the font size: usual leading, and the widest a pitch within a paragraph gets. */
const USUAL_LINE_PITCH_EM = 1.3;
const MAX_LINE_PITCH_EM = 1.55;

/** The font size carrying most characters: the body text size. */
export function bodySizeOf(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 11;
}

/** Share of body lines shorter than a full line: the rest run from margin to margin. */
const FULL_LINE_PERCENTILE = 0.9;

/** The length in characters of a full line of body text, or null for a document too short to tell. */
export function fullLineCharsOf(lines: Line[], bodySize: number): number | null {
  const lengths = lines.filter((l) => l.size === bodySize && !l.cells).map((l) => l.text.length).sort((a, b) => a - b);
  if (lengths.length < 10) return null;
  return lengths[Math.floor((lengths.length - 1) * FULL_LINE_PERCENTILE)];
}

/**
 * The line pitch within a paragraph: the smallest gap between body-size lines that is common (one in ten gaps or
 * more). Not simply the most common gap — a protocol of many one-line paragraphs has more paragraph gaps than line gaps.
 */
function lineGapOf(lines: Line[], bodySize: number): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    if (l.size !== bodySize || l.gapBefore <= 0) continue;
    const key = Math.round(l.gapBefore * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  const common = [...counts].filter(([, n]) => n >= Math.max(2, total * 0.1)).sort((a, b) => a[0] - b[0]);
  const smallest = common[0]?.[0];
  // Wider than any line pitch: a document of one-line paragraphs has only paragraph gaps; assume usual leading.
  if (smallest === undefined || smallest > bodySize * MAX_LINE_PITCH_EM) return bodySize * USUAL_LINE_PITCH_EM;
  return smallest;
}

/**
 * A line that opens a numbered heading ("7. Övriga frågor", "§ 3 Val", "5.1.1.Information", "4) Ekonomi",
 * "Punkt 2: Ekonomi", "Punkt 3 - Arbetsmiljö", "Ärende 5 Budget", "4 § Ekonomi" with the sign after the number).
 */
export const HEADING_NUMBER = /^(?:(?:§|[Pp]unkt|[Ää]rende|[Pp]aragraf)\s*)?(\d{1,3}(?:\.\d{1,2})*)(?:[.):]|\s*§|\s+[-–])?\s*(?=[\p{Lu}"”“]|$)/u;

const TERMINAL = /[.!?:;]["”’)]*$/u;
const RUNS_ON = /^["”“’(]*[\p{Ll}\d]/u;

function startsBlock(previous: Line, line: Line, lineGap: number): boolean {
  if (line.page !== previous.page) return true;
  if (line.bold !== previous.bold) return true;
  if (Math.abs(line.size - previous.size) > 0.5) return true;
  if (Boolean(line.cells) !== Boolean(previous.cells) || line.cells) return true;
  if (line.bold && HEADING_NUMBER.test(line.text) && /\d/.test(line.text.slice(0, 10))) return true;
  return line.gapBefore > lineGap * PARAGRAPH_GAP_RATIO;
}

/**
 * A bold row of two cells whose first is an agenda number or letter ("[2.1 | Ekonomi]", "[C. | Ekonomi]"): a heading whose number is set as a
 * separate run left of the title, not a table row.
 */
function isNumberCellHeading(line: Line): boolean {
  return line.bold && line.cells?.length === 2 && /^(?:(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?|[A-Z][.)])$/u.test(line.cells[0].trim());
}

function toBlock(lines: Line[], vocabulary: Set<string>): Block {
  return {
    lines,
    text: joinLines(lines.map((l) => l.text), vocabulary),
    page: lines[0].page,
    bold: lines.every((l) => l.bold),
    size: lines[0].size,
    table: lines.some((l) => l.cells && !isNumberCellHeading(l)),
  };
}

/** Whether block `next` continues the sentence that `previous` leaves open. */
function runsOn(previous: Block, next: Block): boolean {
  if (previous.bold || next.bold || previous.table || next.table) return false;
  if (Math.abs(previous.size - next.size) > 0.5) return false;
  return !TERMINAL.test(previous.text) && RUNS_ON.test(next.text) && !/^\d+(\.\d+)*\.?\s+\p{Lu}/u.test(next.text);
}

export function buildBlocks(body: Line[]): Block[] {
  if (body.length === 0) return [];
  const vocabulary = vocabularyOf(body.map((l) => l.text));
  const bodySize = bodySizeOf(body);
  const lineGap = lineGapOf(body, bodySize);
  const groups: Line[][] = [[body[0]]];
  for (let i = 1; i < body.length; i++) {
    if (startsBlock(body[i - 1], body[i], lineGap)) groups.push([body[i]]);
    else groups[groups.length - 1].push(body[i]);
  }
  const blocks: Block[] = [];
  for (const group of groups) {
    const block = toBlock(group, vocabulary);
    const previous = blocks[blocks.length - 1];
    if (previous && runsOn(previous, block)) blocks[blocks.length - 1] = toBlock([...previous.lines, ...group], vocabulary);
    else blocks.push(block);
  }
  return blocks;
}
