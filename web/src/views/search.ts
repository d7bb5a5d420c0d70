// Sök: the search page — query box with suggestions, filters with counts from the facets, highlighted
// results with party, date and förvaltning, paging, and an empty state that suggests what to try instead.
// The URL holds the whole search (/sok?q=…&party=…&page=…), so results can be shared and revisited.
import { el, replace, replaceKeepingFocus } from '../dom.ts';
import { api } from '../api/client.ts';
import type { FacetValue, Facets, SearchHit, SearchResponse } from '../api/types.ts';
import { topicLabel, topicLabels } from '../api/topic-labels.ts';
import { current, navigate, urlFor, type Route } from '../router.ts';
import { suggestBox } from '../components/suggest-box.ts';
import { labelledInput, labelledSelect } from '../components/fields.ts';
import { ocrTag, partyBadge, syntheticTag } from '../components/badges.ts';
import { highlighted } from '../components/highlighted-text.ts';
import { pager } from '../components/pager.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate } from '../format/dates.ts';
import { protocolName } from '../format/protocol-name.ts';
import { count, questionStatusLabel } from '../format/labels.ts';
import { sourceChoices } from '../components/source-filter.ts';
import { watchButton } from '../components/watches.ts';
import type { View } from './view.ts';

const FILTERS = ['source', 'forvaltning', 'party', 'topic', 'status', 'from', 'to'] as const;
const SEARCH_KEYS = ['q', ...FILTERS, 'sort', 'page'] as const;

type SearchState = Record<(typeof SEARCH_KEYS)[number], string>;

function stateOf(route: Route): SearchState {
  return Object.fromEntries(SEARCH_KEYS.map((key) => [key, route.query.get(key) ?? ''])) as SearchState;
}

function hasFilters(state: SearchState): boolean {
  return FILTERS.some((key) => state[key] !== '');
}

function go(state: SearchState, changes: Partial<SearchState>): void {
  // Any change other than paging starts again from the first page.
  const next = { ...state, page: '', ...changes };
  navigate(urlFor('/sok', next));
}

function facetOptions(values: FacetValue[], anyText: string, selected: string, label: (value: string) => string): Array<[string, string]> {
  const options: Array<[string, string]> = [['', anyText]];
  for (const { value, count } of values) options.push([value, `${label(value)} (${count})`]);
  // A filter chosen earlier may have no hits now; keep it visible so it can be seen and removed.
  if (selected && !values.some((facet) => facet.value === selected)) options.push([selected, `${label(selected)} (0)`]);
  return options;
}

/** Whether the filter panel is open: at first on wide screens only; after that, as the reader left it. */
let filtersOpen: boolean | undefined;

function filterPanel(state: SearchState, facets: Facets, topics: Map<string, string>): HTMLElement {
  const set = (key: keyof SearchState) => (value: string) => go(stateOf(current()), { [key]: value });
  const same = (value: string) => value;
  const panel: HTMLDetailsElement = el(
    'details',
    {
      class: 'filters',
      attrs: { open: filtersOpen ?? window.matchMedia('(min-width: 800px)').matches },
      on: { toggle: () => (filtersOpen = panel.open) },
    },
    el('summary', {}, hasFilters(state) ? 'Filter (aktiva)' : 'Filter'),
    sourceChoices(state.source, facets.source, set('source')),
    labelledSelect('Förvaltning', 'forvaltning', facetOptions(facets.forvaltning, 'Alla förvaltningar', state.forvaltning, same), state.forvaltning, set('forvaltning')),
    labelledSelect('Part', 'party', facetOptions(facets.party, 'Alla parter', state.party, same), state.party, set('party')),
    labelledSelect('Ämne', 'topic', facetOptions(facets.topic, 'Alla ämnen', state.topic, (id) => topicLabel(topics, id)), state.topic, set('topic')),
    labelledSelect('Frågestatus', 'status', facetOptions(facets.status, 'Alla', state.status, questionStatusLabel), state.status, set('status')),
    labelledInput('Från och med', 'from', 'date', state.from, set('from')),
    labelledInput('Till och med', 'to', 'date', state.to, set('to')),
    labelledSelect('Sortera', 'sort', [['', 'Relevans'], ['date', 'Datum, nyast först']], state.sort, set('sort')),
    hasFilters(state)
      ? el('p', {}, el('a', { attrs: { href: urlFor('/sok', { q: state.q }) } }, 'Rensa filter'))
      : null,
  );
  return panel;
}

