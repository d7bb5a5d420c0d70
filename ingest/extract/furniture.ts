// Finds page furniture: running headers and footers repeated across pages (letterhead, "Sida 2 (7)",
// dates, address blocks), the signature-validation line and e-signature logs. Furniture is kept aside,
// not thrown away: the letterhead is where a protocol that begins mid-page still names its förvaltning.
import type { Line, Page } from '../model.ts';

/** Share of the page height, from the top and from the bottom, where running headers and footers live. */
const BAND = 0.13;

/** Lines that are furniture wherever they stand. */
const ALWAYS_FURNITURE: RegExp[] = [
  /^sida\s+\d+(\s*(\(\s*\d+\s*\)|av\s+\d+))?$/i,
  /^page\s+\d+(\s*(\(\s*\d+\s*\)|of\s+\d+))?$/i,
  /^\d+\s*(\(\s*\d+\s*\)|av\s+\d+)$/i,
  /underskriftens äkthet valideras/i,
  /^(dokumentet|protokollet) (är|har) (signerat|undertecknat) (elektroniskt|digitalt)/i,
  /^(signerat|undertecknat|e-signerat) (av|med)\b/i,
  /^(transaktions?-?id|verifikat|dokument-?id|signerings-?id)\b/i,
];

/** Text shape used to recognise the same header on every page: digits vary ("Sida 2 (5)"), words do not. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function inBand(line: Line, page: Page): boolean {
  return line.y > page.height * (1 - BAND) || line.y < page.height * BAND;
}

export function isAlwaysFurniture(text: string): boolean {
  return ALWAYS_FURNITURE.some((re) => re.test(text.trim()));
}

/**
 * Returns, for each page, the set of line indexes that are furniture. A line in the top or bottom band is
 * furniture when its shape recurs in the bands of at least half the pages (and of two pages or more).
 */
export function findFurniture(pages: Page[]): Set<Line> {
  const pagesWithShape = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inBand(line, page)) continue;
      const key = shape(line.text);
      if (!pagesWithShape.has(key)) pagesWithShape.set(key, new Set());
      pagesWithShape.get(key)!.add(page.number);
    }
  }
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = new Set<Line>();
  for (const page of pages) {
    for (const line of page.lines) {
      const repeated = inBand(line, page) && (pagesWithShape.get(shape(line.text))?.size ?? 0) >= minPages;
      if (repeated || isAlwaysFurniture(line.text)) furniture.add(line);
    }
  }
  return furniture;
}
