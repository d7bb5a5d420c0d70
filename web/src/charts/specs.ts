// The vega-lite specs of the trends page, as pure functions from API rows to a spec. Periods are shown as
// Swedish labels ("kv. 1 2024") on an ordinal axis sorted by period start, so empty periods do not invent dates.
import type { TopLevelSpec } from 'vega-lite';
import type { MatrixRow, StatusOverTimeRow, TrendRow } from '../api/types.ts';
import type { WidenedRow } from './sparse-periods.ts';
import { formatPeriod } from '../format/dates.ts';
import { PARTIES, partyColour } from '../format/parties.ts';
import { anyStatusLabel } from '../format/labels.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Tooltip lines of a share of protocols (trend lines and the topic matrix alike). */
const SHARE_TOOLTIP = [
  { field: 'protocols', title: 'Protokoll med ämnet', type: 'quantitative' },
  { field: 'totalProtocols', title: 'Protokoll totalt', type: 'quantitative' },
  { field: 'share', title: 'Andel', type: 'quantitative', format: '.0%' },
] as const;

/** Layout choices that depend on the screen: on a phone, labels are cut shorter and legends stack. */
export interface ChartLayout {
  compact: boolean;
}

function base(layout: ChartLayout) {
  return {
    $schema: SCHEMA,
    width: 'container' as const,
    autosize: { type: 'fit-x' as const, contains: 'padding' as const },
    config: {
      font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#333', titleColor: '#333' },
      legend: {
        labelFontSize: 12,
        titleFontSize: 12,
        orient: 'bottom' as const,
        columns: layout.compact ? 1 : 2,
        labelLimit: layout.compact ? 200 : 240,
      },
    },
  };
}

function labelLimit(layout: ChartLayout): number {
  return layout.compact ? 110 : 240;
}

const periodAxis = {
  field: 'label',
  type: 'ordinal' as const,
  title: null,
  sort: { field: 'periodStart', op: 'min' as const },
  axis: { labelAngle: -40, labelOverlap: true },
};

const TIME_AXES: Record<string, { timeUnit: 'utcyearquarter' | 'utcyearmonth' | 'utcyear'; format: string; interval: 'month' | 'year'; step: number }> = {
  quarter: { timeUnit: 'utcyearquarter', format: 'kv. %q %Y', interval: 'month', step: 3 },
  month: { timeUnit: 'utcyearmonth', format: '%b %Y', interval: 'month', step: 1 },
  year: { timeUnit: 'utcyear', format: '%Y', interval: 'year', step: 1 },
};

/** Up to this many förvaltningar get a line and a colour each; more, and one is highlighted on grey. */
const MAX_COLOURED_LINES = 4;

export const ALL_FORVALTNINGAR = 'Alla förvaltningar';

const HIGHLIGHT = '#0b5cad';
const GREY = '#a3aab2';

/**
 * Share of protocols mentioning a topic, per period. With a few förvaltningar, one coloured line each; with more,
 * every förvaltning a thin grey line and one highlighted — the chosen one, or all förvaltningar together — so the
 * picture is not a tangle. Points are sized by the protocols they rest on (sparse periods are widened first,
 * sparse-periods.ts). Time runs on a real time axis, so a period without meetings shows as a longer stretch.
 */
export function topicOverTimeSpec(rows: WidenedRow[], topicLabel: string, period: string, layout: ChartLayout, highlight = ''): TopLevelSpec {
  const time = TIME_AXES[period] ?? TIME_AXES.quarter;
  const groups = new Set(rows.map((row) => row.group));
  const values = rows.map((row) => ({ ...row, label: formatPeriod(row.span) }));
  const x = {
    field: 'periodStart',
    type: 'temporal' as const,
    timeUnit: time.timeUnit,
    title: null,
    axis: { format: time.format, labelAngle: -40, labelOverlap: true, tickCount: { interval: time.interval, step: time.step } },
  };
  const y = { field: 'share', type: 'quantitative' as const, title: 'Andel av protokollen', axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  const size = { field: 'totalProtocols', type: 'quantitative' as const, title: 'Protokoll i perioden', scale: { range: [20, 160] }, legend: null };
  const tooltip = [
    { field: 'label', title: 'Period' },
    { field: 'group', title: 'Förvaltning' },
    ...SHARE_TOOLTIP,
  ];
  if (groups.size <= MAX_COLOURED_LINES + (groups.has(ALL_FORVALTNINGAR) ? 1 : 0) && !highlight) {
    const coloured = values.filter((v) => v.group !== ALL_FORVALTNINGAR);
    return {
      ...base(layout),
      description: `Andel protokoll per period som tar upp ${topicLabel}, per förvaltning`,
      height: 260,
      data: { values: coloured },
      layer: [
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: { field: 'group', type: 'nominal', title: 'Förvaltning' } } },
        { mark: { type: 'circle', opacity: 1 }, encoding: { x, y, size, color: { field: 'group', type: 'nominal', title: 'Förvaltning' }, tooltip } },
      ],
    };
  }
  const chosen = highlight && groups.has(highlight) ? highlight : ALL_FORVALTNINGAR;
  return {
    ...base(layout),
    description: `Andel protokoll per period som tar upp ${topicLabel}: ${chosen} framhävd, övriga förvaltningar i grått`,
    // The highlighted line has no colour legend, so the chart says in words what blue and grey are.
    title: { text: `Blått: ${chosen}. Grått: övriga förvaltningar.`, anchor: 'start', fontSize: 12, fontWeight: 'normal', color: '#333' },
    height: 280,
    data: { values },
    layer: [
      {
        transform: [{ filter: { not: { field: 'group', equal: chosen } } }],
        mark: { type: 'line', strokeWidth: 1.25, color: GREY, opacity: 0.8 },
        encoding: { x, y, detail: { field: 'group', type: 'nominal' }, tooltip },
      },
      {
        transform: [{ filter: { field: 'group', equal: chosen } }],
        mark: { type: 'line', strokeWidth: 3, color: HIGHLIGHT },
        encoding: { x, y },
      },
      {
        transform: [{ filter: { field: 'group', equal: chosen } }],
        mark: { type: 'circle', color: HIGHLIGHT, opacity: 1 },
        encoding: { x, y, size, tooltip },
      },
    ],
  };
}

