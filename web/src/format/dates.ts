// Dates as Swedish readers write them: "12 mars 2024", "mars 2024" for a month inferred from the text,
// "kv. 1 2024" for a quarter. Month names are data here rather than Intl so output is the same everywhere.

const MONTHS = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
];

/** "2024-03-12" → "12 mars 2024"; "2024-03" → "mars 2024"; null → "datum saknas". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'datum saknas';
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  if (!name) return iso;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/**
 * Period keys of the analytics API: "2024-Q1" → "kv. 1 2024", "2024-03" → "mars 2024", "2024" → "2024", and
 * ranges of them ("2024-Q1–2025-Q2" → "kv. 1 2024–kv. 2 2025").
 */
export function formatPeriod(period: string): string {
  const range = period.split('–');
  if (range.length === 2) return `${formatPeriod(range[0])}–${formatPeriod(range[1])}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `kv. ${quarter[2]} ${quarter[1]}`;
  if (/^\d{4}-\d{2}$/.test(period)) return formatDate(period);
  return period;
}

/** Time of an ISO timestamp as "12 mars 2024 kl. 14:05" (local time). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(day)} kl. ${time}`;
}
