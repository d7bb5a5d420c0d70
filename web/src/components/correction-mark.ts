// "rättad av NAME": the mark on a value a person corrected, with the parser's value and the note one click away.
import { el } from '../dom.ts';
import { formatDate } from '../format/dates.ts';
import { questionStatusLabel } from '../format/labels.ts';
import type { QuestionCorrection } from '../../../ingest/store/corrections-apply.ts';
import './corrections.css';

export function correctionMark(by: string, at: string, original: string, note: string | null): HTMLElement {
  return el(
    'details',
    { class: 'correction-mark' },
    el('summary', {}, `rättad av ${by}`),
    el('p', {}, original),
    note ? el('p', {}, `Notering: ${note}`) : null,
    el('p', { class: 'muted' }, `Rättad ${formatDate(at.slice(0, 10))}`),
  );
}

export function questionCorrectionMark(correction: QuestionCorrection | null | undefined): HTMLElement | null {
  if (!correction) return null;
  const original = correction.originalStatus === null
    ? 'Frågan fanns inte i tolkningen; den lades till för hand.'
    : `Tolkningen av protokollet: ${questionStatusLabel(correction.originalStatus)}.`;
  return correctionMark(correction.by, correction.at, original, correction.note);
}
