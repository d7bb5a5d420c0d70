// A date field that shows and accepts Swedish dates, ÅÅÅÅ-MM-DD, whatever the browser's locale: a text input
// rather than <input type="date">, whose display follows the browser (an English browser shows MM/DD/YYYY).
// It also takes a month (ÅÅÅÅ-MM, which the API reads as the whole month) and forgiving forms like 20240312 or
// 2024-3-5, and says in words what is wrong with anything else instead of sending it.
import { el } from '../dom.ts';
import { swedishDate } from '../format/date-input.ts';
import './date-field.css';

/** A labelled date field; `onChange` gets "YYYY-MM-DD", "YYYY-MM" or "" once what was typed is a date. */
export function dateField(label: string, name: string, value: string, onChange: (value: string) => void): HTMLElement {
  const id = `f-${name}`;
  const hintId = `${id}-hint`;
  const problem = el('span', { class: 'field-problem', attrs: { id: `${id}-problem`, 'aria-live': 'polite' } });
  const input = el('input', {
    attrs: {
      id,
      name,
      type: 'text',
      value,
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: 'ÅÅÅÅ-MM-DD',
      size: 11,
      'aria-describedby': hintId,
    },
    on: {
      change: () => {
        const date = swedishDate(input.value);
        if (date === null) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', `${hintId} ${id}-problem`);
          problem.textContent = `”${input.value}” är inget datum. Skriv till exempel 2024-03-12.`;
          return;
        }
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', hintId);
        problem.textContent = '';
        input.value = date;
        onChange(date);
      },
    },
  });
  return el(
    'div',
    { class: 'field date-field' },
    el('label', { attrs: { for: id } }, label),
    input,
    el('span', { class: 'visually-hidden', attrs: { id: hintId } }, 'Datum som ÅÅÅÅ-MM-DD'),
    problem,
  );
}
