// Each section's date as a number, so date filters and the date order compare integers instead of strings.
// A date is a day (2024-03-05), a month (2024-03) or a year (2024); its key, yyyymmdd with 00 for a missing
// day or month, orders exactly as the ISO strings do ("2024-03" just before "2024-03-01"), and as a span it
// runs from its first to its last possible day. One number per section: a filter reads one array, not two.

export class SlotDates {
  /** yyyymmdd with 00 for a missing day or month; 0 for no date. */
  private key: Int32Array = new Int32Array(0);

  set(slot: number, date: string | null): void {
    this.grow(slot + 1);
    this.key[slot] = date ? dayNumber(date, 'key') : 0;
  }

  /** The sort keys by slot: a later date has a larger key, no date the smallest. */
  keys(): Int32Array {
    return this.key;
  }

  /**
   * A test of whether a slot's date overlaps the inclusive range, as withinDates in filters.ts decides it:
   * bounds given as months cover their whole month; a bare year compares as the string does (from "2024"
   * admits all of 2024, to "2024" none of it). Nothing passes a bound in another form.
   */
  within(from?: string, to?: string): (slot: number) => boolean {
    const low = from ? dayNumber(from, from.length === 4 ? 'key' : 'first') : 0;
    const high = to ? dayNumber(to, to.length === 4 ? 'key' : 'last') : 99_999_999;
    const keys = this.key;
    return (slot) => {
      const key = keys[slot];
      // A month's or year's key ends in 00: its span runs from day (and month) 01 to 31 (and 12).
      if (key === 0) return false;
      const month = Math.floor(key / 100) % 100;
      const first = month === 0 ? key + 101 : key % 100 === 0 ? key + 1 : key;
      const last = month === 0 ? key + 1231 : key % 100 === 0 ? key + 31 : key;
      return last >= low && first <= high;
    };
  }

  private grow(size: number): void {
    if (size <= this.key.length) return;
    const capacity = Math.max(size, this.key.length * 2, 1024);
    this.key = grown(this.key, capacity);
  }
}

/**
 * yyyymmdd of an ISO date, month or year. A month's or year's first day counts as 01, its last as 31 (as the
 * string comparison of filters.ts does: "2024-02-31" is after every February day); its key leaves them 00.
 * NaN for anything else.
 */
function dayNumber(date: string, as: 'first' | 'last' | 'key'): number {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match) return Number.NaN;
  const [, year, month, day] = match;
  const fill = as === 'first' ? 1 : as === 'last' ? (month ? 31 : 12) : 0;
  const m = month ? Number(month) : fill;
  const d = day ? Number(day) : as === 'last' ? 31 : as === 'first' ? 1 : 0;
  return Number(year) * 10_000 + m * 100 + d;
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