/** Heat map of topic × förvaltning: share of each förvaltning's protocols that raise each topic. */
export function topicMatrixSpec(rows: MatrixRow[], label: (topic: string) => string, layout: ChartLayout): TopLevelSpec {
  return {
    ...base(layout),
    description: 'Andel protokoll per ämne och förvaltning',
    data: { values: rows.map((row) => ({ ...row, topicLabel: label(row.topic) })) },
    mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
    encoding: {
      x: { field: 'forvaltning', type: 'nominal', title: null, axis: { labelAngle: -30, labelLimit: 140 } },
      y: { field: 'topicLabel', type: 'nominal', title: null, axis: { labelLimit: labelLimit(layout) } },
      color: { field: 'share', type: 'quantitative', title: 'Andel', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%' } },
      tooltip: [
        { field: 'topicLabel', title: 'Ämne' },
        { field: 'forvaltning', title: 'Förvaltning' },
        ...SHARE_TOOLTIP,
      ],
    },
  };
}

/** Which parties speak in sections on a topic: sections per party, in the parties' colours. */
export function partiesSpec(rows: TrendRow[], topicLabel: string, layout: ChartLayout): TopLevelSpec {
  const parties = [...new Set(rows.map((row) => row.group))];
  const known = PARTIES.filter((party) => parties.includes(party));
  const others = parties.filter((party) => !known.includes(party as (typeof PARTIES)[number]));
  const domain = [...known, ...others];
  return {
    ...base(layout),
    description: `Avsnitt om ${topicLabel} där respektive part tar ordet`,
    height: { step: 26 },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'group', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: labelLimit(layout) } },
      x: { aggregate: 'sum', field: 'sections', type: 'quantitative', title: 'Antal avsnitt', axis: { format: 'd', tickMinStep: 1 } },
      color: { field: 'group', type: 'nominal', legend: null, scale: { domain, range: domain.map((party) => partyColour(party)) } },
      tooltip: [
        { field: 'group', title: 'Part' },
        { aggregate: 'sum', field: 'sections', title: 'Avsnitt', type: 'quantitative' },
      ],
    },
  };
}

const STATUS_COLOURS: Record<string, string> = {
  answered: '#2e7d32',
  answered_later: '#66a36b',
  deferred: '#c77700',
  open: '#c77700',
  unanswered: '#b3261e',
};

/** Questions raised per period, stacked by status. */
export function questionsOverTimeSpec(rows: StatusOverTimeRow[], layout: ChartLayout): TopLevelSpec {
  const statuses = [...new Set(rows.map((row) => row.status))];
  return {
    ...base(layout),
    description: 'Frågor per period efter status',
    height: 240,
    data: { values: rows.map((row) => ({ ...row, label: formatPeriod(row.period), statusLabel: anyStatusLabel(row.status) })) },
    mark: { type: 'bar' },
    encoding: {
      x: periodAxis,
      y: { field: 'count', type: 'quantitative', title: 'Antal frågor', stack: 'zero', axis: { format: 'd', tickMinStep: 1 } },
      color: {
        field: 'statusLabel',
        type: 'nominal',
        title: 'Status',
        scale: { domain: statuses.map(anyStatusLabel), range: statuses.map((status) => STATUS_COLOURS[status] ?? '#5f6368') },
      },
      tooltip: [
        { field: 'label', title: 'Period' },
        { field: 'statusLabel', title: 'Status' },
        { field: 'count', title: 'Frågor', type: 'quantitative' },
      ],
    },
  };
}
