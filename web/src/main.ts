// Entry point: starts the router and swaps views in <main> as the URL changes. Views are loaded on demand so
// the search page does not wait for the chart and PDF libraries.
import './styles.css';
import { startRouter, type Route, type ViewName } from './router.ts';
import type { View, ViewFactory } from './views/view.ts';
import { replace } from './dom.ts';
import { errorMessage } from './components/messages.ts';
import { mountAccountMenu } from './components/account-menu.ts';
import { mountNewSinceBadge } from './components/watches.ts';

const VIEWS: Record<ViewName, () => Promise<{ create: ViewFactory }>> = {
  overview: () => import('./views/overview.ts'),
  search: () => import('./views/search.ts'),
  protocol: () => import('./views/protocol.ts'),
  trends: () => import('./views/trends.ts'),
  questions: () => import('./views/questions.ts'),
  balance: () => import('./views/balance-list.ts'),
  archive: () => import('./views/archive.ts'),
  notFound: () => import('./views/not-found.ts'),
};

/** Which main-menu entry a view belongs to (the protocol page belongs to search). */
const MENU: Record<ViewName, string> = {
  overview: 'overview',
  search: 'search',
  protocol: 'search',
  trends: 'trends',
  questions: 'questions',
  balance: 'balance',
  archive: 'archive',
  notFound: '',
};

const main = document.getElementById('main') as HTMLElement;
let active: { name: ViewName; key: string; view: View } | undefined;
let navigation = 0;

function markMenu(name: ViewName): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-header nav a')) {
    if (link.dataset.view === MENU[name]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function show(route: Route): Promise<void> {
  const ticket = ++navigation;
  // A protocol page is rebuilt for another protocol, but only updated when its query (section, page) changes.
  const key = `${route.view}:${route.params.id ?? ''}`;
  markMenu(route.view);
  if (active?.key === key) {
    await active.view.update(route);
    return;
  }
  try {
    const module = await VIEWS[route.view]();
    if (ticket !== navigation) return;
    active?.view.destroy?.();
    const view = module.create(main);
    active = { name: route.view, key, view };
    window.scrollTo(0, 0);
    await view.update(route);
    // Move focus into the new page (its heading, unless the view chose a target itself, like a section) so
    // keyboard and screen-reader users start there rather than on a link of the page that is gone. Not on the
    // first page loaded: there the reader starts at the top, with the skip link and the menu.
    if (ticket === navigation && ticket > 1 && !main.contains(document.activeElement)) {
      main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    }
  } catch (error) {
    replace(main, errorMessage('Sidan kunde inte visas', error));
  }
}

mountAccountMenu(document.querySelector<HTMLElement>('.site-header')!);
mountNewSinceBadge(document.querySelector<HTMLElement>('.site-header nav')!);
startRouter((route) => void show(route));
