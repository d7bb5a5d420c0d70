// Frågor: the question tracker — every question the unions raised, open ones first, with asking party,
// förvaltning, date asked, days open, and the answer or the trail of meetings it passed through; filters,
// per-party statistics and a CSV export of exactly what is shown. Questions from generated protocols are marked.
// URL: /fragor?status=&source=&party=&forvaltning=&topic=&q=&from=&to=&page=
import { el, replace, replaceKeepingFocus } from '../dom.ts';
import { api, apiUrl } from '../api/client.ts';
import type { Facets, QuestionsResponse, TrackedQuestion } from '../api/types.ts';
import { topicLabel, topicLabels } from '../api/topic-labels.ts';
import { current, navigate, urlFor, type Route } from '../router.ts';
import { labelledInput, labelledSelect } from '../components/fields.ts';
import { currentStatusBadge, partyBadge, questionStatusBadge, syntheticTag } from '../components/badges.ts';
import { dataTable } from '../components/data-table.ts';
import { pager } from '../components/pager.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate } from '../format/dates.ts';
import { count } from '../format/labels.ts';
import { sourceSelect } from '../components/source-filter.ts';
import type { View } from './view.ts';
import { questionCorrectionMark } from '../components/correction-mark.ts';
import { questionCorrector } from '../components/question-corrector.ts';

/** Shows the list again after a correction, so the question appears as corrected. */
const showAgain = () => navigate(location.pathname + location.search, { replace: true });

const FILTERS = ['status', 'source', 'party', 'forvaltning', 'topic', 'q', 'from', 'to'] as const;
type QuestionState = Record<(typeof FILTERS)[number] | 'page', string>;
const PAGE_SIZE = 20;
/** Open questions first, newest first within each: those are the ones to follow up. */
const ORDER = 'open-first';

function stateOf(route: Route): QuestionState {
  return Object.fromEntries([...FILTERS, 'page'].map((key) => [key, route.query.get(key) ?? ''])) as QuestionState;
}

/** The API query for the list as shown: its filters, in the tracker's order (the CSV export uses it too). */
function listQuery(state: QuestionState): Record<string, string> {
  return { ...Object.fromEntries(FILTERS.map((key) => [key, state[key]])), sort: ORDER };
}

function protocolLink(protocolId: string, section: string, text: string): HTMLElement {
  return el('a', { attrs: { href: urlFor(`/protokoll/${encodeURIComponent(protocolId)}`, { avsnitt: section }) } }, text);
}

function daysOpen(question: TrackedQuestion): string | null {
  // A question from the latest meeting has been open for no time at all; "open for 0 days" would only confuse.
  if (question.currentStatus !== 'open' || !question.daysOpen) return null;
  return `Öppen i ${count(question.daysOpen, 'dag', 'dagar')}`;
}

function trail(question: TrackedQuestion): HTMLElement | null {
  if (question.trail.length <= 1) return null;
  return el(
    'details',
    { class: 'trail' },
    el('summary', {}, `Behandlad vid ${question.trail.length} möten`),
    el(
      'ol',
      {},
      ...question.trail.map((step) =>
        el('li', {}, protocolLink(step.protocolId, step.section, `${formatDate(step.date)}, § ${step.section}`), ' ', questionStatusBadge(step.status)),
      ),
    ),
  );
}

function questionCard(question: TrackedQuestion): HTMLElement {
  return el(
    'li',
    { class: `question-card current-border-${question.currentStatus}` },
    el(
      'p',
      { class: 'question-head' },
      currentStatusBadge(question.currentStatus),
      partyBadge(question.party),
      el('span', {}, question.forvaltning ?? 'Förvaltning okänd'),
      question.synthetic ? syntheticTag() : null,
    ),
    el('p', { class: 'question-text' }, question.text),
    questionCorrectionMark(question.correction),
    el(
      'p',
      { class: 'muted' },
      'Ställd ',
      protocolLink(question.protocolId, question.section, formatDate(question.date)),
      ` under § ${question.section} ${question.sectionTitle}`,
      daysOpen(question) ? el('strong', { class: 'days-open' }, ` · ${daysOpen(question)}`) : null,
    ),
    question.answer
      ? el('p', { class: 'answer' }, el('strong', {}, `Svar${question.answer.party ? ` (${question.answer.party})` : ''}: `), question.answer.text)
      : null,
    question.answeredIn
      ? el('p', {}, 'Besvarad ', protocolLink(question.answeredIn.protocolId, '', formatDate(question.answeredIn.date)))
      : null,
    trail(question),
    questionCorrector(question, showAgain),
  );
}

