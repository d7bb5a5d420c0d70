// Balanslista: the open questions a förvaltningsgrupp carries to its next meeting, as HR prepares them — for one
// förvaltning (and body), each question with who asked, when, and every meeting since with what was said,
// grouped by party or topic. Printable on A4 (balance-list.css hides everything but the list) and downloadable
// as a Word file to paste into the kallelse.
// URL: /balanslista?forvaltning=&body=&by=party|topic&meeting=YYYY-MM-DD
import { el, replace, replaceKeepingFocus } from '../dom.ts';
import { api } from '../api/client.ts';
import { reports, type BalanceAnswer, type BalanceItem } from '../api/reports.ts';
import { current, navigate, urlFor, type Route } from '../router.ts';
import { labelledInput, labelledSelect } from '../components/fields.ts';
import { partyBadge, questionStatusBadge } from '../components/badges.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate } from '../format/dates.ts';
import { count, questionKindLabel } from '../format/labels.ts';
import type { View } from './view.ts';
import './balance-list.css';

const KEYS = ['forvaltning', 'body', 'by', 'meeting'] as const;
type BalanceState = Record<(typeof KEYS)[number], string>;

function stateOf(route: Route): BalanceState {
  return Object.fromEntries(KEYS.map((key) => [key, route.query.get(key) ?? ''])) as BalanceState;
}

function protocolLink(protocolId: string, section: string, text: string): HTMLElement {
  return el('a', { attrs: { href: urlFor(`/protokoll/${encodeURIComponent(protocolId)}`, { avsnitt: section }) } }, text);
}

function item(question: BalanceItem, by: string): HTMLElement {
  return el(
    'li',
    { class: 'balance-item' },
    el(
      'p',
      { class: 'balance-head' },
      by === 'topic' ? partyBadge(question.party) : null,
      el('span', {}, `${questionKindLabel(question.kind)}, ställd `),
      protocolLink(question.asked.protocolId, question.asked.section, formatDate(question.asked.date)),
      el('span', {}, ` under § ${question.asked.section} ${question.asked.sectionTitle}`),
    ),
    el('p', { class: 'balance-text' }, question.text),
    question.firstReply ? el('p', { class: 'balance-reply' }, el('em', {}, 'Svar vid mötet: '), question.firstReply) : null,
    question.since.length === 0
      ? el('p', { class: 'muted' }, 'Inte tagen upp vid något senare möte.')
      : el(
          'div',
          {},
          el('p', { class: 'balance-since' }, `Tagen upp vid ${count(question.since.length, 'möte', 'möten')} sedan:`),
          el(
            'ol',
            { class: 'balance-steps' },
            ...question.since.map((step) =>
              el(
                'li',
                {},
                el('span', { class: 'balance-step-head' }, protocolLink(step.protocolId, step.section, `${formatDate(step.date)}, § ${step.section}`), ' ', questionStatusBadge(step.status)),
                step.raised ? el('span', { class: 'balance-said' }, step.raised) : null,
                step.reply ? el('span', { class: 'balance-said' }, el('em', {}, 'Svar: '), step.reply) : null,
              ),
            ),
          ),
        ),
  );
}

function sheet(list: BalanceAnswer): HTMLElement {
  return el(
    'article',
    { class: 'balance-sheet', attrs: { 'aria-labelledby': 'balance-heading' } },
    el('h2', { attrs: { id: 'balance-heading' } }, list.heading),
    el(
      'p',
      { class: 'balance-meta' },
      el('strong', {}, 'Förvaltning: '),
      list.forvaltning,
      list.body ? el('span', {}, ' · ', el('strong', {}, 'Organ: '), list.body) : null,
      ' · ',
      el('strong', {}, 'Upprättad: '),
      formatDate(new Date().toISOString().slice(0, 10)),
    ),
    el('p', {}, list.total === 0 ? 'Inga öppna frågor.' : `${count(list.total, 'öppen fråga', 'öppna frågor')}.`),
    ...list.groups.map((group, i) =>
      el(
        'section',
        { class: 'balance-group', attrs: { 'aria-labelledby': `balance-group-${i}` } },
        el('h3', { attrs: { id: `balance-group-${i}` } }, `${group.name} (${group.items.length})`),
        el('ol', { class: 'balance-items' }, ...group.items.map((q) => item(q, list.by))),
      ),
    ),
  );
}

export function create(main: HTMLElement): View {
  const controls = el('div', { class: 'no-print' });
  const actions = el('div', { class: 'no-print' });
  const output = el('div', { attrs: { 'aria-live': 'polite' } });
  replace(
    main,
    el('h1', { attrs: { tabindex: '-1' }, class: 'no-print' }, 'Balanslista'),
    el('p', { class: 'lead no-print' }, 'De öppna frågorna som förs vidare till nästa möte i förvaltningsgruppen, med vad som sagts om dem sedan de ställdes.'),
    controls,
    actions,
    output,
  );
  let ticket = 0;

  return {
    async update(route) {
      const mine = ++ticket;
      const state = stateOf(route);
      document.title = 'Balanslista – Protokollarkivet';
      const set = (key: keyof BalanceState) => (value: string) =>
        navigate(urlFor('/balanslista', { ...stateOf(current()), ...(key === 'forvaltning' ? { body: '' } : {}), [key]: value }));
      replace(output, loading('Hämtar öppna frågor …'));
      try {
        const [facets, list] = await Promise.all([api.facets(), state.forvaltning ? reports.balance({ ...state }) : Promise.resolve(null)]);
        if (mine !== ticket) return;
        replaceKeepingFocus(
          controls,
          el(
            'form',
            { class: 'controls', attrs: { 'aria-label': 'Urval för balanslistan' }, on: { submit: (e) => e.preventDefault() } },
            labelledSelect('Förvaltning', 'forvaltning', [['', 'Välj förvaltning'], ...facets.forvaltning.map((f): [string, string] => [f.value, f.value])], state.forvaltning, set('forvaltning')),
            labelledSelect('Organ', 'body', [['', 'Alla organ'], ...(list?.bodies ?? []).map((b): [string, string] => [b, b])], state.body, set('body')),
            labelledSelect('Gruppera efter', 'by', [['party', 'Part'], ['topic', 'Ämne']], state.by || 'party', set('by')),
            labelledInput('Inför mötet den', 'meeting', 'date', state.meeting || list?.meeting || '', set('meeting')),
          ),
        );
        if (!list) {
          replace(actions);
          replace(output, el('p', { class: 'empty' }, 'Välj en förvaltning för att se dess balanslista.'));
          return;
        }
        replace(
          actions,
          el(
            'p',
            { class: 'balance-actions' },
            el('button', { attrs: { type: 'button' }, on: { click: () => window.print() } }, 'Skriv ut'),
            el('a', { class: 'button', attrs: { href: reports.balanceDocxUrl({ ...state }), download: '' } }, 'Ladda ner som Word'),
          ),
        );
        replace(output, sheet(list));
      } catch (error) {
        if (mine === ticket) replace(output, errorMessage('Balanslistan kunde inte hämtas', error));
      }
    },
  };
}