function hitItem(hit: SearchHit, topics: Map<string, string>): HTMLElement {
  return el(
    'li',
    { class: 'hit' },
    el('h3', {}, el('a', { attrs: { href: hit.link } }, protocolName(hit.title, hit.body, hit.forvaltning))),
    el('p', { class: 'hit-section' }, `§ ${hit.section.number} ${hit.section.title}`, el('span', { class: 'muted' }, ` · sida ${hit.page}`)),
    el('p', { class: 'snippet' }, highlighted(hit.snippet.text, hit.snippet.highlights)),
    el(
      'p',
      { class: 'hit-meta' },
      hit.party ? partyBadge(hit.party) : null,
      el('span', {}, formatDate(hit.date)),
      hit.forvaltning ? el('span', {}, hit.forvaltning) : null,
      ...hit.topics.slice(0, 3).map((id) => el('span', { class: 'tag-plain' }, topicLabel(topics, id))),
      hit.synthetic ? syntheticTag() : null,
      hit.ocr ? ocrTag() : null,
    ),
  );
}

function emptyState(state: SearchState, result: SearchResponse): HTMLElement {
  const tips: HTMLElement[] = [];
  if (hasFilters(state)) {
    tips.push(el('li', {}, el('a', { attrs: { href: urlFor('/sok', { q: state.q }) } }, 'sök utan filter')));
  }
  tips.push(el('li', {}, 'kontrollera stavningen'));
  tips.push(el('li', {}, 'ett kortare ord eller en del av ordet, t.ex. ”frånvaro” i stället för ”sjukfrånvarostatistiken”'));
  const suggestions = result.suggestions ?? [];
  return el(
    'div',
    { class: 'empty' },
    el('h2', {}, `Inga träffar för ”${state.q}”`),
    suggestions.length > 0
      ? el(
          'p',
          {},
          'Prova: ',
          ...suggestions.flatMap((text, i) => [
            i > 0 ? ', ' : '',
            el('a', { attrs: { href: urlFor('/sok', { ...state, q: text, page: '' }) } }, text),
          ]),
        )
      : null,
    el('p', {}, suggestions.length > 0 ? 'Du kan också prova att' : 'Du kan prova att'),
    el('ul', {}, ...tips),
  );
}

function results(state: SearchState, result: SearchResponse, topics: Map<string, string>): HTMLElement {
  if (result.total === 0) return emptyState(state, result);
  const summary = state.q
    ? `${count(result.total, 'träff', 'träffar')} för ”${state.q}”`
    : count(result.total, 'avsnitt', 'avsnitt');
  return el(
    'div',
    {},
    el('h2', { class: 'result-count' }, summary),
    result.relaxed
      ? el('p', { class: 'notice' }, 'Inget avsnitt innehöll alla orden. Här visas avsnitt som innehåller något av dem.')
      : null,
    el('ol', { class: 'hits' }, ...result.hits.map((hit) => hitItem(hit, topics))),
    pager(result.total, result.page, result.pageSize, (page) => urlFor('/sok', { ...state, page })),
  );
}

function intro(): HTMLElement {
  const example = (q: string) => el('a', { attrs: { href: urlFor('/sok', { q }) } }, q);
  return el(
    'div',
    { class: 'intro' },
    el('p', {}, 'Sök bland samverkansprotokollens avsnitt, frågor och svar. Orden hittas även i böjda former och sammansättningar.'),
    el('p', {}, 'Exempel: ', example('sjukfrånvaro'), ', ', example('lönekartläggning'), ', ', example('arbetsmiljö'), ', ', example('budget')),
  );
}

export function create(main: HTMLElement): View {
  const box = suggestBox((q) => go(stateOf(current()), { q }));
  const filters = el('div', { class: 'filter-slot' });
  const output = el('section', { class: 'results', attrs: { 'aria-live': 'polite', 'aria-label': 'Sökresultat' } });
  const watchSlot = el('div');
  replace(main, el('h1', { attrs: { tabindex: '-1' } }, 'Sök i protokollen'), box.form, watchSlot, el('div', { class: 'search-layout' }, filters, output));
  let latest = 0;

  return {
    async update(route) {
      const state = stateOf(route);
      const ticket = ++latest;
      box.setValue(state.q);
      document.title = state.q ? `${state.q} – Sök – Protokollarkivet` : 'Sök – Protokollarkivet';
      output.setAttribute('aria-busy', 'true');
      replace(output, loading('Söker …'));
      const topics = await topicLabels();
      try {
        if (!state.q && !hasFilters(state)) {
          const facets = await api.facets();
          if (ticket !== latest) return;
          replaceKeepingFocus(filters, filterPanel(state, facets, topics));
          replace(output, intro());
          return;
        }
        const result = await api.search({ ...state });
        if (ticket !== latest) return;
        replaceKeepingFocus(filters, filterPanel(state, result.facets, topics));
        replace(output, results(state, result, topics));
        replace(watchSlot, watchButton(state.q, Object.fromEntries(FILTERS.map((key) => [key, state[key]]))));
      } catch (error) {
        if (ticket !== latest) return;
        replace(output, errorMessage('Sökningen misslyckades', error));
      } finally {
        if (ticket === latest) output.removeAttribute('aria-busy');
      }
    },
  };
}
