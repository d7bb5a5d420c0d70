// How often each topic comes up, per förvaltning, over time: a base probability per meeting and a linear
// slope per year, plus the emerging subjects that are absent until a start month. Written into truth.json so
// analytics tests can check trend counts and shares against what the generator intended.
import type { ForvaltningSpec } from './data/forvaltningar.ts';
import { EMERGING, TAXONOMY, type TopicId } from './data/topics.ts';
import { parseMonth, type Month } from './calendar.ts';
import { Random } from './random.ts';

export interface TopicTrend {
  forvaltning: string;
  topic: TopicId;
  /** Probability that a meeting in the first month discusses the topic. */
  base: number;
  /** Change of that probability per year (positive: rising). */
  slopePerYear: number;
  /** Emerging subjects: no meeting before this month discusses them. */
  startMonth: Month | null;
  direction: 'rising' | 'falling' | 'flat' | 'emerging';
}

const MIN_P = 0.02;
const MAX_P = 0.95;

/** Trend parameters for one förvaltning; one taxonomy topic clearly rises and one clearly falls. */
export function topicTrends(seed: number, spec: ForvaltningSpec, from: Month, to: Month): TopicTrend[] {
  const rng = new Random(seed, spec.slug, 'trends');
  const [rising, falling] = rng.sample(TAXONOMY, 2);
  const trends: TopicTrend[] = TAXONOMY.map((topic) => {
    const base = 0.2 + rng.next() * 0.35;
    if (topic === rising) return { forvaltning: spec.name, topic, base: base - 0.1, slopePerYear: 0.12 + rng.next() * 0.06, startMonth: null, direction: 'rising' };
    if (topic === falling) return { forvaltning: spec.name, topic, base: base + 0.3, slopePerYear: -(0.1 + rng.next() * 0.05), startMonth: null, direction: 'falling' };
    return { forvaltning: spec.name, topic, base, slopePerYear: (rng.next() - 0.5) * 0.03, startMonth: null, direction: 'flat' };
  });
  const start = emergingStart(from, to);
  for (const topic of EMERGING) {
    const base = topic === 'AI-verktyg' ? 0.4 : 0.5;
    trends.push({ forvaltning: spec.name, topic, base, slopePerYear: 0, startMonth: start, direction: 'emerging' });
  }
  return trends;
}

/** Emerging subjects start three quarters into the period, so the latest quarter of it is their "latest period". */
export function emergingStart(from: Month, to: Month): Month {
  const a = parseMonth(from);
  const b = parseMonth(to);
  const first = a.year * 12 + a.month - 1;
  const last = b.year * 12 + b.month - 1;
  const index = first + Math.round((last - first) * 0.75);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Probability that a meeting on `date` discusses the topic. */
export function topicProbability(trend: TopicTrend, from: Month, date: string): number {
  const month = date.slice(0, 7);
  if (trend.startMonth && month < trend.startMonth) return 0;
  if (trend.startMonth) return trend.base;
  const a = parseMonth(from);
  const d = parseMonth(month);
  const years = (d.year * 12 + d.month - (a.year * 12 + a.month)) / 12;
  return Math.min(MAX_P, Math.max(MIN_P, trend.base + trend.slopePerYear * years));
}
