// "Quoted phrases": the words in this order with only spaces or punctuation between them; each word may carry
// an inflectional ending ("hot och våldet" matches "hot och våld"), and case does not matter. The literal
// forms (as typed, and capitalised) let most sections be confirmed by a byte search without decoding text.
import { wordSpans } from '../../ingest/lang/terms.ts';

export interface PhraseMatcher {
  /** The phrase as typed with single spaces, lower-case and capitalised. */
  literals: string[];
  matches(text: string): boolean;
}

export function phraseMatcher(phrase: string): PhraseMatcher {
  const words = wordSpans(phrase).map((w) => w.word);
  if (words.length === 0) return { literals: [], matches: () => true };
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[\\p{L}\\p{N}]*[^\\p{L}\\p{N}]+')}`, 'iu');
  const lower = words.join(' ');
  return { literals: [lower, lower[0].toUpperCase() + lower.slice(1)], matches: (text) => pattern.test(text) };
}
