// Small labels that recur on every page: a party badge in the party's colour, a question-status badge,
// topic tags, the marker for synthetic (generated) protocols and the one for protocols whose text OCR read.
import { el } from '../dom.ts';
import { partyColour } from '../format/parties.ts';
import { currentStatusLabel, questionStatusLabel } from '../format/labels.ts';
import { urlFor } from '../router.ts';

export function partyBadge(party: string | null | undefined): HTMLElement {
  const badge = el('span', { class: 'badge party-badge' }, party ?? 'Okänd part');
  badge.style.setProperty('--party', partyColour(party));
  return badge;
}

/** Status as parsed in one meeting (answered / deferred / unanswered). */
export function questionStatusBadge(status: string): HTMLElement {
  return el('span', { class: `badge status status-${status}` }, questionStatusLabel(status));
}

/** Status of a question across meetings (open / answered / answered later). */
export function currentStatusBadge(status: string): HTMLElement {
  return el('span', { class: `badge status current-${status}` }, currentStatusLabel(status));
}

export function syntheticTag(): HTMLElement {
  return el(
    'span',
    { class: 'badge synthetic', attrs: { title: 'Genererat exempelprotokoll, inte ett verkligt protokoll' } },
    'Syntetiskt',
  );
}

/** Marks a protocol whose text was read from scanned pages by OCR: its words may be misread. */
export function ocrTag(): HTMLElement {
  return el(
    'span',
    { class: 'badge ocr', attrs: { title: 'Protokollet är inskannat och texten tolkad med OCR: enstaka ord kan vara fellästa' } },
    'Text tolkad med OCR',
  );
}

/** A topic tag that links to a search filtered on the topic. */
export function topicTag(id: string, label: string): HTMLElement {
  return el('a', { class: 'tag', attrs: { href: urlFor('/sok', { topic: id }) } }, label);
}
