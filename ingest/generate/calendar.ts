// When each förvaltning meets: once a month except July, on the förvaltning's habitual weekday of the second
// week (Hägersten-Älvsjö on Tuesdays, say), so dates look like real meeting dates and never fall on weekends.
import { Random } from './random.ts';

/** A month as "YYYY-MM". */
export type Month = string;

export function parseMonth(text: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`not a month (YYYY-MM): ${text}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Months from `from` to `to` inclusive, skipping July (no meetings over the summer). */
export function meetingMonths(from: Month, to: Month): Month[] {
  const start = parseMonth(from);
  const end = parseMonth(to);
  const months: Month[] = [];
  for (let y = start.year, m = start.month; y < end.year || (y === end.year && m <= end.month); ) {
    if (m !== 7) months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** The month `count` months before `month`. */
export function monthsBefore(month: Month, count: number): Month {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Meeting dates (ISO) of one förvaltning for the given months. */
export function meetingDates(seed: number, slug: string, months: readonly Month[]): string[] {
  const habit = new Random(seed, slug, 'calendar');
  const weekday = habit.int(1, 4); // Monday … Thursday
  return months.map((month) => {
    const { year, month: m } = parseMonth(month);
    const first = new Date(Date.UTC(year, m - 1, 1));
    const offset = (weekday - first.getUTCDay() + 7) % 7;
    // January meetings come a week later, after the holidays.
    const day = 1 + offset + (m === 1 ? 14 : 7);
    return `${month}-${String(day).padStart(2, '0')}`;
  });
}
