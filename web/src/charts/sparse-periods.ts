// Trend points that rest on too few protocols widened into longer spans: a förvaltning with one protocol in a
// quarter jumps between 0 and 100 %, which says nothing. Consecutive periods of a group are joined until the
// joined point rests on enough protocols; its share is then of all protocols in the span ("kv. 1–kv. 2 2024").
import type { TrendRow } from '../api/types.ts';

/** A point is drawn only once it rests on at least this many protocols. */
export const MIN_PROTOCOLS_PER_POINT = 3;

export interface WidenedRow extends TrendRow {
  /** "2024-Q1" or, when widened, "2024-Q1–2024-Q2" (formatPeriod writes both). */
  span: string;
  /** How many periods the point joins. */
  periods: number;
}

/** Rows of each group in period order, joined where a period holds fewer than `min` protocols. */
export function widenSparsePeriods(rows: TrendRow[], min = MIN_PROTOCOLS_PER_POINT): WidenedRow[] {
  const byGroup = new Map<string, TrendRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.group) ?? [];
    list.push(row);
    byGroup.set(row.group, list);
  }
  const widened: WidenedRow[] = [];
  for (const list of byGroup.values()) {
    list.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    let pending: TrendRow[] = [];
    for (const row of list) {
      pending.push(row);
      if (sum(pending, 'totalProtocols') >= min) {
        widened.push(join(pending));
        pending = [];
      }
    }
    // The newest periods, still too thin: joined onto the point before them rather than drawn alone.
    if (pending.length > 0) {
      const last = widened.length > 0 && widened[widened.length - 1].group === list[0].group ? widened.pop() : undefined;
      widened.push(join(last ? [...spread(last, list), ...pending] : pending));
    }
  }
  return widened;
}

function join(rows: TrendRow[]): WidenedRow {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const protocols = sum(rows, 'protocols');
  const totalProtocols = sum(rows, 'totalProtocols');
  return {
    ...first,
    span: rows.length === 1 ? first.period : `${first.period}–${last.period}`,
    periods: rows.length,
    protocols,
    sections: sum(rows, 'sections'),
    totalProtocols,
    share: totalProtocols > 0 ? protocols / totalProtocols : 0,
  };
}

/** The original rows a widened row was made of, found again by its span. */
function spread(row: WidenedRow, list: TrendRow[]): TrendRow[] {
  const [from, to] = row.span.split('–');
  return list.filter((r) => r.period >= from && r.period <= (to ?? from));
}

function sum(rows: TrendRow[], field: 'protocols' | 'totalProtocols' | 'sections'): number {
  return rows.reduce((total, row) => total + row[field], 0);
}
