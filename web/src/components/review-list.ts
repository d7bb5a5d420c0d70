// "Att granska" in Arkiv: corrections still in effect whose record a re-parse no longer has (or whose protocol
// left the archive). Each links to its protocol; a redaktör can undo it there or here.
import { el, replace } from '../dom.ts';
import { apiUrl } from '../api/client.ts';
import { canCorrect, send } from '../auth/session.ts';
import { formatDate } from '../format/dates.ts';
import './corrections.css';

interface ReviewItem {
  id: number;
  protocolId: string;
  field: string;
  author: string;
  createdAt: string;
  note: string | null;
  reason: 'protocol gone' | 'record gone after re-parse';
}

const REASON: Record<ReviewItem['reason'], string> = {
  'protocol gone': 'protokollet finns inte längre i arkivet',
  'record gone after re-parse': 'den nya tolkningen saknar det som rättades',
};

export function reviewList(): HTMLElement {
  const section = el('section', { class: 'review', attrs: { 'aria-labelledby': 'review-heading' } }, el('h2', { attrs: { id: 'review-heading' } }, 'Att granska'));
  const body = el('div', {}, el('p', { class: 'muted' }, 'Hämtar …'));
  section.append(body);
  const load = async () => {
    const [response, editable] = await Promise.all([fetch(apiUrl('/corrections/review')), canCorrect()]);
    if (!response.ok) return replace(body, el('p', { class: 'muted' }, 'Listan kunde inte hämtas.'));
    const { review } = (await response.json()) as { review: ReviewItem[] };
    if (review.length === 0) return replace(body, el('p', { class: 'muted' }, 'Inga rättelser att granska: alla gäller något som finns i protokollen.'));
    replace(
      body,
      el(
        'ul',
        { class: 'review-list' },
        ...review.map((item) =>
          el(
            'li',
            {},
            el('a', { attrs: { href: `/protokoll/${encodeURIComponent(item.protocolId)}` } }, `Protokoll ${item.protocolId}`),
            `: rättelse ${item.id} (${item.field}) av ${item.author}, ${formatDate(item.createdAt.slice(0, 10))} – ${REASON[item.reason]}.`,
            item.note ? ` Notering: ${item.note}` : null,
            editable
              ? el('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => void send('POST', `/corrections/${item.id}/undo`, { note: 'Granskad: gäller inte längre' }).then(load) } }, ' Ångra rättelsen')
              : null,
          ),
        ),
      ),
    );
  };
  void load();
  return section;
}