function statsTable(result: QuestionsResponse): HTMLElement | null {
  if (result.stats.length === 0) return null;
  return el(
    'details',
    { class: 'stats' },
    el('summary', {}, 'Statistik per förvaltning och part'),
    dataTable('Frågor per förvaltning och part', [
      { title: 'Förvaltning', value: (s) => s.forvaltning ?? '–' },
      { title: 'Part', value: (s) => s.party ?? '–' },
      { title: 'Frågor', value: (s) => s.questions, numeric: true },
      { title: 'Besvarade vid mötet', value: (s) => `${Math.round(s.answeredSameMeeting * 100)} %`, numeric: true },
      { title: 'Mediantid till svar (dagar)', value: (s) => s.medianDaysToAnswer ?? '–', numeric: true },
      { title: 'Öppna', value: (s) => s.open, numeric: true },
    ], result.stats),
  );
}

function filterForm(state: QuestionState, facets: Facets, topics: Map<string, string>): HTMLElement {
  const set = (key: keyof QuestionState) => (value: string) => navigate(urlFor('/fragor', { ...stateOf(current()), page: '', [key]: value }));
  // A value chosen earlier stays listed even when the archive part now shown lacks it, so the choice is seen.
  const options = (values: Array<{ value: string }>, any: string, selected: string, label: (v: string) => string = (v) => v): Array<[string, string]> => [
    ['', any],
    ...values.map(({ value }): [string, string] => [value, label(value)]),
    ...(selected && !values.some(({ value }) => value === selected) ? [[selected, label(selected)] as [string, string]] : []),
  ];
  return el(
    'form',
    { class: 'controls four-across', attrs: { 'aria-label': 'Filter för frågorna' }, on: { submit: (e) => e.preventDefault() } },
    sourceSelect(state.source, set('source')),
    labelledSelect('Status', 'status', [['', 'Alla'], ['open', 'Öppna'], ['answered', 'Besvarade'], ['answered_later', 'Besvarade vid ett senare möte'], ['deferred', 'Arbetsgivaren återkommer'], ['unanswered', 'Obesvarade vid mötet']], state.status, set('status')),
    labelledSelect('Part', 'party', options(facets.party, 'Alla parter', state.party), state.party, set('party')),
    labelledSelect('Förvaltning', 'forvaltning', options(facets.forvaltning, 'Alla förvaltningar', state.forvaltning), state.forvaltning, set('forvaltning')),
    labelledSelect('Ämne', 'topic', options(facets.topic, 'Alla ämnen', state.topic, (id) => topicLabel(topics, id)), state.topic, set('topic')),
    labelledInput('Fritext', 'q', 'search', state.q, set('q')),
    labelledInput('Från och med', 'from', 'date', state.from, set('from')),
    labelledInput('Till och med', 'to', 'date', state.to, set('to')),
  );
}

export function create(main: HTMLElement): View {
  const controls = el('div', {});
  const output = el('section', { attrs: { 'aria-live': 'polite', 'aria-label': 'Frågor' } });
  replace(main, el('h1', { attrs: { tabindex: '-1' } }, 'Frågor'), el('p', { class: 'lead' }, 'Fackens frågor till arbetsgivaren och vad som hände med dem. Öppna frågor visas först.'), controls, output);
  let ticket = 0;

  return {
    async update(route) {
      const mine = ++ticket;
      const state = stateOf(route);
      document.title = 'Frågor – Protokollarkivet';
      replace(output, loading('Hämtar frågor …'));
      try {
        const [facets, topics, result] = await Promise.all([
          api.facets({ source: state.source }),
          topicLabels(),
          api.questions({ ...listQuery(state), page: state.page || '1', pageSize: PAGE_SIZE }),
        ]);
        if (mine !== ticket) return;
        replaceKeepingFocus(controls, filterForm(state, facets, topics));
        const page = Number(state.page) || 1;
        replace(
          output,
          el(
            'div',
            { class: 'result-bar' },
            el('h2', { class: 'result-count' }, count(result.total, 'fråga', 'frågor')),
            el('a', { class: 'button', attrs: { href: apiUrl('/questions.csv', listQuery(state)), download: 'fragor.csv' } }, 'Exportera till CSV'),
          ),
          statsTable(result),
          result.questions.length === 0
            ? el('p', { class: 'empty' }, 'Inga frågor matchar filtren. ', el('a', { attrs: { href: '/fragor' } }, 'Visa alla frågor'), '.')
            : el('ol', { class: 'question-list' }, ...result.questions.map(questionCard)),
          pager(result.total, page, PAGE_SIZE, (target) => urlFor('/fragor', { ...state, page: target })),
        );
      } catch (error) {
        if (mine === ticket) replace(output, errorMessage('Frågorna kunde inte hämtas', error));
      }
    },
  };
}
