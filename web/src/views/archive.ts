// Arkiv: what the archive holds — the ingested protocols (sortable, filterable), the ingest report with every
// file that could not be read and why, and an upload form for new PDFs behind the admin token.
// URL: /arkiv?source=&forvaltning=&from=&to=&sort=date|forvaltning&order=asc|desc
import { el, replace, replaceKeepingFocus } from '../dom.ts';
import { api, ApiError } from '../api/client.ts';
import type { ArchiveStatus, ProtocolSummary, SourceRow } from '../api/types.ts';
import { current, navigate, urlFor, type Route } from '../router.ts';
import { labelledInput, labelledSelect } from '../components/fields.ts';
import { dataTable } from '../components/data-table.ts';
import { syntheticTag } from '../components/badges.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate, formatTimestamp } from '../format/dates.ts';
import { count, failureKindLabel } from '../format/labels.ts';
import { sourceSelect } from '../components/source-filter.ts';
import type { View } from './view.ts';
import { reviewList } from '../components/review-list.ts';
import { session } from '../auth/session.ts';

const KEYS = ['source', 'forvaltning', 'from', 'to', 'sort', 'order'] as const;
type ArchiveState = Record<(typeof KEYS)[number], string>;

function stateOf(route: Route): ArchiveState {
  return Object.fromEntries(KEYS.map((key) => [key, route.query.get(key) ?? ''])) as ArchiveState;
}

/** Turns a column header into a link that sorts the list by `key`, flipping the order when it already does. */
function makeSortable(header: HTMLElement, state: ArchiveState, key: 'date' | 'forvaltning', title: string): void {
  const active = (state.sort || 'date') === key;
  const order = state.order || 'desc';
  const nextOrder = active && order === 'desc' ? 'asc' : 'desc';
  const arrow = active ? (order === 'desc' ? ' ↓' : ' ↑') : '';
  header.replaceChildren(
    el(
      'a',
      { attrs: { href: urlFor('/arkiv', { ...state, sort: key, order: nextOrder }), 'aria-label': `Sortera på ${title.toLowerCase()}` } },
      `${title}${arrow}`,
    ),
  );
  header.classList.add('sortable');
  if (active) header.setAttribute('aria-sort', order === 'desc' ? 'descending' : 'ascending');
}

function protocolTable(state: ArchiveState, protocols: ProtocolSummary[]): HTMLElement {
  const table = dataTable<ProtocolSummary>('Inlästa protokoll', [
    { title: 'Datum', value: (p) => el('a', { attrs: { href: `/protokoll/${encodeURIComponent(p.id)}` } }, formatDate(p.date)) },
    { title: 'Förvaltning', value: (p) => p.forvaltning ?? '–' },
    { title: 'Organ', value: (p) => p.body ?? '–' },
    { title: 'Fil', value: (p) => el('span', { class: 'file-name' }, p.file, p.synthetic ? ' ' : null, p.synthetic ? syntheticTag() : null) },
    { title: 'Sidor', value: (p) => p.pages, numeric: true },
    { title: 'Avsnitt', value: (p) => p.sections, numeric: true },
    { title: 'Frågor', value: (p) => p.questions, numeric: true },
    { title: 'Öppna', value: (p) => p.openQuestions, numeric: true },
  ], protocols);
  // Replace the plain titles of the sortable columns with sort links.
  const headers = table.querySelectorAll('th');
  makeSortable(headers[0], state, 'date', 'Datum');
  makeSortable(headers[1], state, 'forvaltning', 'Förvaltning');
  return table;
}

function failures(sources: SourceRow[]): HTMLElement {
  const failed = sources.filter((source) => source.status === 'failed');
  if (failed.length === 0) return el('p', {}, 'Alla filer lästes in.');
  return dataTable<SourceRow>('Filer som inte kunde läsas in', [
    { title: 'Fil', value: (s) => el('span', { class: 'file-name' }, s.path) },
    { title: 'Problem', value: (s) => failureKindLabel(s.errorKind) },
    { title: 'Orsak', value: (s) => s.error ?? '' },
    { title: 'Försökt', value: (s) => el('span', { class: 'nowrap' }, formatTimestamp(s.ingestedAt)) },
  ], failed);
}

