// Topic trends: what a trend query asks and the rows it answers — protocols and sections mentioning a topic per
// period and förvaltning (or party), with the share of the group's protocols in that period, and the topic ×
// förvaltning matrix for a date range — plus archive-wide topic totals. Rows are flat objects so the web can hand
// them to vega-lite as data.values; trend-index.ts computes them.
import type { Period } from './periods.ts';
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
