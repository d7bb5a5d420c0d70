// The page for URLs that match no view.
import { el, replace } from '../dom.ts';
import type { View } from './view.ts';

export function create(main: HTMLElement): View {
  return {
    async update() {
      document.title = 'Sidan finns inte – Protokollarkivet';
      replace(
        main,
        el('h1', { attrs: { tabindex: '-1' } }, 'Sidan finns inte'),
        el('p', {}, 'Adressen leder inte till någon sida. ', el('a', { attrs: { href: '/sok' } }, 'Gå till sökningen'), '.'),
      );
    },
  };
}
