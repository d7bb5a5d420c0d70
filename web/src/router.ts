// The client-side router: maps URLs to views on the History API, so every view has a shareable URL and
// back/forward work. Clicks on same-origin links are handled here instead of reloading the page.

export type ViewName = 'overview' | 'search' | 'protocol' | 'trends' | 'questions' | 'balance' | 'archive' | 'notFound';

export interface Route {
  view: ViewName;
  /** Path parameters, e.g. `{ id }` for /protokoll/:id. */
  params: Record<string, string>;
  query: URLSearchParams;
}

const PATTERNS: Array<[RegExp, ViewName, string[]]> = [
  [/^\/$/, 'overview', []],
  [/^\/sok\/?$/, 'search', []],
  [/^\/protokoll\/([^/]+)\/?$/, 'protocol', ['id']],
  [/^\/trender\/?$/, 'trends', []],
  [/^\/fragor\/?$/, 'questions', []],
  [/^\/balanslista\/?$/, 'balance', []],
  [/^\/arkiv\/?$/, 'archive', []],
];

/** Resolves a path and query string to a route; unknown paths resolve to the not-found view. */
export function resolve(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  for (const [pattern, view, names] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    return { view, params, query };
  }
  return { view: 'notFound', params: {}, query };
}

type Listener = (route: Route) => void;
let listener: Listener = () => undefined;

/** Goes to `url` (path + query) and renders it; `replace` rewrites the current history entry instead. */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listener(current());
}

export function current(): Route {
  return resolve(location.pathname, location.search);
}

/** A URL for `path` with the non-empty entries of `query`. */
export function urlFor(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Starts listening to link clicks and history moves; calls `onRoute` now and on every change. */
export function startRouter(onRoute: Listener): void {
  listener = onRoute;
  window.addEventListener('popstate', () => listener(current()));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    // API links (PDF, CSV) are real downloads, not views.
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    if (url.pathname + url.search === location.pathname + location.search) return;
    navigate(url.pathname + url.search);
  });
  listener(current());
}
