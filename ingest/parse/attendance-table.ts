// An attendance table with one side a column: the employer's people with their roles on the left (a role may wrap
// onto the row below), the unions on the right as "Party: Name, Name" rows. Read row by row, each row would mix
// one employer person with a union's list; this reads the two columns apart, each as a list of its own, so the rest
// of the attendance reader sees "Name, role" entries under the employer and party lists under the unions.
import type { Line } from '../model.ts';
import { canonicalParty, partiesIn } from './parties.ts';

export type Side = 'employer' | 'union';

/** One entry of a column: its text and which side the column lists. */
export interface ColumnEntry {
  text: string;
  side: Side;
}

/** A line this far right of the table's left edge (in points) stands in the right column. */
const RIGHT_COLUMN_OFFSET = 120;

/** "Vision: Eva Lind, Per Ek", "Saco-S – Ali Khan": a union's name before its people. */
function isPartyList(text: string): boolean {
  const m = /^([^:]{2,40}?)(?::|\s[–-])\s*\S/u.exec(text);
  const party = m ? canonicalParty(m[1]) : null;
  return party !== null && party !== 'Arbetsgivaren';
}

/** "Karin Holm, förvaltningschef" or "Karin Holm": a full name opens a new person in the employer column. */
function opensPerson(text: string): boolean {
  const name = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})(?:\s*[,(–]|$)/u.exec(text)?.[1];
  return name !== undefined && canonicalParty(name) === null;
}

/**
 * The cells of a row, or of a line whose cells the extractor joined: "Karin Holm, chef Vision: Eva Lind" splits
 * where a union's name followed by a colon begins the right column.
 */
function cellsOf(line: Line): string[] {
  if (line.cells) return line.cells;
  for (const { party, index } of partiesIn(line.text)) {
    const right = line.text.slice(index);
    const left = line.text.slice(0, index).trim();
    // The left column holds a person ("Karin Holm, chef"), not a list that goes on ("Kommunal – Olle Ek;") nor
    // a sentence or label before the list ("Hanna Lilja (HR). Arbetstagarna: Kommunal – …").
    if (index > 0 && party !== 'Arbetsgivaren' && isPartyList(right) && opensPerson(left) && !/[;,]$|[:.]\s/u.test(left)) return [left, right];
  }
  return [line.text];
}

/** A role cut at a hyphen in a narrow column ("avdelningschef äldre-" / "omsorgen") is one word again. */
function joinWrapped(left: string, right: string, separator: string): string {
  if (/\p{L}-$/u.test(left) && /^\p{Ll}/u.test(right) && !/^(?:och|eller|samt)\s/u.test(right)) return left.slice(0, -1) + right;
  return `${left}${separator}${right}`;
}

function appendTo(entries: ColumnEntry[], text: string, side: Side, opensEntry: boolean): void {
  const last = entries[entries.length - 1];
  if (opensEntry || !last) {
    entries.push({ text, side });
    return;
  }
  // A name alone, then its role below it: the role follows the name as a "Name, role" entry would have it. In a
  // union's list a name cut after its first word ("SSR: Olle" / "Svensson") goes on; a new line is a new name.
  const cutName = /[:,]\s*\p{Lu}\p{Ll}+$/u.test(last.text);
  const separator = side === 'employer' ? (last.text.includes(',') ? ' ' : ', ') : /,\s*$/u.test(last.text) || cutName ? ' ' : ', ';
  last.text = joinWrapped(last.text, text, separator);
}

/**
 * The two columns of a two-sided attendance table starting at `start`, and where the table ends; null when no
 * such table starts there. A table starts at a row with a union list in its right cell (or at a header row
 * naming the two sides, given as `sidesOf`) and runs while lines are rows or stand in one of its columns.
 */
export function readTwoSidedTable(
  lines: Line[],
  start: number,
  sidesOf: (cells: string[]) => [Side, Side] | null,
  endsTable: (text: string) => boolean,
): { entries: ColumnEntry[]; end: number } | null {
  const first = cellsOf(lines[start]);
  const header = first.length === 2 ? sidesOf(first) : null;
  if (first.length !== 2 || (!header && !isPartyList(first[1]))) return null;
  const [leftSide, rightSide] = header ?? ['employer', 'union'];
  const leftEdge = lines[start].x;
  const left: ColumnEntry[] = [];
  const right: ColumnEntry[] = [];
  const add = (text: string, column: 'left' | 'right'): void => {
    const side = column === 'left' ? leftSide : rightSide;
    const entries = column === 'left' ? left : right;
    // Under a union's name, further names on the rows below are more of its people ("SSR: Maja Ström," / "Olof Rask").
    const last = entries[entries.length - 1];
    const underParty = last !== undefined && isPartyList(last.text);
    appendTo(entries, text, side, isPartyList(text) || (!underParty && opensPerson(text)));
  };
  let end = header ? start + 1 : start;
  for (; end < lines.length; end++) {
    const line = lines[end];
    const cells = cellsOf(line);
    if (cells.length === 2) {
      if (cells[0]) add(cells[0], 'left');
      if (cells[1]) add(cells[1], 'right');
      continue;
    }
    if (cells.length > 2) break;
    const inRight = line.x - leftEdge >= RIGHT_COLUMN_OFFSET;
    if (!inRight && endsTable(line.text)) break;
    add(line.text, inRight ? 'right' : 'left');
  }
  return { entries: [...left, ...right], end };
}
