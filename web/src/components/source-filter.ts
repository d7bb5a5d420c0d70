// The "Källa" filter shared by Sök, Frågor and Arkiv: all protocols, real ones only, or the generated ones that
// fill out the demo archive. With counts (Sök) it is a group of radio buttons, so every choice and its count is
// in view and the long "Genererade (syntetiska) (123)" wraps instead of being cut off in the narrow filter
// panel; without counts (the filter bars of Frågor and Arkiv) it is a select like its neighbours.
import { el } from '../dom.ts';
import type { FacetValue } from '../api/types.ts';
import { count, sourceLabel, SOURCES } from '../format/labels.ts';

const hits = (n: number) => count(n, 'träff', 'träffar');
import { labelledSelect } from './fields.ts';

const ANY = 'Alla protokoll';

export function sourceSelect(selected: string, onChange: (value: string) => void): HTMLElement {
  const options: Array<[string, string]> = [['', ANY], ...SOURCES.map((source): [string, string] => [source, sourceLabel(source)])];
  return labelledSelect('Källa', 'source', options, selected, onChange);
}

/**
 * Both sources always, with their counts: "Verkliga protokoll (0 träffar)" says as much as a count does. The
 * counts are of hits (sections), like the result count, so they say "träffar": "Verkliga protokoll (74)" for
 * four protocols read as if the archive held 74 real protocols.
 */
export function sourceChoices(selected: string, counts: FacetValue[], onChange: (value: string) => void): HTMLElement {
  const counted = new Map(counts.map(({ value, count }) => [value, count]));
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  const choice = (value: string, text: string) => {
    const id = `f-source-${value || 'all'}`;
    return el(
      'div',
      { class: 'choice' },
      el('input', {
        attrs: { type: 'radio', name: 'source', id, value, checked: value === selected },
        on: { change: () => onChange(value) },
      }),
      el('label', { attrs: { for: id } }, text),
    );
  };
  return el(
    'fieldset',
    { class: 'field choices' },
    el('legend', {}, 'Källa'),
    choice('', `${ANY} (${hits(total)})`),
    ...SOURCES.map((source) => choice(source, `${sourceLabel(source)} (${hits(counted.get(source) ?? 0)})`)),
  );
}
