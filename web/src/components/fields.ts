// Labelled form controls for the filter bars: every control gets a visible label tied to it by id.
import { el } from '../dom.ts';
import { dateField } from './date-field.ts';

/** A labelled `<select>`; options are [value, text] pairs, the first usually meaning "any". */
export function labelledSelect(
  label: string,
  name: string,
  options: Array<[string, string]>,
  selected: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = `f-${name}`;
  const select = el(
    'select',
    { attrs: { id, name }, on: { change: () => onChange(select.value) } },
    ...options.map(([value, text]) => el('option', { attrs: { value, selected: value === selected } }, text)),
  );
  return el('div', { class: 'field' }, el('label', { attrs: { for: id } }, label), select);
}

/** A labelled `<input>`; a `date` one is a Swedish date field (components/date-field.ts). */
export function labelledInput(
  label: string,
  name: string,
  type: string,
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  if (type === 'date') return dateField(label, name, value, onChange);
  const id = `f-${name}`;
  const input = el('input', { attrs: { id, name, type, value }, on: { change: () => onChange(input.value) } });
  return el('div', { class: 'field' }, el('label', { attrs: { for: id } }, label), input);
}
