// Paging links for result lists. They are plain links to the same view with another `page`, so each page of
// results has its own URL.
import { el } from '../dom.ts';

export function pager(total: number, page: number, pageSize: number, hrefFor: (page: number) => string): HTMLElement | null {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const link = (target: number, text: string, label: string) =>
    target < 1 || target > pages
      ? el('span', { class: 'pager-off', attrs: { 'aria-hidden': 'true' } }, text)
      : el('a', { attrs: { href: hrefFor(target), 'aria-label': label } }, text);
  return el(
    'nav',
    { class: 'pager', attrs: { 'aria-label': 'Sidor' } },
    link(page - 1, '← Föregående', 'Föregående sida'),
    el('span', { attrs: { 'aria-current': 'page' } }, `Sida ${page} av ${pages}`),
    link(page + 1, 'Nästa →', 'Nästa sida'),
  );
}
