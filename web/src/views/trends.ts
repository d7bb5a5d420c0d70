// Trender: how subjects move over time — a topic per period per förvaltning, a topic × förvaltning heat map,
// the parties that raise a topic, questions by status over time, and the subjects that are new lately.
// URL: /trender?topic=&forvaltning=&markera=&period=month|quarter|year&from=&to=
import { el, replace, replaceKeepingFocus } from '../dom.ts';
import { api } from '../api/client.ts';
import type { EmergingResponse, Topic, TrendRow } from '../api/types.ts';
import { navigate, urlFor, type Route } from '../router.ts';
import { labelledInput, labelledSelect } from '../components/fields.ts';
import { dataTable } from '../components/data-table.ts';
import { exportLinks } from '../components/export-links.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate, formatPeriod } from '../format/dates.ts';
import { anyStatusLabel, count, periodLabel } from '../format/labels.ts';
import type { DrawnChart } from '../charts/embed.ts';
import type { View } from './view.ts';

const KEYS = ['topic', 'forvaltning', 'markera', 'period', 'from', 'to'] as const;
type TrendState = Record<(typeof KEYS)[number], string>;

function stateOf(route: Route, topics: Topic[]): TrendState {
  const state = Object.fromEntries(KEYS.map((key) => [key, route.query.get(key) ?? ''])) as TrendState;
  // Without a chosen topic, show the one most protocols raise: the page then opens on something telling.
  if (!state.topic) state.topic = [...topics].sort((a, b) => b.protocols - a.protocols)[0]?.id ?? '';
  if (!state.period) state.period = 'quarter';
  return state;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

interface Panel {
  figure: HTMLElement;
  chart: HTMLElement;
  table: HTMLElement;
}

function panel(id: string, title: string, note: string): Panel {
  const chart = el('div', { class: 'chart', attrs: { 'data-chart': id } }, loading('Ritar diagram …'));
  const table = el('div', {});
  const figure = el(
    'figure',
    { class: 'chart-panel', attrs: { 'aria-labelledby': `${id}-title` } },
    el('h2', { attrs: { id: `${id}-title` } }, title),
    el('p', { class: 'muted' }, note),
    chart,
    el('details', { class: 'as-table' }, el('summary', {}, 'Visa som tabell'), table),
  );
  return { figure, chart, table };
}

function emergingList(result: EmergingResponse): HTMLElement {
  if (result.terms.length === 0) {
    return el('p', { class: 'muted' }, `Inga nya ämnen under ${formatPeriod(result.latest)} jämfört med ${formatPeriod(result.baseline)}. Prova en längre period.`);
  }
  return el(
    'div',
    {},
    el('p', { class: 'muted' }, `Ämnen som tas upp vid flera möten under ${formatPeriod(result.latest)} men sällan under ${formatPeriod(result.baseline)}.`),
    el(
      'ol',
      { class: 'emerging' },
      ...result.terms.slice(0, 15).map((term) =>
        el(
          'li',
          {},
          el('a', { attrs: { href: urlFor('/sok', { q: term.term.includes(' ') ? `"${term.term}"` : term.term }) } }, term.term),
          el('span', { class: 'muted' }, ` vid ${count(term.protocols, 'möte', 'möten')}, ${term.latestCount} gånger nu, ${term.baselineCount} tidigare`),
          term.examples.length > 0
            ? el(
                'details',
                { class: 'emerging-examples' },
                el('summary', {}, 'Visa meningar', el('span', { class: 'visually-hidden' }, ` med ${term.term}`)),
                el(
                  'ul',
                  {},
                  ...term.examples.map((example) =>
                    el(
                      'li',
                      {},
                      el('q', {}, example.sentence),
                      ' ',
                      el('a', { class: 'muted', attrs: { href: urlFor(`/protokoll/${encodeURIComponent(example.protocolId)}`, { avsnitt: example.section, q: term.term }) } }, `${example.forvaltning ?? ''} ${formatDate(example.date)}, § ${example.section}`.trim()),
                    ),
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  );
}

/** Every förvaltning together, per period: the line drawn above the others when there are many. */
function allForvaltningar(rows: TrendRow[], group: string): TrendRow[] {
  const byPeriod = new Map<string, TrendRow>();
  for (const row of rows) {
    const total = byPeriod.get(row.period) ?? { ...row, group, protocols: 0, sections: 0, totalProtocols: 0, share: 0 };
    total.protocols += row.protocols;
    total.sections += row.sections;
    total.totalProtocols += row.totalProtocols;
    total.share = total.totalProtocols > 0 ? total.protocols / total.totalProtocols : 0;
    byPeriod.set(row.period, total);
  }
  return [...byPeriod.values()];
}

export function create(main: HTMLElement): View {
  const controls = el('form', { class: 'controls', attrs: { 'aria-label': 'Urval för diagrammen' }, on: { submit: (e) => e.preventDefault() } });
  const overTime = panel(
    'topic-over-time',
    'Ämnet över tid',
    'Andel av förvaltningens protokoll per period där ämnet tas upp. Punktens storlek visar hur många protokoll den bygger på; perioder med färre än tre protokoll slås ihop med nästa.',
  );
  const matrix = panel('topic-matrix', 'Ämnen per förvaltning', 'Andel av protokollen under vald tid där respektive ämne tas upp.');
  const parties = panel('topic-parties', 'Vilka tar upp ämnet?', 'Antal avsnitt om ämnet där respektive part tar ordet.');
  const questions = panel('questions-over-time', 'Frågor över tid', 'Frågor som ställts per period, efter hur de besvarats.');
  const emerging = el('section', { class: 'chart-panel', attrs: { 'aria-labelledby': 'emerging-title' } }, el('h2', { attrs: { id: 'emerging-title' } }, 'Nya ämnen'));
  const emergingBody = el('div', {}, loading());
  emerging.append(emergingBody);

  replace(
    main,
    el('h1', { attrs: { tabindex: '-1' } }, 'Trender'),
    controls,
    el('div', { class: 'charts' }, overTime.figure, parties.figure, matrix.figure, questions.figure, emerging),
  );

  let drawn: DrawnChart[] = [];
  let ticket = 0;

  const clearCharts = () => {
    for (const chart of drawn) chart.finalize();
    drawn = [];
  };

  return {
    async update(route) {
      const mine = ++ticket;
      document.title = 'Trender – Protokollarkivet';
      let topics: Topic[];
      let forvaltningar: string[];
      try {
        const [topicList, facets] = await Promise.all([api.topics(), api.facets()]);
        topics = topicList.topics;
        forvaltningar = facets.forvaltning.map((facet) => facet.value);
      } catch (error) {
        replace(controls, errorMessage('Urvalen kunde inte hämtas', error));
        return;
      }
      if (mine !== ticket) return;
      const state = stateOf(route, topics);
      const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
      const topicName = labels.get(state.topic) ?? state.topic;
      const set = (key: keyof TrendState) => (value: string) => navigate(urlFor('/trender', { ...state, [key]: value }));

      replaceKeepingFocus(
        controls,
        labelledSelect('Ämne', 'topic', topics.map((topic) => [topic.id, `${topic.label} (${topic.protocols})`]), state.topic, set('topic')),
        labelledSelect('Förvaltning', 'forvaltning', [['', 'Alla förvaltningar'], ...forvaltningar.map((name): [string, string] => [name, name])], state.forvaltning, set('forvaltning')),
        state.forvaltning
          ? null
          : labelledSelect('Framhäv i diagrammet', 'markera', [['', 'Alla tillsammans'], ...forvaltningar.map((name): [string, string] => [name, name])], state.markera, set('markera')),
        labelledSelect('Period', 'period', ['month', 'quarter', 'year'].map((p): [string, string] => [p, periodLabel(p)]), state.period, set('period')),
        labelledInput('Från och med', 'from', 'date', state.from, set('from')),
        labelledInput('Till och med', 'to', 'date', state.to, set('to')),
      );

      clearCharts();
      for (const p of [overTime, matrix, parties, questions]) replace(p.chart, loading('Ritar diagram …'));
      const { drawChart } = await import('../charts/embed.ts');
      const specs = await import('../charts/specs.ts');
      const range = { from: state.from, to: state.to };
      const layout = { compact: window.matchMedia('(max-width: 480px)').matches };

      type Drawing = { rows: number; chart: Parameters<typeof drawChart>[1]; table: HTMLElement; download: HTMLElement };
      const draw = async (target: Panel, what: string, work: () => Promise<Drawing>, fileName: string) => {
        try {
          const { rows, chart, table, download } = await work();
          if (mine !== ticket) return;
          if (rows === 0) {
            replace(target.chart, el('p', { class: 'empty' }, 'Inga uppgifter för det här urvalet.'));
            replace(target.table);
            return;
          }
          replace(target.chart);
          drawn.push(await drawChart(target.chart, chart, fileName));
          replace(target.table, table, download);
        } catch (error) {
          if (mine === ticket) replace(target.chart, errorMessage(`${what} kunde inte ritas`, error));
        }
      };

      const emergingWork = api
        .emerging({ period: state.period })
        .then((result) => mine === ticket && replace(emergingBody, emergingList(result)))
        .catch((error) => mine === ticket && replace(emergingBody, errorMessage('Nya ämnen kunde inte hämtas', error)));

      await Promise.all([
        draw(overTime, 'Ämnet över tid', async () => {
          const query = { topic: state.topic, forvaltning: state.forvaltning, period: state.period, by: 'forvaltning', ...range };
          const { rows } = await api.trends(query);
          const { widenSparsePeriods } = await import('../charts/sparse-periods.ts');
          const points = widenSparsePeriods([...rows, ...allForvaltningar(rows, specs.ALL_FORVALTNINGAR)]);
          return {
            download: exportLinks('/trends', query, `amne-over-tid-${state.topic}`, { label: 'Ämnet över tid' }),
            rows: rows.length,
            chart: specs.topicOverTimeSpec(points, topicName, state.period, layout, state.markera),
            table: dataTable(`${topicName} över tid`, [
              { title: 'Period', value: (r) => formatPeriod(r.span) },
              { title: 'Förvaltning', value: (r) => r.group },
              { title: 'Protokoll med ämnet', value: (r) => r.protocols, numeric: true },
              { title: 'Protokoll totalt', value: (r) => r.totalProtocols, numeric: true },
              { title: 'Andel', value: (r) => percent(r.share), numeric: true },
            ], points),
          };
        }, `amne-over-tid-${state.topic}`),
        draw(parties, 'Parterna', async () => {
          const query = { topic: state.topic, forvaltning: state.forvaltning, period: 'year', by: 'party', ...range };
          const { rows } = await api.trends(query);
          const totals = new Map<string, number>();
          for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.sections);
          return {
            download: exportLinks('/trends', query, `parter-${state.topic}`, { label: 'Vilka tar upp ämnet' }),
            rows: rows.length,
            chart: specs.partiesSpec(rows, topicName, layout),
            table: dataTable(`Parter som tar upp ${topicName}`, [
              { title: 'Part', value: ([party]) => party },
              { title: 'Avsnitt', value: ([, n]) => n, numeric: true },
            ], [...totals.entries()].sort((a, b) => b[1] - a[1])),
          };
        }, `parter-${state.topic}`),
        draw(matrix, 'Ämnen per förvaltning', async () => {
          const { rows } = await api.matrix(range);
          const label = (id: string) => labels.get(id) ?? id;
          return {
            download: exportLinks('/trends/matrix', range, 'amnen-per-forvaltning', { label: 'Ämnen per förvaltning' }),
            rows: rows.length,
            chart: specs.topicMatrixSpec(rows, label, layout),
            table: dataTable('Ämnen per förvaltning', [
              { title: 'Ämne', value: (r) => label(r.topic) },
              { title: 'Förvaltning', value: (r) => r.forvaltning },
              { title: 'Protokoll med ämnet', value: (r) => r.protocols, numeric: true },
              { title: 'Andel', value: (r) => percent(r.share), numeric: true },
            ], rows),
          };
        }, 'amnen-per-forvaltning'),
        draw(questions, 'Frågor över tid', async () => {
          const query = { period: state.period, forvaltning: state.forvaltning, ...range };
          const { rows } = await api.questionsOverTime(query);
          return {
            download: exportLinks('/questions/over-time', query, 'fragor-over-tid', { label: 'Frågor över tid' }),
            rows: rows.length,
            chart: specs.questionsOverTimeSpec(rows, layout),
            table: dataTable('Frågor över tid', [
              { title: 'Period', value: (r) => formatPeriod(r.period) },
              { title: 'Status', value: (r) => anyStatusLabel(r.status) },
              { title: 'Antal', value: (r) => r.count, numeric: true },
            ], rows),
          };
        }, 'fragor-over-tid'),
        emergingWork,
      ]);
    },
    destroy() {
      ticket++;
      clearCharts();
    },
  };
}
