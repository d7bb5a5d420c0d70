// The "Källa" filter shared by Sök, Frågor and Arkiv: all protocols, real ones only, or the generated ones that
// fill out the demo archive. Both choices are always offered, with counts where the page has them:
// "Verkliga protokoll (0)" says as much as a count does.
import type { FacetValue } from '../api/types.ts';
import { sourceLabel, SOURCES } from '../format/labels.ts';
import { labelledSelect } from './fields.ts';

export function sourceFilter(selected: string, onChange: (value: string) => void, counts?: FacetValue[]): HTMLElement {
  const counted = new Map(counts?.map(({ value, count }) => [value, count]));
  const text = (source: string) => (counts ? `${sourceLabel(source)} (${counted.get(source) ?? 0})` : sourceLabel(source));
  const options: Array<[string, string]> = [['', 'Alla protokoll'], ...SOURCES.map((source): [string, string] => [source, text(source)])];
  return labelledSelect('Källa', 'source', options, selected, onChange);
}
