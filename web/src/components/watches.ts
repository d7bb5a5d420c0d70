// Bevakningar in the page: the "Bevaka den här sökningen" button on Sök (it shows the watch's feed address, once),
// the signed-in user's watches with what is new since last seen on Översikt, and the "Nytt sedan sist" count in
// the menu. Protocol text from the server is only ever set as text (el() makes text nodes), never as markup.
import { el, replace } from '../dom.ts';
import { getJson } from '../api/client.ts';
import { onSessionChange, send, session } from '../auth/session.ts';
import { formatDate } from '../format/dates.ts';
import { errorMessage } from './messages.ts';
import './watches.css';

interface WatchHit {
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  title: string | null;
}

interface ListedWatch {
  id: number;
  title: string;
  newHits: number;
  hits: WatchHit[];
}

interface WatchList {
  watches: ListedWatch[];
  newHits: number;
}

/** "Bevaka den här sökningen": saves the search with its filters; the feed address is shown this once. */
export function watchButton(query: string, filters: Record<string, string>): HTMLElement {
  const slot = el('div', { class: 'watch-this' });
  void session().then((s) => {
    if (!s) return;
    const status = el('div', { attrs: { role: 'status' } });
    const button = el('button', {
      attrs: { type: 'button' },
      on: {
        click: () => {
          button.disabled = true;
          const chosen = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
          send<{ feedUrl: string }>('POST', '/watches', { query, filters: chosen })
            .then((answer) => {
              const feed = el('input', { attrs: { id: 'watch-feed-url', readonly: true, value: answer?.feedUrl ?? '', size: 40 } });
              replace(
                status,
                el('p', {}, 'Sökningen bevakas. Nya protokoll som matchar visas under Nytt sedan sist på Översikt.'),
                el('label', { attrs: { for: 'watch-feed-url' } }, 'Din personliga flödesadress (Atom) — spara den nu, den visas bara en gång:'),
                ' ',
                feed,
              );
              void refreshNewCount();
            })
            .catch((error: unknown) => {
              button.disabled = false;
              replace(status, errorMessage('Bevakningen kunde inte sparas', error));
            });
        },
      },
    }, 'Bevaka den här sökningen');
    replace(slot, button, status);
  });
  return slot;
}

function hitItem(hit: WatchHit): HTMLElement {
  const name = [hit.forvaltning ?? 'Förvaltning okänd', formatDate(hit.date), hit.title].filter(Boolean).join(', ');
  return el('li', {}, el('a', { attrs: { href: `/protokoll/${encodeURIComponent(hit.protocolId)}` } }, name));
}

function watchItem(watch: ListedWatch, reload: () => void): HTMLElement {
  const act = (method: 'POST' | 'DELETE', path: string) => () => {
    send(method, path).then(reload, () => reload());
  };
  const shown = watch.hits.slice(0, Math.max(watch.newHits, 3));
  return el(
    'li',
    { class: 'watch' },
    el('strong', {}, watch.title),
    ' ',
    el('span', { class: watch.newHits > 0 ? 'watch-new' : 'muted' }, watch.newHits > 0 ? `${watch.newHits} ${watch.newHits === 1 ? 'ny' : 'nya'}` : 'inget nytt'),
    shown.length > 0 ? el('ul', {}, ...shown.map(hitItem)) : null,
    el(
      'div',
      { class: 'watch-actions' },
      watch.newHits > 0 ? el('button', { attrs: { type: 'button' }, on: { click: act('POST', `/watches/${watch.id}/seen`) } }, 'Markera som sett') : null,
      ' ',
      el('button', { attrs: { type: 'button', 'aria-label': `Ta bort bevakningen ${watch.title}` }, on: { click: act('DELETE', `/watches/${watch.id}`) } }, 'Ta bort'),
    ),
  );
}

/** Översikt's personal part: the user's watches, with what is new since last seen. Empty when signed out. */
export function watchSection(): HTMLElement {
  const section = el('section', { class: 'personal', attrs: { 'aria-labelledby': 'watches-heading' } });
  const load = () => {
    void session().then(async (s) => {
      if (!s) return replace(section);
      try {
        const list = await getJson<WatchList>('/watches');
        replace(
          section,
          el('h2', { attrs: { id: 'watches-heading' } }, `Nytt sedan sist (${list.newHits})`),
          list.watches.length === 0
            ? el('p', { class: 'muted' }, 'Du har inga bevakningar. Sök och välj "Bevaka den här sökningen" för att få veta när nya protokoll matchar.')
            : el('ul', { class: 'watch-list' }, ...list.watches.map((w) => watchItem(w, load))),
          el('p', { class: 'muted' }, 'Flödesadressen (Atom) för en bevakning visas bara när den skapas. Tar du bort bevakningen slutar flödet att fungera.'),
        );
        updateBadge(list.newHits);
      } catch (error) {
        replace(section, errorMessage('Bevakningarna kunde inte läsas', error));
      }
    });
  };
  load();
  return section;
}

let badge: HTMLElement | undefined;

function updateBadge(count: number): void {
  if (!badge) return;
  replace(badge, count > 0 ? el('a', { attrs: { href: '/' } }, `Nytt sedan sist (${count})`) : '');
}

async function refreshNewCount(): Promise<void> {
  if (!(await session())) return updateBadge(0);
  try {
    updateBadge((await getJson<WatchList>('/watches')).newHits);
  } catch {
    // The count is a convenience; the watches themselves say what went wrong on Översikt.
  }
}

/** The "Nytt sedan sist" count in the main menu, for signed-in users with new hits. */
export function mountNewSinceBadge(nav: HTMLElement): void {
  badge = el('li', { class: 'new-since' });
  nav.querySelector('ul')?.append(badge);
  onSessionChange(() => void refreshNewCount());
  void refreshNewCount();
}
