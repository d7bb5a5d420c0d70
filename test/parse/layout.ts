// Builds extracted documents by hand for stage tests: each line is written as it would come out of extraction
// (text, bold, size, gap before), so a heading style or paragraph layout can be tested without making a PDF.
import type { ExtractedDocument, Line } from '../../ingest/model.ts';

export interface LineSpec {
  text: string;
  bold?: boolean;
  size?: number;
  /** Gap before the line in points; default a paragraph gap (20.5) — use LINE for a wrapped line. */
  gap?: number;
  page?: number;
}

export const LINE = 14.5;
export const PARAGRAPH = 20.5;

/** Body lines at 11pt with paragraph gaps unless told otherwise; headings are specs with bold and size 12. */
export function layout(specs: (LineSpec | string)[]): ExtractedDocument {
  let y = 780;
  let page = 1;
  const body: Line[] = specs.map((spec) => {
    const s = typeof spec === 'string' ? { text: spec } : spec;
    if (s.page && s.page !== page) [page, y] = [s.page, 780];
    const gap = s.gap ?? PARAGRAPH;
    y -= gap;
    return { page, text: s.text, x: 71, y, size: s.size ?? 11, bold: s.bold ?? false, gapBefore: gap };
  });
  const pages = [...new Set(body.map((l) => l.page))].map((n) => ({ number: n, width: 595, height: 842, lines: body.filter((l) => l.page === n) }));
  return { pages, body };
}

export const heading = (text: string): LineSpec => ({ text, bold: true, size: 12, gap: 31 });
export const wrapped = (text: string): LineSpec => ({ text, gap: LINE });
