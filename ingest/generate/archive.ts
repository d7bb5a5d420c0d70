// The whole synthetic archive: which förvaltningar over which months (stretching both when `protocols` asks for
// more than they give), then each förvaltning's meetings in date order, carrying its open questions from
// meeting to meeting. Yields one protocol at a time so a caller can write 10,000 of them with flat memory.
import { meetingDates, meetingMonths, monthsBefore, type Month } from './calendar.ts';
import type { DueFollowUp, MeetingSlot } from './compose/draft.ts';
import { composeMeeting, type ComposedMeeting } from './compose/meeting.ts';
import { forvaltningCatalog, type ForvaltningSpec } from './data/forvaltningar.ts';
import { staffOf } from './people.ts';
import { renderProtocol } from './pdf.ts';
import { topicTrends, type TopicTrend } from './trends.ts';
import type { GeneratorTruth, ProtocolTruth } from './truth.ts';

export interface ArchiveOptions {
  seed: number;
  /** How many förvaltningar, taken from the catalogue in order (Stockholm's first). */
  forvaltningar: number;
  from: Month;
  to: Month;
  /** Total number of protocols wanted; adds förvaltningar, then earlier months, and trims to the count. */
  protocols?: number;
}

export interface ArchivePlan {
  seed: number;
  from: Month;
  to: Month;
  units: { spec: ForvaltningSpec; calendar: MeetingSlot[] }[];
}

export interface GeneratedProtocol {
  file: string;
  bytes: Uint8Array;
  truth: ProtocolTruth;
}

export function protocolFile(slug: string, date: string): string {
  return `synthetic/${slug}/${date}.pdf`;
}

export function planArchive(options: ArchiveOptions): ArchivePlan {
  const catalog = forvaltningCatalog();
  let from = options.from;
  let units = Math.min(catalog.length, Math.max(1, options.forvaltningar));
  const wanted = options.protocols;
  if (wanted !== undefined) {
    units = Math.min(catalog.length, Math.max(units, Math.ceil(wanted / meetingMonths(from, options.to).length)));
    while (meetingMonths(from, options.to).length * units < wanted) from = monthsBefore(from, 12);
  }
  const months = meetingMonths(from, options.to);
  if (months.length === 0) throw new Error(`no meeting months between ${from} and ${options.to}`);
  const specs = catalog.slice(0, units);
  return {
    seed: options.seed,
    from,
    to: options.to,
    units: specs.map((spec, i) => {
      const dates = meetingDates(options.seed, spec.slug, months);
      const share = wanted === undefined ? dates.length : Math.floor(wanted / units) + (i < wanted % units ? 1 : 0);
      // Keep each förvaltning's latest meetings, so the period always reaches `to` and its emerging subjects.
      const kept = dates.slice(Math.max(0, dates.length - share));
      return { spec, calendar: kept.map((date) => ({ date, file: protocolFile(spec.slug, date) })) };
    }),
  };
}

export function archiveSummary(plan: ArchivePlan): GeneratorTruth {
  return {
    seed: plan.seed,
    from: plan.from,
    to: plan.to,
    forvaltningar: plan.units.map((u) => u.spec.name),
    protocols: plan.units.reduce((n, u) => n + u.calendar.length, 0),
  };
}

export function archiveTrends(plan: ArchivePlan): TopicTrend[] {
  return plan.units.flatMap((u) => topicTrends(plan.seed, u.spec, plan.from, plan.to));
}

/** Every meeting of the archive composed but not yet laid out, förvaltning by förvaltning, each in date order. */
export function* composeArchive(plan: ArchivePlan): Generator<ComposedMeeting> {
  for (const { spec, calendar } of plan.units) {
    const staff = staffOf(plan.seed, spec);
    const trends = topicTrends(plan.seed, spec, plan.from, plan.to);
    const pending = new Map<number, DueFollowUp[]>();
    for (let index = 0; index < calendar.length; index++) {
      const due = pending.get(index) ?? [];
      pending.delete(index);
      const meeting = composeMeeting({ seed: plan.seed, spec, staff, trends, from: plan.from, calendar, index, due });
      for (const s of meeting.scheduled) {
        const list = pending.get(s.index) ?? [];
        list.push(s.due);
        pending.set(s.index, list);
      }
      yield meeting;
    }
  }
}

/** Every protocol of the archive as PDF bytes with its truth. */
export async function* generateArchive(plan: ArchivePlan): AsyncGenerator<GeneratedProtocol> {
  for (const meeting of composeArchive(plan)) {
    const rendered = await renderProtocol(meeting.document);
    yield { file: meeting.truth.file, bytes: rendered.bytes, truth: { ...meeting.truth, pages: rendered.pages } };
  }
}
