// Rebuilds visual lines from pdf.js text runs: runs sharing a baseline are ordered by x and joined,
// spaces are inferred from gaps, and rows whose runs stand far apart are kept as table cells.
import type { Line, TextRun } from '../model.ts';
import type { RawPage } from './pdf.ts';

/** A gap wider than this many font sizes separates table cells (or header columns), not words. */
const CELL_GAP_EM = 1.5;
/** A gap wider than this many font sizes between runs means a space the PDF did not draw. */
const SPACE_GAP_EM = 0.12;

function sameBaseline(a: TextRun, b: TextRun): boolean {
  return Math.abs(a.y - b.y) <= Math.max(2, Math.min(a.size, b.size) * 0.35);
}

/** Groups runs into rows by baseline, top of the page first. */
function groupRows(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && sameBaseline(row[0], run)) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x));
}

/** Joins a row's runs into cells: text within a cell joined with inferred spaces. */
function rowCells(row: TextRun[]): { cells: string[]; starts: number[] } {
  const cells: string[] = [];
  const starts: number[] = [];
  let current = '';
  let end = -Infinity;
  for (const run of row) {
    if (run.text.trim() === '') continue; // drawn spaces: their gap speaks for them
    const gap = run.x - end;
    const em = run.size || 10;
    if (current === '' && cells.length === 0 && end === -Infinity) {
      current = run.text;
      starts.push(run.x);
    } else if (gap > CELL_GAP_EM * em) {
      cells.push(current.trim());
      current = run.text;
      starts.push(run.x);
    } else {
      const needsSpace = gap > SPACE_GAP_EM * em && !current.endsWith(' ') && !run.text.startsWith(' ');
      current += (needsSpace ? ' ' : '') + run.text;
    }
    end = run.x + run.width;
  }
  if (current.trim() !== '' || cells.length) cells.push(current.trim());
  return { cells, starts };
}

function dominantSize(row: TextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of row) if (r.text.trim()) weight.set(r.size, (weight.get(r.size) ?? 0) + r.text.length);
  let best = row[0]?.size ?? 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

/** Turns one page's runs into lines in reading order (top to bottom, left to right). */
export function buildLines(page: RawPage): Line[] {
  const lines: Line[] = [];
  let previousY: number | null = null;
  for (const row of groupRows(page.runs)) {
    const visible = row.filter((r) => r.text.trim() !== '');
    if (visible.length === 0) continue;
    const { cells } = rowCells(row);
    const text = cells.join(' ').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const y = visible[0].y;
    lines.push({
      page: page.number,
      text,
      x: visible[0].x,
      y,
      size: dominantSize(visible),
      bold: visible.every((r) => r.bold),
      cells: cells.length > 1 ? cells : undefined,
      gapBefore: previousY === null ? 0 : Math.round((previousY - y) * 10) / 10,
    });
    previousY = y;
  }
  return lines;
}
