// Swedish dates in protocol text: "den 12 mars 2024", "14 januari kl. 13.00", "2024-01-13", "18/3 2025", and the clues that let
// a meeting month be inferred when no date is stated ("Justeras senast den 8 december", "Nästa förvaltningsgrupp
// är den 15 januari 2026", signature dates).
import meetingData from '../data/meeting.json' with { type: 'json' };

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** Full month names and their short forms ("jan", "sept.", "okt"). */
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\\.?`;

function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

export interface DayMonth {
  day: number;
  month: number; // 1-12
  year: number | null;
}

const DAY_MONTH = new RegExp(`(\\d{1,2})(?::e|:a)?\\s+${MONTH}(?![\\p{L}])(?:\\s+(\\d{4}))?`, 'iu');
const ISO = /\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(d: DayMonth): string | null {
  return d.year === null ? null : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** The first "12 mars 2024" / "14 januari" in a text. */
export function findDayMonth(text: string): DayMonth | null {
  const m = DAY_MONTH.exec(text);
  if (!m) return null;
  return { day: Number(m[1]), month: monthNumber(m[2]), year: m[3] ? Number(m[3]) : null };
}

/** Day and month written in figures with a four-digit year: "18/3 2025", "18/3-2025", "18.3.2025". */
const NUMERIC = /(?<![\d.\/])(\d{1,2})(?:\/(\d{1,2})(?:\s*-\s*|\s+)|\.(\d{1,2})\.)(20\d\d)(?!\d)/;

export function findIsoDate(text: string): DayMonth | null {
  const m = ISO.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const n = NUMERIC.exec(text);
  const [day, month] = n ? [Number(n[1]), Number(n[2] ?? n[3])] : [0, 0];
  if (!n || day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { year: Number(n[4]), month, day };
}

/** Justering words before the deadline or the day it was done: "Justeras senast den 8 december", "Justering: 2025-02-20". */
const DEADLINE = /juster(?:as|ing|at|ad|ades)\p{L}*/iu;
/** "Nästa möte", "Nästa sammanträde:", "nästa skyddskommitté hålls": the words that name the next meeting. */
const NEXT_MEETING = new RegExp(`nästa\\s+(?:ordinarie\\s+)?\\p{L}*(?:${meetingData.meetingWords.join('|')})\\p{L}*`, 'iu');
/** How far after its keyword a clue's date may stand, within one line and one sentence. */
const CLUE_REACH = 60;

/** The first date written in a text, in words or in figures. */
function firstDate(text: string): DayMonth | null {
  const words = DAY_MONTH.exec(text);
  const figures = ISO.exec(text) ?? NUMERIC.exec(text);
  if (figures && (!words || figures.index < words.index)) return findIsoDate(text);
  return words ? { day: Number(words[1]), month: monthNumber(words[2]), year: words[3] ? Number(words[3]) : null } : null;
}

/** The date a clue gives: the first date in the same sentence after a keyword (a heading "Nästa möte" gives none). */
function dateAfter(keyword: RegExp, text: string): DayMonth | null {
  for (const m of text.matchAll(new RegExp(keyword.source, `${keyword.flags}g`))) {
    const start = (m.index ?? 0) + m[0].length;
    // A heading ("6. Nästa sammanträde") gives its date on the line below it.
    const after = text.slice(start, start + CLUE_REACH).replace(/^[\s:.]*\n/u, ' ');
    const date = firstDate(after.split(/\n|\.\s+\p{Lu}/u)[0]);
    if (date) return date;
  }
  return null;
}

/**
 * The meeting month ("YYYY-MM") inferred from the justering deadline and the next meeting's date, or from a
 * signature date; null when the text gives no clue. The deadline lies days after the meeting, so its month is taken;
 * its year comes from the next meeting (a year earlier when the next meeting falls in an earlier month: December → January).
 */
export function inferMonth(text: string, signatureDates: DayMonth[]): string | null {
  const deadline = dateAfter(DEADLINE, text);
  const next = dateAfter(NEXT_MEETING, text);
  if (deadline) {
    let year = deadline.year;
    if (year === null && next?.year) year = next.month < deadline.month ? next.year - 1 : next.year;
    if (year === null && signatureDates[0]) year = signatureDates[0].year;
    if (year !== null) return `${year}-${pad(deadline.month)}`;
  }
  if (next?.year) {
    const month = next.month === 1 ? 12 : next.month - 1;
    return `${next.month === 1 ? next.year - 1 : next.year}-${pad(month)}`;
  }
  const signed = signatureDates[0];
  return signed?.year ? `${signed.year}-${pad(signed.month)}` : null;
}
