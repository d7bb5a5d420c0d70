// Swedish compound splitting against a vocabulary: "korttidssjukfrånvaron" → kort|tids|sjuk|frånvaron,
// "friskfaktorsinventering" → friskfaktors|inventering, "våldsincidenten" → vålds|incidenten.
// The vocabulary is the archive's own words (plus the seed parts in compound-parts.json), so the splitter
// learns the domain's compounds from the documents instead of from a dictionary we would have to ship.
import seed from './compound-parts.json' with { type: 'json' };
import { isStopword, normalize } from './swedish.ts';
import { matchKey } from './terms.ts';

/** Parts shorter than this are too ambiguous to trust ("in", "av", "ta"). */
const MIN_PART = 3;
/** Words shorter than this are not split at all. */
const MIN_WORD = 6;
/** An unknown last part must be at least this long to be trusted after a linking -s-. */
const MIN_UNKNOWN_HEAD = 4;

export class CompoundSplitter {
  private readonly words = new Set<string>();
  private readonly keys = new Set<string>();
  private readonly cache = new Map<string, Part[] | null>();
  /** Grows whenever the vocabulary does, so callers caching what the splitter said know to forget it. */
  version = 0;

  /** @param vocabulary surface words (normalised) that may serve as parts of compounds. */
  constructor(vocabulary: Iterable<string> = []) {
    for (const part of seed.parts) this.learn(part);
    for (const word of vocabulary) this.learn(word);
  }

  /** Adds a word to the vocabulary (e.g. from a newly ingested protocol). */
  learn(word: string): void {
    const normalized = normalize(word);
    if (normalized.length < MIN_PART || isStopword(normalized) || !/^\p{L}+$/u.test(normalized)) return;
    if (this.words.has(normalized)) return;
    this.words.add(normalized);
    this.keys.add(matchKey(normalized));
    this.cache.clear();
    this.version++;
  }

  /**
   * The parts of a compound as written, linking -s- kept on the part it follows, or null when the word is
   * not a compound of known words. Prefers the split with the fewest parts, then splits those parts again.
   * @example splitter.split('korttidssjukfrånvaron') // ['kort', 'tids', 'sjuk', 'frånvaron']
   */
  split(word: string): string[] | null {
    const parts = this.parts(normalize(word));
    return parts && parts.map((p) => p.written);
  }

  /** Matching keys of the word's parts, without linking -s-; null when it is not a compound. */
  partKeys(word: string): string[] | null {
    const parts = this.parts(normalize(word));
    return parts && parts.map((p) => matchKey(p.bare));
  }

  /**
   * Matching keys of the word's parts and of every run of adjacent parts, without the whole word itself:
   * "korttidssjukfrånvaron" gives kort, tid, sjuk, frånvaro, korttid, sjukfrånvaro, tidssjukfrånvaro …
   */
  subterms(word: string): string[] {
    const parts = this.parts(normalize(word));
    if (!parts) return [];
    const terms = new Set<string>();
    for (let from = 0; from < parts.length; from++) {
      let run = '';
      for (let to = from; to < parts.length; to++) {
        const last = parts[to];
        if (!(from === 0 && to === parts.length - 1)) terms.add(matchKey(run + last.bare));
        run += last.written;
      }
    }
    return [...terms];
  }

  private parts(word: string): Part[] | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const parts = this.computeParts(word);
    this.cache.set(word, parts);
    return parts;
  }

  private computeParts(word: string): Part[] | null {
    if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return null;
    const best = this.fewestParts(word, 0, false, new Map())?.parts;
    if (!best || best.length < 2) return null;
    return best.flatMap((part) => {
      const inner = this.computeParts(part.bare);
      if (!inner) return [part];
      const last = inner[inner.length - 1];
      inner[inner.length - 1] = { written: last.written + part.written.slice(part.bare.length), bare: last.bare };
      return inner;
    });
  }

  /**
   * Fewest known parts covering word[from…]; the last part may be inflected, earlier ones may carry -s-.
   * After a linking -s- the last part may also be a word the archive lacks, if it is long enough: the -s-
   * itself says "compound" ("vålds|incidenten" in an archive that never writes "incident" alone). Such a
   * guess costs half a part more, so a split into known words wins a tie.
   */
  private fewestParts(word: string, from: number, afterLinkingS: boolean, memo: Map<string, Split | null>): Split | null {
    const memoKey = `${from}:${afterLinkingS}`;
    if (memo.has(memoKey)) return memo.get(memoKey)!;
    let best: Split | null = null;
    const rest = word.slice(from);
    if (from > 0 && this.isHead(rest)) best = { parts: [{ written: rest, bare: rest }], cost: 1 };
    else if (from > 0 && afterLinkingS && rest.length >= MIN_UNKNOWN_HEAD) best = { parts: [{ written: rest, bare: rest }], cost: 1.5 };
    for (let end = word.length - MIN_PART; end >= from + MIN_PART; end--) {
      const modifier = this.asModifier(word.slice(from, end));
      if (!modifier) continue;
      const tail = this.fewestParts(word, end, modifier.written !== modifier.bare, memo);
      if (tail && (!best || tail.cost + 1 < best.cost)) best = { parts: [modifier, ...tail.parts], cost: tail.cost + 1 };
    }
    memo.set(memoKey, best);
    return best;
  }

  /** Whether a word the archive uses (in any inflection) could end a compound. */
  isHead(piece: string): boolean {
    return piece.length >= MIN_PART && (this.words.has(piece) || this.keys.has(matchKey(piece)));
  }

  /** A known word, or a known word followed by the linking -s- ("tids", "friskfaktors", "våldsincident"). */
  private asModifier(piece: string): Part | null {
    if (this.words.has(piece)) return { written: piece, bare: piece };
    const bare = piece.slice(0, -1);
    if (piece.endsWith('s') && bare.length >= MIN_PART && this.isKnownModifier(bare)) return { written: piece, bare };
    return null;
  }

  /** Before a linking -s- an inflected form's base counts too ("friskfaktors" when only "friskfaktorer" occurs). */
  private isKnownModifier(bare: string): boolean {
    return this.words.has(bare) || (bare.length >= 5 && this.keys.has(matchKey(bare)));
  }
}

interface Split {
  parts: Part[];
  cost: number;
}

/** One part of a compound: as written (with a linking -s-) and bare (without it). */
interface Part {
  written: string;
  bare: string;
}
