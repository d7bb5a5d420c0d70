// Topic trends: protocols and sections mentioning a topic per period and förvaltning (or party), with the
// share of the group's protocols in that period, and the topic × förvaltning matrix for a date range.
// Rows are flat objects so the web can hand them to vega-lite as data.values.
import { periodOf, withinRange, type Period } from './periods.ts';
import type { ProtocolTopicFacts } from './topic-facts.ts';
import type { TopicInfo } from './taxonomy.ts';

export type TrendGrouping = 'forvaltning' | 'party';

export interface TrendQuery {
  /** One topic id, or all topics when absent (rows then differ by their topic field). */
  topic?: string;
  forvaltningar?: string[];
  period: Period;
  from?: string;
  to?: string;
  by: TrendGrouping;
}

export interface TrendRow {
  topic: string;
  period: string;
  periodStart: string;
  group: string;
  protocols: number;
  sections: number;
  /**
   * Protocols in the period: of the förvaltning when grouped by förvaltning, of all selected förvaltningar
   * when grouped by party (a party can raise a topic in any of them).
   */
  totalProtocols: number;
  share: number;
}

export interface MatrixRow {
  topic: string;
  forvaltning: string;
  protocols: number;
  sections: number;
  totalProtocols: number;
  share: number;
}

export interface TopicTotal extends TopicInfo {
  protocols: number;
  sections: number;
}

/** Archive-wide totals per topic, in taxonomy order, plus topics the archive carries that the taxonomy lacks. */
export function topicTotals(facts: ProtocolTopicFacts[], taxonomy: TopicInfo[]): TopicTotal[] {
  const totals = new Map<string, TopicTotal>(taxonomy.map((t) => [t.id, { ...t, protocols: 0, sections: 0 }]));
  for (const protocol of facts) {
    for (const t of protocol.topics) {
      const total = totals.get(t.topic) ?? { id: t.topic, label: t.topic, protocols: 0, sections: 0 };
      total.protocols += 1;
      total.sections += t.sections;
      totals.set(t.topic, total);
    }
  }
  return [...totals.values()];
}

/**
 * Trend rows for every (topic, period, group) with at least one protocol in the period, zero counts included,
 * so lines do not skip the periods where a topic was not discussed.
 */
export function trendRows(facts: ProtocolTopicFacts[], query: TrendQuery, topicIds: string[]): TrendRow[] {
  const topics = query.topic ? [query.topic] : topicIds;
  const selected = selectDated(facts, query.forvaltningar, query.from, query.to);
  const rows = new Map<string, TrendRow>();
  const totals = new Map<string, number>();
  const periods = new Map<string, string>();
  const groups = new Set<string>();

  const totalKey = (period: string, forvaltning: string) =>
    query.by === 'forvaltning' ? `${period}\u0000${forvaltning}` : period;

  for (const protocol of selected) {
    const key = periodOf(protocol.date, query.period);
    if (!key) continue;
    periods.set(key.period, key.periodStart);
    const tk = totalKey(key.period, protocol.forvaltning);
    totals.set(tk, (totals.get(tk) ?? 0) + 1);
    if (query.by === 'forvaltning') groups.add(protocol.forvaltning);
    for (const t of protocol.topics) {
      if (!topics.includes(t.topic)) continue;
      const groupsOfMention = query.by === 'forvaltning' ? [protocol.forvaltning] : t.parties;
      for (const group of groupsOfMention) {
        groups.add(group);
        const row = rowFor(rows, t.topic, key.period, key.periodStart, group);
        row.protocols += 1;
        row.sections += t.sections;
      }
    }
  }

  const result: TrendRow[] = [];
  for (const topic of topics) {
    for (const [period, periodStart] of periods) {
      for (const group of groups) {
        const total = totals.get(query.by === 'forvaltning' ? `${period}\u0000${group}` : period) ?? 0;
        if (total === 0) continue;
        const row = rows.get(rowKey(topic, period, group)) ?? emptyRow(topic, period, periodStart, group);
        result.push({ ...row, totalProtocols: total, share: row.protocols / total });
      }
    }
  }
  return result.sort(
    (a, b) => a.periodStart.localeCompare(b.periodStart) || a.group.localeCompare(b.group, 'sv') || a.topic.localeCompare(b.topic, 'sv'),
  );
}

/** Topic × förvaltning totals over a date range (all dates when no bounds are given). */
export function matrixRows(facts: ProtocolTopicFacts[], topicIds: string[], from?: string, to?: string): MatrixRow[] {
  const selected = from || to ? selectDated(facts, undefined, from, to) : facts;
  const totals = new Map<string, number>();
  const cells = new Map<string, { protocols: number; sections: number }>();
  for (const protocol of selected) {
    totals.set(protocol.forvaltning, (totals.get(protocol.forvaltning) ?? 0) + 1);
    for (const t of protocol.topics) {
      const key = `${t.topic}\u0000${protocol.forvaltning}`;
      const cell = cells.get(key) ?? { protocols: 0, sections: 0 };
      cell.protocols += 1;
      cell.sections += t.sections;
      cells.set(key, cell);
    }
  }
  const topics = [...new Set([...topicIds, ...[...cells.keys()].map((k) => k.split('\u0000')[0])])];
  const forvaltningar = [...totals.keys()].sort((a, b) => a.localeCompare(b, 'sv'));
  return topics.flatMap((topic) =>
    forvaltningar.map((forvaltning) => {
      const cell = cells.get(`${topic}\u0000${forvaltning}`) ?? { protocols: 0, sections: 0 };
      const totalProtocols = totals.get(forvaltning) ?? 0;
      return { topic, forvaltning, ...cell, totalProtocols, share: totalProtocols ? cell.protocols / totalProtocols : 0 };
    }),
  );
}

function selectDated(
  facts: ProtocolTopicFacts[],
  forvaltningar: string[] | undefined,
  from: string | undefined,
  to: string | undefined,
): ProtocolTopicFacts[] {
  return facts.filter(
    (p) =>
      p.date !== null &&
      (!forvaltningar || forvaltningar.length === 0 || forvaltningar.includes(p.forvaltning)) &&
      withinRange(p.date, from, to),
  );
}

function rowKey(topic: string, period: string, group: string): string {
  return `${topic}\u0000${period}\u0000${group}`;
}

function rowFor(rows: Map<string, TrendRow>, topic: string, period: string, periodStart: string, group: string): TrendRow {
  const key = rowKey(topic, period, group);
  let row = rows.get(key);
  if (!row) {
    row = emptyRow(topic, period, periodStart, group);
    rows.set(key, row);
  }
  return row;
}

function emptyRow(topic: string, period: string, periodStart: string, group: string): TrendRow {
  return { topic, period, periodStart, group, protocols: 0, sections: 0, totalProtocols: 0, share: 0 };
}
