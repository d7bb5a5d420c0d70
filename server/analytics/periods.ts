// Calendar periods (month, quarter, year) and day arithmetic over the archive's meeting dates.
// Meeting dates are ISO days ("2024-03-12") or, when a protocol only lets us infer the month, "2024-03".

export type Period = 'month' | 'quarter' | 'year';

export interface PeriodKey {
  /** "2024-03" | "2024-Q1" | "2024" */
  period: string;
  /** ISO date of the period's first day, for time axes. */
  periodStart: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Year and month (1-12) of a meeting date, or null when the date is missing or not ISO. */
export function yearMonthOf(date: string | null): { year: number; month: number } | null {
  if (!date) return null;
  const match = ISO_DAY.exec(date) ?? ISO_MONTH.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function periodOf(date: string | null, period: Period): PeriodKey | null {
  const ym = yearMonthOf(date);
  if (!ym) return null;
  const { year, month } = ym;
  if (period === 'year') return { period: String(year), periodStart: `${year}-01-01` };
  if (period === 'quarter') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    return { period: `${year}-Q${quarter}`, periodStart: `${year}-${pad(3 * quarter - 2)}-01` };
  }
  return { period: `${year}-${pad(month)}`, periodStart: `${year}-${pad(month)}-01` };
}

/**
 * Days since 1970-01-01 of a meeting date. A month-only date counts as the 15th, which keeps the error of
 * day counts (days open, days to answer) within about two weeks either way.
 */
export function dayNumberOf(date: string | null): number | null {
  if (!date) return null;
  const day = ISO_DAY.exec(date);
  if (day) return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) / 86_400_000;
  const month = ISO_MONTH.exec(date);
  if (month) return Date.UTC(Number(month[1]), Number(month[2]) - 1, 15) / 86_400_000;
  return null;
}

/**
 * True when an ISO date or month lies within [from, to]. Bounds may be days, months or years and are inclusive;
 * a month-only date is within a bound that falls in the same month.
 */
export function withinRange(date: string, from: string | undefined, to: string | undefined): boolean {
  if (from && compareAtCommonPrecision(date, from) < 0) return false;
  if (to && compareAtCommonPrecision(date, to) > 0) return false;
  return true;
}

function compareAtCommonPrecision(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