function uploadForm(status: ArchiveStatus | undefined, onUploaded: () => void): HTMLElement {
  const enabled = status?.uploadsEnabled === true;
  const file = el('input', { attrs: { id: 'upload-file', name: 'file', type: 'file', accept: 'application/pdf,.pdf', required: true, disabled: !enabled } });
  const token = el('input', { attrs: { id: 'upload-token', name: 'token', type: 'password', autocomplete: 'off', disabled: !enabled } });
  const result = el('div', { attrs: { role: 'status' } });
  const submit = el('button', { attrs: { type: 'submit', disabled: !enabled } }, 'Ladda upp');
  const form = el(
    'form',
    {
      class: 'upload',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const chosen = file.files?.[0];
          if (!chosen) return;
          submit.disabled = true;
          replace(result, loading('Laddar upp och läser in …'));
          try {
            const uploaded = await api.upload(chosen, token.value, (await session())?.csrfToken ?? undefined);
            replace(
              result,
              el(
                'p',
                { class: 'success' },
                `”${chosen.name}” är inläst. `,
                uploaded.protocolId ? el('a', { attrs: { href: `/protokoll/${encodeURIComponent(uploaded.protocolId)}` } }, 'Öppna protokollet') : null,
              ),
            );
            form.reset();
            onUploaded();
          } catch (error) {
            const reason =
              error instanceof ApiError && error.status === 401 ? 'Logga in som redaktör eller ange en giltig nyckel.'
                : error instanceof ApiError && error.status === 403 ? 'Uppladdning kräver rollen redaktör.'
                : error instanceof Error ? error.message : String(error);
            replace(result, el('p', { class: 'error', attrs: { role: 'alert' } }, `”${chosen.name}” kunde inte läsas in: ${reason}`));
          } finally {
            submit.disabled = !enabled;
          }
        },
      },
    },
    el('div', { class: 'field' }, el('label', { attrs: { for: 'upload-file' } }, 'PDF-fil'), file),
    el('div', { class: 'field' }, el('label', { attrs: { for: 'upload-token' } }, 'Nyckel (behövs inte för inloggad redaktör)'), token),
    submit,
    result,
  );
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'upload-heading' } },
    el('h2', { attrs: { id: 'upload-heading' } }, 'Ladda upp protokoll'),
    enabled
      ? el('p', { class: 'muted' }, 'Ett uppladdat protokoll blir sökbart inom några sekunder.')
      : el('p', { class: 'notice' }, 'Uppladdning är avstängd på den här servern. Den slås på när servern har en redaktör (npm run -s user -- add NAMN --role redaktör) eller startas med en administratörsnyckel (miljövariabeln ADMIN_TOKEN).'),
    form,
  );
}

export function create(main: HTMLElement): View {
  const summary = el('p', { class: 'lead' });
  const heading = el('h2', { attrs: { id: 'protocols-heading' } }, 'Protokoll');
  const controls = el('div', {});
  const list = el('div', {});
  const report = el('section', { attrs: { 'aria-labelledby': 'report-heading' } });
  const upload = el('div', {});
  replace(
    main,
    el('h1', { attrs: { tabindex: '-1' } }, 'Arkiv'),
    summary,
    el('section', { attrs: { 'aria-labelledby': 'protocols-heading' } }, heading, controls, list),
    report,
    reviewList(),
    upload,
  );
  let ticket = 0;

  /** Reloads the counts and the ingest report; the upload form is built once, so its message survives. */
  const loadStatusAndReport = async () => {
    const [status, sources] = await Promise.allSettled([api.status(), api.sources()]);
    if (status.status === 'fulfilled') {
      summary.textContent = `Arkivet innehåller ${count(status.value.protocols, 'protokoll', 'protokoll')} med ${count(status.value.sections, 'avsnitt', 'avsnitt')}.`;
    }
    if (!upload.hasChildNodes()) {
      replace(upload, uploadForm(status.status === 'fulfilled' ? status.value : undefined, () => void refresh()));
    }
    replace(
      report,
      el('h2', { attrs: { id: 'report-heading' } }, 'Inläsningsrapport'),
      sources.status === 'fulfilled'
        ? el('div', {}, el('p', {}, `${count(sources.value.summary.ok, 'fil lästes in', 'filer lästes in')}, ${count(sources.value.summary.failed, 'misslyckades', 'misslyckades')}.`), failures(sources.value.sources))
        : errorMessage('Rapporten kunde inte hämtas', sources.reason),
    );
  };

  const loadList = async (state: ArchiveState) => {
    const mine = ++ticket;
    replace(list, loading());
    try {
      const [{ protocols }, facets] = await Promise.all([api.protocols({ ...state }), api.facets({ source: state.source })]);
      if (mine !== ticket) return;
      const set = (key: keyof ArchiveState) => (value: string) => navigate(urlFor('/arkiv', { ...stateOf(current()), [key]: value }));
      replaceKeepingFocus(
        controls,
        el(
          'form',
          { class: 'controls', attrs: { 'aria-label': 'Filter för protokollistan' }, on: { submit: (e) => e.preventDefault() } },
          sourceSelect(state.source, set('source')),
          labelledSelect('Förvaltning', 'forvaltning', [['', 'Alla förvaltningar'], ...facets.forvaltning.map((f): [string, string] => [f.value, `${f.value} (${f.count})`])], state.forvaltning, set('forvaltning')),
          labelledInput('Från och med', 'from', 'date', state.from, set('from')),
          labelledInput('Till och med', 'to', 'date', state.to, set('to')),
        ),
      );
      heading.textContent = `Protokoll (${protocols.length})`;
      replace(
        list,
        protocols.length === 0 ? el('p', { class: 'empty' }, 'Inga protokoll matchar filtren.') : protocolTable(state, protocols),
      );
    } catch (error) {
      if (mine === ticket) replace(list, errorMessage('Listan kunde inte hämtas', error));
    }
  };

  const refresh = async () => {
    await Promise.all([loadStatusAndReport(), loadList(stateOf(current()))]);
  };

  let first = true;
  return {
    async update(route) {
      document.title = 'Arkiv – Protokollarkivet';
      if (first) {
        first = false;
        await Promise.all([loadStatusAndReport(), loadList(stateOf(route))]);
        return;
      }
      await loadList(stateOf(route));
    },
  };
}
