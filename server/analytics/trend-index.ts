// The topic facts laid out for fast trend queries: förvaltningar, parties, topics and periods numbered once per
// snapshot, so a query is a pass over typed arrays instead of string-keyed maps. Built once per store revision;
// a trend query over 5,000 protocols then takes a few milliseconds.
import type { Party } from '../../ingest/model.ts';
import { periodOf, withinRange, type Period, type PeriodKey } from './periods.ts';
import { compareSwedish } from './swedish-order.ts';
import type { ProtocolTopicFacts } from './topic-facts.ts';
import type { MatrixRow, TrendQuery, TrendRow } from './trends.ts';

const PERIODS: Period[] = ['month', 'quarter', 'year'];

interface PeriodLayout {
  keys: PeriodKey[];
  /** Per protocol: index into keys, or −1 when undated. */
  ofProtocol: Int32Array;
}

export class TrendIndex {
  private readonly dates: Array<string | null>;
  private readonly forvaltningar: string[];
  private readonly forvaltningOf: Int32Array;
  private readonly parties: Party[];
  private readonly topics: string[];
  private readonly periods: Record<Period, PeriodLayout>;
  // One entry per (protocol, topic) mention, column-wise.
  private readonly mentionProtocol: Int32Array;
  private readonly mentionTopic: Int32Array;
  private readonly mentionSections: Int32Array;
  /** Bit i set: parties[i] spoke in a section carrying the topic (the party vocabulary is closed and small). */
  private readonly mentionParties: Uint32Array;

  /** `topicIds` in the order responses list them (taxonomy order); topics found only in the archive follow. */
  constructor(facts: ProtocolTopicFacts[], topicIds: string[]) {
    this.dates = facts.map((f) => f.date);
    this.forvaltningar = [...new Set(facts.map((f) => f.forvaltning))].sort(compareSwedish);
    const forvaltningIndex = new Map(this.forvaltningar.map((f, i) => [f, i]));
    this.forvaltningOf = Int32Array.from(facts, (f) => forvaltningIndex.get(f.forvaltning)!);
    this.parties = [...new Set(facts.flatMap((f) => f.topics.flatMap((t) => t.parties)))].sort(compareSwedish);
    const partyIndex = new Map(this.parties.map((p, i) => [p, i]));
    this.topics = [...new Set([...topicIds, ...facts.flatMap((f) => f.topics.map((t) => t.topic))])];
    const topicIndex = new Map(this.topics.map((t, i) => [t, i]));
    this.periods = Object.fromEntries(PERIODS.map((p) => [p, layoutOf(this.dates, p)])) as Record<Period, PeriodLayout>;

    const mentions = facts.flatMap((f, protocol) => f.topics.map((t) => ({ protocol, t })));
    this.mentionProtocol = Int32Array.from(mentions, (m) => m.protocol);
    this.mentionTopic = Int32Array.from(mentions, (m) => topicIndex.get(m.t.topic)!);
    this.mentionSections = Int32Array.from(mentions, (m) => m.t.sections);
    this.mentionParties = Uint32Array.from(mentions, (m) => m.t.parties.reduce((bits, p) => bits | (1 << partyIndex.get(p)!), 0));
  }

  topicIds(): string[] {
    return this.topics;
  }

