// The Frågor page's search box: a question in one's own words ("vad har arbetsgivaren svarat om hot mot personal
// i hemtjänsten?"), answered with the questions on that matter and their answers, closest first.
import { el } from '../dom.ts';
import './similar-questions.css';

export function askBox(value: string, onAsk: (text: string) => void): HTMLElement {
  const input = el('input', {
    attrs: {
      id: 'f-ask',
      name: 'q',
      type: 'search',
      value,
      placeholder: 'Till exempel: vad har arbetsgivaren svarat om hot mot personal i hemtjänsten?',
    },
  });
  return el(
    'form',
    {
      class: 'ask-box',
      attrs: { role: 'search', 'aria-label': 'Har frågan ställts förut?' },
      on: {
        submit: (event) => {
          event.preventDefault();
          onAsk(input.value.trim());
        },
      },
    },
    el('div', { class: 'field' }, el('label', { attrs: { for: 'f-ask' } }, 'Har frågan ställts förut? Skriv den med egna ord'), input),
    el('button', { attrs: { type: 'submit' } }, 'Sök bland frågor och svar'),
  );
}
