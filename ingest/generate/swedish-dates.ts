// Dates as Swedish protocols write them: "12 mars 2024", "fredagen den 15 mars".

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndagen', 'måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen', 'lördagen'];

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** "2024-03-12" → "12 mars 2024". */
export function longDate(iso: string): string {
  const d = utc(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2024-03-12" → "12 mars". */
export function dayAndMonth(iso: string): string {
  const d = utc(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "2024-03-15" → "fredagen den 15 mars". */
export function weekdayDate(iso: string): string {
  return `${WEEKDAYS[utc(iso).getUTCDay()]} den ${dayAndMonth(iso)}`;
}

export function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `days` days after `iso`, moved back to the Friday when that falls on a weekend. */
export function workdayAfter(iso: string, days: number): string {
  const date = addDays(iso, days);
  const weekday = utc(date).getUTCDay();
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, -2);
  return date;
}