  /**
   * Rows for every (period, group, topic) with at least one protocol in the period, zero counts included so lines
   * do not skip the periods where a topic was not discussed; ordered by period, group and topic.
   */
  trendRows(query: TrendQuery): TrendRow[] {
    const selectedTopics = (query.topic ? [query.topic] : this.topics).slice().sort(compareSwedish);
    const topicSlot = new Int32Array(this.topics.length).fill(-1);
    selectedTopics.forEach((t, slot) => {
      const i = this.topics.indexOf(t);
      if (i >= 0) topicSlot[i] = slot;
    });
    const layout = this.periods[query.period];
    const included = this.selection(query.forvaltningar, query.from, query.to, true);
    const byForvaltning = query.by === 'forvaltning';
    const groups: string[] = byForvaltning ? this.forvaltningar : this.parties;
    const P = layout.keys.length;
    const G = groups.length;
    const T = selectedTopics.length;

    // Protocols per period (and förvaltning, when grouping by it): the denominators of the shares.
    const totals = new Int32Array(byForvaltning ? P * G : P);
    const periodUsed = new Uint8Array(P);
    const groupUsed = new Uint8Array(G);
    for (let i = 0; i < included.length; i++) {
      if (!included[i]) continue;
      const p = layout.ofProtocol[i];
      periodUsed[p] = 1;
      if (byForvaltning) {
        totals[p * G + this.forvaltningOf[i]] += 1;
        groupUsed[this.forvaltningOf[i]] = 1;
      } else totals[p] += 1;
    }

    const protocols = new Int32Array(T * P * G);
    const sections = new Int32Array(T * P * G);
    for (let m = 0; m < this.mentionProtocol.length; m++) {
      const i = this.mentionProtocol[m];
      const slot = topicSlot[this.mentionTopic[m]];
      if (slot < 0 || !included[i]) continue;
      const base = (slot * P + layout.ofProtocol[i]) * G;
      if (byForvaltning) {
        protocols[base + this.forvaltningOf[i]] += 1;
        sections[base + this.forvaltningOf[i]] += this.mentionSections[m];
        continue;
      }
      for (let g = 0, bits = this.mentionParties[m]; bits !== 0; g++, bits >>>= 1) {
        if ((bits & 1) === 0) continue;
        protocols[base + g] += 1;
        sections[base + g] += this.mentionSections[m];
        groupUsed[g] = 1;
      }
    }

    const rows: TrendRow[] = [];
    for (let p = 0; p < P; p++) {
      if (!periodUsed[p]) continue;
      const { period, periodStart } = layout.keys[p];
      for (let g = 0; g < G; g++) {
        if (!groupUsed[g]) continue;
        const total = byForvaltning ? totals[p * G + g] : totals[p];
        if (total === 0) continue;
        for (let t = 0; t < T; t++) {
          const cell = (t * P + p) * G + g;
          rows.push({
            topic: selectedTopics[t],
            period,
            periodStart,
            group: groups[g],
            protocols: protocols[cell],
            sections: sections[cell],
            totalProtocols: total,
            share: protocols[cell] / total,
          });
        }
      }
    }
    return rows;
  }

  /** Topic × förvaltning totals over a date range; without bounds, undated protocols count too. */
  matrixRows(from?: string, to?: string): MatrixRow[] {
    const included = this.selection(undefined, from, to, Boolean(from || to));
    const G = this.forvaltningar.length;
    const totals = new Int32Array(G);
    for (let i = 0; i < included.length; i++) if (included[i]) totals[this.forvaltningOf[i]] += 1;
    const protocols = new Int32Array(this.topics.length * G);
    const sections = new Int32Array(this.topics.length * G);
    for (let m = 0; m < this.mentionProtocol.length; m++) {
      const i = this.mentionProtocol[m];
      if (!included[i]) continue;
      const cell = this.mentionTopic[m] * G + this.forvaltningOf[i];
      protocols[cell] += 1;
      sections[cell] += this.mentionSections[m];
    }
    const rows: MatrixRow[] = [];
    for (let t = 0; t < this.topics.length; t++) {
      for (let g = 0; g < G; g++) {
        if (totals[g] === 0) continue;
        const cell = t * G + g;
        rows.push({
          topic: this.topics[t],
          forvaltning: this.forvaltningar[g],
          protocols: protocols[cell],
          sections: sections[cell],
          totalProtocols: totals[g],
          share: protocols[cell] / totals[g],
        });
      }
    }
    return rows;
  }

  /** Per protocol: 1 when it passes the filters. */
  private selection(forvaltningar: string[] | undefined, from: string | undefined, to: string | undefined, datedOnly: boolean): Uint8Array {
    const wanted = forvaltningar?.length ? new Set(forvaltningar) : null;
    const included = new Uint8Array(this.dates.length);
    for (let i = 0; i < this.dates.length; i++) {
      const date = this.dates[i];
      if (wanted && !wanted.has(this.forvaltningar[this.forvaltningOf[i]])) continue;
      if (date === null ? datedOnly : !withinRange(date, from, to)) continue;
      if (datedOnly && this.periods.month.ofProtocol[i] < 0) continue;
      included[i] = 1;
    }
    return included;
  }
}

function layoutOf(dates: Array<string | null>, period: Period): PeriodLayout {
  const keyOf = dates.map((d) => periodOf(d, period));
  const keys = [...new Map(keyOf.filter((k): k is PeriodKey => k !== null).map((k) => [k.period, k])).values()].sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0,
  );
  const indexOf = new Map(keys.map((k, i) => [k.period, i]));
  return { keys, ofProtocol: Int32Array.from(keyOf, (k) => (k ? indexOf.get(k.period)! : -1)) };
}
