// "Quoted phrases": the words in this order with only spaces or punctuation between them; each word may carry
// an inflectional ending ("hot och våldet" matches "hot och våld"), and case does not matter.
import { wordSpans } from '../../ingest/lang/terms.ts';

export function phraseMatcher(phrase: string): (text: string) => boolean {
  const words = wordSpans(phrase).map((w) => w.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return () => true;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\p{L}\\p{N}]*[^\\p{L}\\p{N}]+')}`, 'iu');
  return (text) => pattern.test(text);
}
