// Renders text with highlighted ranges as text nodes and <mark> elements — never as HTML — so the ranges of
// the search API and of the local term matcher can be shown safely over any document text.
import { el } from '../dom.ts';

/** `text` with each [start, end) range wrapped in <mark>; overlapping or out-of-range ranges are tolerated. */
export function highlighted(text: string, ranges: ReadonlyArray<readonly [number, number]>): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const sorted = [...ranges]
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) fragment.append(document.createTextNode(text.slice(at, from)));
    fragment.append(el('mark', {}, text.slice(from, end)));
    at = end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}
