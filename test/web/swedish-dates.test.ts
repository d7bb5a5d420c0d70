// Dates as the UI writes them: the Swedish way, a month alone when only the month is known, quarters as "kv.".
import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod } from '../../web/src/format/dates.ts';

describe('dates in the UI', () => {
  it('writes a meeting date as "12 mars 2024"', () => {
    expect(formatDate('2024-03-12')).toBe('12 mars 2024');
    expect(formatDate('2025-01-04')).toBe('4 januari 2025');
  });

  it('writes a date known only to the month as "december 2025"', () => {
    expect(formatDate('2025-12')).toBe('december 2025');
  });

  it('says so when the date is missing', () => {
    expect(formatDate(null)).toBe('datum saknas');
  });

  it('writes analytics periods as quarters, months and years', () => {
    expect(formatPeriod('2024-Q1')).toBe('kv. 1 2024');
    expect(formatPeriod('2024-03')).toBe('mars 2024');
    expect(formatPeriod('2024')).toBe('2024');
    expect(formatPeriod('2024-Q1–2025-Q2')).toBe('kv. 1 2024–kv. 2 2025');
    expect(formatPeriod('2024-01–2025-06')).toBe('januari 2024–juni 2025');
  });
});

describe('date fields', () => {
  it('read what a Swedish user types as ÅÅÅÅ-MM-DD, forgiving missing zeros and dashes', async () => {
    const { swedishDate } = await import('../../web/src/format/date-input.ts');
    expect(swedishDate('2024-03-12')).toBe('2024-03-12');
    expect(swedishDate(' 2024-3-5 ')).toBe('2024-03-05');
    expect(swedishDate('20240305')).toBe('2024-03-05');
    expect(swedishDate('2024/03/05')).toBe('2024-03-05');
    expect(swedishDate('2024-03')).toBe('2024-03');
    expect(swedishDate('')).toBe('');
  });

  it('refuse what is not a date, such as an American 03/12/2024 or 31 February', async () => {
    const { swedishDate } = await import('../../web/src/format/date-input.ts');
    for (const bad of ['03/12/2024', '2024-02-31', '2024-13-01', 'igår', '2024312']) expect(swedishDate(bad), bad).toBeNull();
  });
});
