// Query planning: turns what a user typed into groups of index terms, all groups required. Each word is looked
// up as it is; a word the archive lacks is first split as a compound into known parts and otherwise corrected
// to the nearest archive spelling. Abbreviations and long forms become their synonym group's term.
import { analyze } from '../../ingest/lang/analysis.ts';
import { normalize } from '../../ingest/lang/swedish.ts';
import { matchKey } from '../../ingest/lang/terms.ts';
import { parseQuery } from './query.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One required concept: any of its alternatives, each alternative a set of terms that must all match. */
export interface TermGroup {
  alternatives: string[][];
}

export interface QueryPlan {
  groups: TermGroup[];
  /** Phrases the section text must contain in this order (inflected forms allowed). */
  phrases: string[];
  /** Every term that counts as a match, for highlighting. */
  terms: Set<string>;
  corrections: Array<{ from: string; to: string }>;
}

export function planQuery(query: string, vocabulary: Vocabulary): QueryPlan {
  const parsed = parseQuery(query);
  const words = analyze(parsed.text, vocabulary.splitter, false);
  const groups: TermGroup[] = [];
  const corrections: QueryPlan['corrections'] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    const synonym = word.synonyms[0];
    if (synonym) {
      let end = i + 1;
      while (end < words.length && words[end].synonyms.includes(synonym)) end++;
      // Every section with a variant of the group carries its term, so the literal words only add
      // something when the archive lacks them and they expand to compounds or a correction.
      const literal = words.slice(i, end).filter((w) => !w.stopword);
      const alternatives = [[synonym]];
      if (literal.length === 1 && !vocabulary.hasTerm(literal[0].keys[0])) {
        alternatives.push(...groupForWord(normalize(literal[0].raw), literal[0].keys[0], vocabulary, corrections).alternatives);
      }
      groups.push({ alternatives });
      i = end;
      continue;
    }
    i++;
    if (word.stopword) continue;
    groups.push(groupForWord(normalize(word.raw), word.keys[0], vocabulary, corrections));
  }
  const terms = new Set(groups.flatMap((g) => g.alternatives.flat()));
  return { groups, phrases: parsed.phrases, terms, corrections };
}

function groupForWord(
  word: string,
  key: string,
  vocabulary: Vocabulary,
  corrections: QueryPlan['corrections'],
): TermGroup {
  if (vocabulary.hasTerm(key)) {
    const common = vocabulary.commonSpelling(word);
    return { alternatives: common ? [[key], [matchKey(common)]] : [[key]] };
  }
  const partKeys = vocabulary.splitter.partKeys(word);
  if (partKeys && partKeys.every((k) => vocabulary.hasTerm(k))) return { alternatives: [partKeys] };
  const compounds = vocabulary.compoundsStartingWith(word);
  if (compounds.length > 0) return { alternatives: compounds.map((c) => [matchKey(c)]) };
  const corrected = vocabulary.correct(word, key);
  if (corrected) {
    corrections.push({ from: word, to: corrected.word });
    return { alternatives: [[corrected.term]] };
  }
  return { alternatives: [[key]] };
}
