// The "Ämnet över tid" chart's points on sparse archives: a quarter with one protocol is no longer drawn as a
// jump to 0 or 100 %, but joined with the next quarters until the point rests on three protocols.
import { describe, expect, it } from 'vitest';
import type { TrendRow } from '../../web/src/api/types.ts';
import { widenSparsePeriods } from '../../web/src/charts/sparse-periods.ts';

function row(group: string, period: string, protocols: number, totalProtocols: number): TrendRow {
  const [year, q] = period.split('-Q');
  const periodStart = `${year}-${String(3 * Number(q) - 2).padStart(2, '0')}-01`;
  return { topic: 'hot och våld', period, periodStart, group, protocols, sections: protocols, totalProtocols, share: protocols / totalProtocols };
}

describe('widening sparse periods', () => {
  it('joins quarters of one protocol each until a point rests on three, with the share of the joined span', () => {
    const points = widenSparsePeriods([
      row('Farsta', '2024-Q1', 1, 1),
      row('Farsta', '2024-Q2', 0, 1),
      row('Farsta', '2024-Q3', 0, 1),
      row('Farsta', '2024-Q4', 2, 3),
    ]);
    expect(points.map((p) => [p.span, p.protocols, p.totalProtocols, Math.round(p.share * 100)])).toEqual([
      ['2024-Q1–2024-Q3', 1, 3, 33],
      ['2024-Q4', 2, 3, 67],
    ]);
  });

  it('keeps well-filled periods as they are and widens each förvaltning on its own', () => {
    const points = widenSparsePeriods([row('Farsta', '2024-Q1', 2, 4), row('Skärholmen', '2024-Q1', 1, 1), row('Skärholmen', '2024-Q2', 1, 2)]);
    expect(points.map((p) => [p.group, p.span, p.periods])).toEqual([
      ['Farsta', '2024-Q1', 1],
      ['Skärholmen', '2024-Q1–2024-Q2', 2],
    ]);
  });

  it('joins a thin last period onto the point before it rather than drawing it alone', () => {
    const points = widenSparsePeriods([row('Farsta', '2024-Q1', 3, 3), row('Farsta', '2024-Q2', 1, 1)]);
    expect(points.map((p) => [p.span, p.protocols, p.totalProtocols])).toEqual([['2024-Q1–2024-Q2', 4, 4]]);
  });
});
