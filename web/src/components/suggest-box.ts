// The search box: a text input that offers archive terms as you type (ARIA combobox with a listbox),
// usable with the keyboard — arrows move through suggestions, Enter picks one or searches, Escape closes.
import { el } from '../dom.ts';
import { api } from '../api/client.ts';

export interface SuggestBox {
  form: HTMLFormElement;
  input: HTMLInputElement;
  setValue(value: string): void;
}

const DEBOUNCE_MS = 150;

/** Words already typed stay; the suggestion replaces the last, unfinished word. */
function withSuggestion(value: string, suggestion: string): string {
  const head = value.replace(/\S*$/, '');
  return `${head}${suggestion}`;
}

export function suggestBox(onSearch: (query: string) => void): SuggestBox {
  const input = el('input', {
    attrs: {
      id: 'q',
      name: 'q',
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'q-suggestions',
      placeholder: 't.ex. sjukfrånvaro, lönekartläggning',
    },
  });
  const list = el('ul', { class: 'suggestions', attrs: { id: 'q-suggestions', role: 'listbox', 'aria-label': 'Förslag' } });
  list.hidden = true;

  let suggestions: string[] = [];
  let active = -1;
  let pending: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const pick = (suggestion: string) => {
    input.value = withSuggestion(input.value, suggestion);
    close();
    onSearch(input.value.trim());
  };

  const show = () => {
    list.replaceChildren(
      ...suggestions.map((text, i) =>
        el(
          'li',
          {
            attrs: { id: `q-suggestion-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false' },
            // mousedown, not click: it fires before the input loses focus and closes the list.
            on: { mousedown: (event) => (event.preventDefault(), pick(text)) },
          },
          text,
        ),
      ),
    );
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', `q-suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const fetchSuggestions = async () => {
    const prefix = /\S*$/.exec(input.value)?.[0] ?? '';
    pending?.abort();
    if (prefix.length < 2) {
      suggestions = [];
      close();
      return;
    }
    pending = new AbortController();
    try {
      const result = await api.suggest(prefix, pending.signal);
      suggestions = result.suggestions.slice(0, 8);
      active = -1;
      if (document.activeElement === input) show();
    } catch {
      // Suggestions are a convenience: when they fail (or are aborted by the next keystroke) the box still searches.
      suggestions = [];
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return close();
    if (list.hidden || suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Positions run from -1 (the typed text itself) through the last suggestion, wrapping around.
      let next = active + step;
      if (next >= suggestions.length) next = -1;
      if (next < -1) next = suggestions.length - 1;
      active = next;
      show();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]);
    }
  });

  const form = el(
    'form',
    {
      class: 'search-form',
      attrs: { role: 'search' },
      on: {
        submit: (event) => {
          event.preventDefault();
          close();
          onSearch(input.value.trim());
        },
      },
    },
    el('label', { attrs: { for: 'q' } }, 'Sökord'),
    el('div', { class: 'search-row' }, el('div', { class: 'combobox' }, input, list), el('button', { attrs: { type: 'submit' } }, 'Sök')),
  );

  return {
    form,
    input,
    setValue(value: string) {
      if (input.value !== value) input.value = value;
    },
  };
}
