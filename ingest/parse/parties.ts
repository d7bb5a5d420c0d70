// Party names: canonicalising the many ways protocols write a party (SSR, SACO, Saco/Akavia, "Svergies lärare",
// AG, förvaltningen …) from the data in ingest/data/parties.json, and finding which party a sentence starts with.
import data from '../data/parties.json' with { type: 'json' };
import type { Party, Side } from '../model.ts';

interface Alias {
  party: Party;
  pattern: RegExp;
  length: number;
}

const SIDE = new Map<Party, Side>(data.parties.map((p) => [p.name as Party, p.side as Side]));

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alias in capitals only (SSR, AG) is an acronym: "ag" or "ssr" inside ordinary text must not match it. */
function aliasPattern(alias: string, anchored: boolean): RegExp {
  const flags = /^[\p{Lu}\d-]+$/u.test(alias) ? 'u' : 'iu';
  const body = escape(alias).replace(/ /g, '\\s+');
  // A genitive s ("Kommunals", "Arbetsgivarens") still names the party.
  return new RegExp(`${anchored ? '^' : '(?<![\\p{L}\\d])'}${body}s?(?![\\p{L}\\d])`, flags);
}

function buildAliases(anchored: boolean): Alias[] {
  const aliases = data.parties.flatMap((p) =>
    p.aliases.map((a) => ({ party: p.name as Party, pattern: aliasPattern(a, anchored), length: a.length })),
  );
  // Longest first, so "Akademikerförbundet SSR" wins over "Akademikerförbundet" and "Saco/Akavia" over "Saco".
  return aliases.sort((a, b) => b.length - a.length);
}

const ANCHORED = buildAliases(true);
/** Global forms, for finding every occurrence; compiled once (partiesIn runs on every sentence of every protocol). */
const ANYWHERE = buildAliases(false).map((a) => ({ ...a, pattern: new RegExp(a.pattern.source, `${a.pattern.flags}g`) }));
const COLLECTIVE = new RegExp(`^(${data.collectives.fack.map(escape).join('|')})(?![\\p{L}])`, 'iu');

const CONFEDERATIONS = data.confederations.map(escape).join('|');
/** "TCO, Vision", "LO/Kommunal", "Vision (TCO)": the union with its central organisation before or after it. */
const WITH_CONFEDERATION = new RegExp(`^(?:${CONFEDERATIONS})(?:\\s*[,/–-]\\s*|\\s+)(.+)$|^(.+?)\\s*\\((?:${CONFEDERATIONS})\\)$`, 'u');
const CONFEDERATION = new RegExp(`^(?:${CONFEDERATIONS})$`, 'u');

/** Whether a word names a central organisation (TCO, LO, Saco) rather than a role. */
export function isConfederation(text: string): boolean {
  return CONFEDERATION.test(text.trim());
}

export function sideOf(party: Party): Side {
  return SIDE.get(party) ?? 'fack';
}

/** The canonical party a name stands for, or null: "SACO" → "Saco", "Svergies lärare" → "Sveriges Lärare". */
export function canonicalParty(name: string): Party | null {
  const text = name.trim().replace(/[:.,–-]+$/, '').trim();
  for (const alias of ANCHORED) {
    const m = alias.pattern.exec(text);
    if (m && m[0].length === text.length) return alias.party;
  }
  const union = WITH_CONFEDERATION.exec(text);
  return union ? canonicalParty(union[1] ?? union[2]) : null;
}

/** The party a text begins with ("SSR undrar …", "Arbetsgivarens svar: …") and how many characters name it. */
export function leadingParty(text: string): { party: Party; length: number } | null {
  for (const alias of ANCHORED) {
    const m = alias.pattern.exec(text);
    if (m) return { party: alias.party, length: m[0].length };
  }
  return null;
}

/** True when a text begins with a subject that speaks for all unions at once ("De fackliga organisationerna …"). */
export function startsWithUnionCollective(text: string): boolean {
  return COLLECTIVE.test(text);
}

/** Every party named in a text, in order of appearance (each alias occurrence once). */
export function partiesIn(text: string): { party: Party; index: number }[] {
  const found: { party: Party; index: number; end: number }[] = [];
  for (const alias of ANYWHERE) {
    for (const m of text.matchAll(alias.pattern)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue; // inside a longer alias already found
      found.push({ party: alias.party, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ party, index }) => ({ party, index }));
}

/** First words of multi-word union names ("Sveriges", "Akademikerförbundet"): a role cut after such a word is a union. */
export const UNION_NAME_HEADS: Set<string> = new Set(
  data.parties
    .filter((p) => p.side === 'fack')
    .flatMap((p) => p.aliases)
    .filter((a) => a.includes(' '))
    .map((a) => a.split(' ')[0].toLowerCase()),
);
