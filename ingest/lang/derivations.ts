// Derived forms of a word from the endings in derivations.json: the noun of a verb and the verb of a noun
// ("anställa" → "anställning", "rekrytering" → "rekrytera"), so a query finds text that words it the other way.
import data from './derivations.json' with { type: 'json' };

/** Words shorter than this are not derived from: their endings are too often not endings. */
const MIN_WORD = 6;
/** What must remain of a word once its ending is taken off. */
const MIN_STEM = 4;

/**
 * The word's derived forms, each formed by swapping one ending for its pair.
 * @example derivedForms('anställa') // ['anställning', 'anställing']
 */
export function derivedForms(word: string): string[] {
  if (word.length < MIN_WORD) return [];
  const forms = new Set<string>();
  for (const [verb, noun] of data.verbNoun) {
    for (const [from, to] of [[verb, noun], [noun, verb]]) {
      const stem = word.slice(0, word.length - from.length);
      if (word.endsWith(from) && stem.length >= MIN_STEM) forms.add(stem + to);
    }
  }
  forms.delete(word);
  return [...forms];
}
