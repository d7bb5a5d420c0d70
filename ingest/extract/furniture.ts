// Finds page furniture: running headers and footers repeated across pages (letterhead, "Sida 2 (7)",
// dates, address blocks), the signature-validation line and e-signature logs — a page, or a trailing block of the
// last page, dominated by the signing service's record (transaction ids, signing parties with e-mail addresses,
// timestamps). Furniture is kept aside, not thrown away: the letterhead is where a protocol that begins mid-page
// still names its förvaltning.
import type { Line, Page } from '../model.ts';
import { editDistance } from './edit-distance.ts';

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

/**
 * Lines of an e-signature service's log (Scrive, Assently, DocuSign, Visma Addo …): "Transaktion 0922…",
 * "Signerande parter", "Karin Berg (KB) karin.berg@kommun.se", "Signerat 2025-03-19 10:01:22 CET", "3 sidor".
 * One such line proves nothing; a page or trailing block made mostly of them is the log.
 */
const SIGNING_LOG: RegExp[] = [
  /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u,
  /\b\d{4}-\d{2}-\d{2}[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b/,
  /\b\d{12,}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i,
  /^(?:transakti\w*|transaction|dokument|document|huvuddokument|main document|bilagor|attachments|signerande parter|signing parties|parter|händelser|events|verifikat|verification)\b/iu,
  /^\d+\s+(?:sidor|sida|pages?)$/i,
  /^(?:startades|slutfördes|skapades|skickades|öppnades|visades|signerat|signerad|undertecknat|initiated|completed|sent|opened|viewed|signed)\b/iu,
  /\b(?:scrive|assently|docusign|addo|penneo|oneflow|bankid)\b/i,
  /\bIP:?\s*\d{1,3}(?:\.\d{1,3}){3}\b/,
];
/** Share of log lines that makes a page or trailing block the signing log, and the fewest log lines that can. */
const LOG_SHARE = 0.6;
const MIN_LOG_LINES = 4;
/** Kinds of log line a log shows at least: a contact list of e-mail addresses alone is no log. */
const MIN_LOG_KINDS = 3;

function isSigningLogLine(text: string): boolean {
  return SIGNING_LOG.some((re) => re.test(text));
}

function logKinds(lines: Line[]): number {
  return SIGNING_LOG.filter((re) => lines.some((l) => re.test(l.text))).length;
}

/** A log page may open with a line or two of its own (the document's name) before the first log line. */
const MAX_LOG_PAGE_LEAD = 2;

/**
 * The signing-log lines of a page: all of them when the page opens with the log and log lines dominate it, or else
 * the longest trailing run dominated by them that starts with one (a log printed below the signatures).
 */
function signingLogOf(page: Page, last: boolean): Line[] {
  const isLog = page.lines.map((l) => isSigningLogLine(l.text));
  const count = isLog.filter(Boolean).length;
  const opensWithLog = isLog.indexOf(true) <= MAX_LOG_PAGE_LEAD;
  const wholePage = opensWithLog && count >= MIN_LOG_LINES && count >= page.lines.length * LOG_SHARE;
  if (wholePage && logKinds(page.lines) >= MIN_LOG_KINDS) return page.lines;
  if (!last) return [];
  let logs = 0;
  let start = page.lines.length;
  for (let i = page.lines.length - 1; i >= 0; i--) {
    if (isLog[i]) logs++;
    if (isLog[i] && logs >= MIN_LOG_LINES && logs >= (page.lines.length - i) * LOG_SHARE) start = i;
  }
  const block = page.lines.slice(start);
  return logKinds(block) >= MIN_LOG_KINDS ? block : [];
}

/** The lines of e-signature logs in a document: log pages, and a log block closing the last page. */
export function findSigningLog(pages: Page[]): Set<Line> {
  return new Set(pages.flatMap((page, i) => signingLogOf(page, i === pages.length - 1)));
}

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

/** Similarity two OCR readings of one running header reach at least (1 − edits / length of the longer). */
const LOOSE_SIMILARITY = 0.8;
/** Shapes shorter than this are matched exactly even when loose: a few letters apart is another line. */
const LOOSE_MIN_LENGTH = 8;

function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < LOOSE_MIN_LENGTH) return false;
  const limit = Math.floor(longest * (1 - LOOSE_SIMILARITY));
  return editDistance(a, b, limit) <= limit;
}

/**
 * The key a band line is counted under: its shape, or — when loose — the shape of the first similar band line
 * seen, so that OCR's slightly different readings of one header ("Hägersten-Älvsjö stadsdelsförvaltning",
 * "Hägersten-Alvsjö stadsdelsförvaltnina") count as the same line recurring.
 */
function keyer(loose: boolean): (text: string) => string {
  if (!loose) return shape;
  const keys: string[] = [];
  const known = new Map<string, string>();
  return (text) => {
    const s = shape(text);
    let key = known.get(s);
    if (key === undefined) {
      key = keys.find((k) => similar(k, s)) ?? s;
      if (key === s) keys.push(s);
      known.set(s, key);
    }
    return key;
  };
}

export interface FurnitureOptions {
  /** Match recurring header and footer lines loosely, as OCR reads the same line a little differently each page. */
  loose?: boolean;
}

/**
 * Returns, for each page, the set of line indexes that are furniture. A line in the top or bottom band is
 * furniture when its shape recurs in the bands of at least half the pages (and of two pages or more).
 */
export function findFurniture(pages: Page[], options: FurnitureOptions = {}): Set<Line> {
  const keyOf = keyer(options.loose === true);
  const pagesWithShape = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inBand(line, page)) continue;
      const key = keyOf(line.text);
      if (!pagesWithShape.has(key)) pagesWithShape.set(key, new Set());
      pagesWithShape.get(key)!.add(page.number);
    }
  }
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = findSigningLog(pages);
  for (const page of pages) {
    for (const line of page.lines) {
      const repeated = inBand(line, page) && (pagesWithShape.get(keyOf(line.text))?.size ?? 0) >= minPages;
      if (repeated || isAlwaysFurniture(line.text)) furniture.add(line);
    }
  }
  return furniture;
}
