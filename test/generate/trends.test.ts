// Topic frequencies in a generated archive follow the trends its truth declares: rising topics come up in more
// meetings at the end than at the start, falling ones in fewer, emerging subjects only from their start month.
import { describe, expect, it } from 'vitest';
import { archiveTrends, composeArchive, planArchive } from '../../ingest/generate/archive.ts';

const plan = planArchive({ seed: 42, forvaltningar: 6, from: '2018-01', to: '2025-12' });
const meetings = [...composeArchive(plan)];
const trends = archiveTrends(plan);

function share(forvaltning: string, topic: string, years: string[]): number {
  const inPeriod = meetings.filter((m) => m.truth.forvaltning === forvaltning && years.includes(m.truth.date.slice(0, 4)));
  const mentioning = inPeriod.filter((m) => m.truth.sections.some((s) => (s.topics as Record<string, number>)[topic]));
  return mentioning.length / inPeriod.length;
}

describe('topic trends in the generated archive', () => {
  it('shows each förvaltning\'s rising topic in more meetings at the end than at the start, and its falling topic in fewer', () => {
    for (const t of trends.filter((t) => t.direction === 'rising' || t.direction === 'falling')) {
      const early = share(t.forvaltning, t.topic, ['2018', '2019']);
      const late = share(t.forvaltning, t.topic, ['2024', '2025']);
      if (t.direction === 'rising') expect(late, `${t.forvaltning} ${t.topic}`).toBeGreaterThan(early + 0.2);
      else expect(late, `${t.forvaltning} ${t.topic}`).toBeLessThan(early - 0.2);
    }
  });

  it('mentions emerging subjects only from their start month, and then often', () => {
    for (const topic of new Set(trends.filter((t) => t.direction === 'emerging').map((t) => t.topic))) {
      const start = trends.find((t) => t.topic === topic)!.startMonth!;
      const mentions = (m: (typeof meetings)[number]) => m.truth.sections.some((s) => (s.topics as Record<string, number>)[topic]);
      expect(meetings.filter((m) => m.truth.date.slice(0, 7) < start).some(mentions)).toBe(false);
      const after = meetings.filter((m) => m.truth.date.slice(0, 7) >= start);
      expect(after.filter(mentions).length / after.length, topic).toBeGreaterThan(0.25);
    }
  });

  it('keeps the emerging subjects\' words out of every protocol before their start', () => {
    const start = trends.find((t) => t.direction === 'emerging')!.startMonth!;
    const before = meetings.filter((m) => m.truth.date.slice(0, 7) < start);
    const text = before.flatMap((m) => m.document.blocks.map((b) => b.text)).join('\n');
    expect(text).not.toMatch(/socialtjänstlag|AI-verktyg|Copilot/i);
  });
});
