// Översikt, the start page: what is new in the archive and what is waiting — the latest protocols, the open
// questions of every förvaltning (how many, the oldest, how many have waited through more than two meetings)
// and the topics rising this quarter against the year before. Every figure is a link to the list behind it.
// This is the public version; a signed-in user's watches ("Nytt sedan sist") get their place at the top
// (personalSection below) once accounts exist.
// URL: /
import { el, replace } from '../dom.ts';
import { api } from '../api/client.ts';
import { reports, type OpenQuestionsRow, type Overview, type RisingTopic } from '../api/reports.ts';
import type { ProtocolSummary } from '../api/types.ts';
import { urlFor } from '../router.ts';
import { dataTable } from '../components/data-table.ts';
import { syntheticTag } from '../components/badges.ts';
import { watchSection } from '../components/watches.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate, formatPeriod } from '../format/dates.ts';
import { count } from '../format/labels.ts';
import type { View } from './view.ts';
import './overview.css';

const LATEST = 6;

/** The signed-in user's part of the page — their watches and what is new in them since the last visit. */
function personalSection(): HTMLElement | null {
  return watchSection();
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function latestProtocols(protocols: ProtocolSummary[]): HTMLElement {
  if (protocols.length === 0) return el('p', { class: 'empty' }, 'Arkivet har inga protokoll ännu.');
  return el(
    'ul',
    { class: 'latest-protocols' },
    ...protocols.map((p) =>
      el(
        'li',
        {},
        el('a', { attrs: { href: `/protokoll/${encodeURIComponent(p.id)}` } }, `${p.forvaltning ?? 'Förvaltning okänd'}, ${formatDate(p.date)}`),
        el('span', { class: 'muted' }, ` ${p.body ?? ''}`.trimEnd()),
        p.openQuestions > 0
          ? el('span', { class: 'muted' }, ' · ', el('a', { attrs: { href: urlFor('/fragor', { forvaltning: p.forvaltning, from: p.date, to: p.date, status: 'open' }) } }, count(p.openQuestions, 'öppen fråga', 'öppna frågor')))
          : null,
        p.synthetic ? ' ' : null,
        p.synthetic ? syntheticTag() : null,
      ),
    ),
  );
}

function openQuestions(rows: OpenQuestionsRow[], longWait: number): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, 'Inga öppna frågor i arkivet.');
  const openList = (forvaltning: string, extra: Record<string, string> = {}) => urlFor('/fragor', { forvaltning, status: 'open', ...extra });
  return dataTable<OpenQuestionsRow>('Öppna frågor per förvaltning', [
    { title: 'Förvaltning', value: (r) => r.forvaltning },
    { title: 'Öppna frågor', value: (r) => el('a', { attrs: { href: openList(r.forvaltning), 'aria-label': `${r.open} öppna frågor i ${r.forvaltning}` } }, r.open), numeric: true },
    {
      title: `Väntat fler än ${longWait} möten`,
      value: (r) =>
        el('a', { attrs: { href: openList(r.forvaltning, { waitedMoreThan: String(longWait) }), 'aria-label': `${r.waitedLong} frågor i ${r.forvaltning} som väntat fler än ${longWait} möten` } }, r.waitedLong),
      numeric: true,
    },
    {
      title: 'Äldsta öppna frågan',
      value: (r) =>
        r.oldest
          ? el(
              'span',
              {},
              el('a', { attrs: { href: urlFor(`/protokoll/${encodeURIComponent(r.oldest.protocolId)}`, { avsnitt: r.oldest.section }) } }, `${r.oldest.party ?? 'Okänd part'}, ${formatDate(r.oldest.date)}`),
              el('span', { class: 'oldest-text' }, r.oldest.text),
            )
          : '–',
    },
    { title: 'Balanslista', value: (r) => el('a', { attrs: { href: urlFor('/balanslista', { forvaltning: r.forvaltning }), 'aria-label': `Balanslista för ${r.forvaltning}` } }, 'Balanslista') },
  ], rows);
}

function risingTopics(overview: Overview): HTMLElement {
  const { quarter, baseline, topics } = overview.rising;
  if (!quarter || !baseline) return el('p', { class: 'empty' }, 'Inga daterade protokoll ännu.');
  const intro = el('p', { class: 'muted' }, `Andel protokoll som tar upp ämnet under ${formatPeriod(quarter)}, jämfört med ${formatPeriod(baseline)}.`);
  if (topics.length === 0) {
    return el('div', {}, intro, el('p', { class: 'empty' }, `Inget ämne tas upp i minst två protokoll under ${formatPeriod(quarter)} och oftare än året innan.`));
  }
  return el(
    'div',
    {},
    intro,
    el(
      'ul',
      { class: 'rising' },
      ...topics.slice(0, 8).map((t: RisingTopic) =>
        el(
          'li',
          {},
          el('a', { attrs: { href: urlFor('/trender', { topic: t.topic }) } }, t.label),
          ' ',
          el('span', { class: 'rise' }, `${percent(t.baselineShare)} → ${percent(t.share)}`),
          el(
            'span',
            { class: 'muted' },
            ` (${t.protocols} av ${count(t.total, 'protokoll', 'protokoll')} nu, ${t.baselineProtocols} av ${t.baselineTotal} året innan)`,
          ),
        ),
      ),
    ),
  );
}

function section(id: string, title: string, body: HTMLElement, more?: HTMLElement): HTMLElement {
  return el('section', { class: 'overview-part', attrs: { 'aria-labelledby': id } }, el('h2', { attrs: { id } }, title), body, more ?? null);
}

export function create(main: HTMLElement): View {
  const latest = el('div', {}, loading());
  const open = el('div', {}, loading());
  const rising = el('div', {}, loading());
  replace(
    main,
    el('h1', { attrs: { tabindex: '-1' } }, 'Översikt'),
    el('p', { class: 'lead' }, 'Det senaste i arkivet och frågorna som väntar på svar.'),
    personalSection(),
    el(
      'div',
      { class: 'overview-grid' },
      section('open-heading', 'Öppna frågor per förvaltning', open),
      section('latest-heading', 'Senaste protokollen', latest, el('p', {}, el('a', { attrs: { href: '/arkiv' } }, 'Alla protokoll i arkivet'))),
      section('rising-heading', 'Ämnen som ökar', rising, el('p', {}, el('a', { attrs: { href: '/trender' } }, 'Alla trender'))),
    ),
  );

  return {
    async update() {
      document.title = 'Översikt – Protokollarkivet';
      await Promise.all([
        api
          .protocols({ sort: 'date', order: 'desc', pageSize: LATEST })
          .then(({ protocols }) => replace(latest, latestProtocols(protocols.slice(0, LATEST))))
          .catch((error) => replace(latest, errorMessage('Protokollen kunde inte hämtas', error))),
        reports
          .overview()
          .then((overview) => {
            replace(open, openQuestions(overview.openQuestions, overview.longWaitMeetings));
            replace(rising, risingTopics(overview));
          })
          .catch((error) => {
            replace(open, errorMessage('Frågorna kunde inte hämtas', error));
            replace(rising);
          }),
      ]);
    },
  };
}
