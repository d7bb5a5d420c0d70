// Reads a date as a Swedish user types it into a date field: ÅÅÅÅ-MM-DD, or forgivingly 20240305, 2024-3-5 or
// 2024/03/05; a month alone (ÅÅÅÅ-MM) is kept, as the API reads it as the whole month.

/** "2024-3-5", "20240305", "2024/03/05" → "2024-03-05"; "2024-03" stays; "" stays ""; nonsense → null. */
export function swedishDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return '';
  const month = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  if (month) return validMonth(Number(month[2])) ? `${month[1]}-${pad(month[2])}` : null;
  // Either eight digits in a row or three parts with separators: "2024312" could be 3 Dec or 31 Mar.
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(value) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!day) return null;
  const [year, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  if (!validMonth(m)) return null;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${day[1]}-${pad(day[2])}-${pad(day[3])}`;
}

function validMonth(month: number): boolean {
  return month >= 1 && month <= 12;
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

