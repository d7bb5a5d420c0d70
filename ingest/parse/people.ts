// Who belongs to which party: a directory of people named in the protocol, gathered from every place a protocol
// ties a name to a party — the attendance list, "Vision: Mimmi Petrini", "Carin Trygg Monvall (Akademikerförbundet SSR)",
// signature lines "Carl Korch för SACO". Used to attribute "Carl Korch undrar …" to Saco.
import type { Attendee, Line, Party } from '../model.ts';
import { canonicalParty } from './parties.ts';

export type Directory = Map<string, Party>;

const NAME = String.raw`\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,3}`;
const LABELLED = new RegExp(`^([^:]{2,40}):\\s*(.+)$`, 'u');
const PARENTHESISED = new RegExp(`(${NAME})\\s*\\(([^)]{2,40})\\)`, 'gu');
const SIGNED_FOR = new RegExp(`(${NAME})\\s+för\\s+([\\p{L}/ -]{2,40}?)(?=\\s+\\p{Lu}\\p{Ll}+\\s+\\p{Lu}|\\s*\\(|$)`, 'gu');

function add(directory: Directory, name: string, party: Party | null): void {
  const clean = name.trim().replace(/[,.]$/, '');
  if (party && clean && !canonicalParty(clean)) directory.set(clean, party);
}

export function buildDirectory(attendees: Attendee[], lines: Line[]): Directory {
  const directory: Directory = new Map();
  // Employer-side attendees speak for the employer ("Lee avslutade mötet").
  for (const a of attendees) {
    if (a.party) directory.set(a.name, a.party);
    else if (a.side === 'arbetsgivare') directory.set(a.name, 'Arbetsgivaren');
  }
  for (const { text } of lines) {
    const labelled = LABELLED.exec(text);
    const labelParty = labelled ? canonicalParty(labelled[1]) : null;
    if (labelled && labelParty) for (const name of labelled[2].split(/,|\soch\s/)) add(directory, name, labelParty);
    for (const m of text.matchAll(PARENTHESISED)) add(directory, m[1], canonicalParty(m[2]));
    for (const m of text.matchAll(SIGNED_FOR)) add(directory, m[1], canonicalParty(m[2]));
  }
  return directory;
}

/** The party of a named person, by full name or, failing that, by a unique first name ("Lars avslutade mötet"). */
export function partyOfPerson(directory: Directory, name: string): Party | null {
  if (directory.has(name)) return directory.get(name) ?? null;
  const first = name.split(/\s+/)[0];
  const matches = [...directory].filter(([n]) => n.split(/\s+/)[0] === first);
  return matches.length === 1 ? matches[0][1] : null;
}
