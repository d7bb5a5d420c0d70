// The attendance block before the first agenda item: who was present (employer side with roles, unions with their
// party) and which organisations sent their apologies (Förhinder). Protocols that begin mid-list keep only the
// visible names; a side that is not labelled is read from the role ("Vårdförbundet", a cut-off "Sveriges …").
import meeting from '../data/meeting.json' with { type: 'json' };
import type { Attendee, Line, Party } from '../model.ts';
import { canonicalParty, UNION_NAME_HEADS } from './parties.ts';

type Mode = 'employer' | 'union' | 'absent' | 'present' | 'skip';

export interface AttendanceList {
  attendees: Attendee[];
  absentParties: Party[];
}

const NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}$/u;

function headerOf(text: string): Mode | null {
  const key = text.toLowerCase().replace(/[:.]+$/, '').trim();
  const h = meeting.headers;
  if (h.present.includes(key)) return 'present';
  if (h.employer.includes(key)) return 'employer';
  if (h.union.includes(key)) return 'union';
  if (h.absent.includes(key)) return 'absent';
  if ([...h.time, ...h.place, ...h.other].includes(key)) return 'skip';
  const label = /^([^:]{2,30}):/.exec(text)?.[1].toLowerCase();
  if (label && [...h.time, ...h.place, ...h.other].includes(label)) return 'skip';
  return null;
}

/** A label with its list on the same line: "Närvarande: Anna Berg, Olle Ek", "Förhinder: Ledarna". */
function inlineHeader(text: string): { mode: Mode; rest: string } | null {
  const m = /^([^:]{2,30}):\s*(.+)$/u.exec(text);
  const mode = m ? headerOf(m[1]) : null;
  if (!m || !mode || mode === 'skip') return null;
  return { mode, rest: m[2] };
}

/** A line ending in a comma continues on the next ("Louise Lindberg-Svärd," / "Vårdförbundet"). */
function mergeContinuations(texts: string[]): string[] {
  const merged: string[] = [];
  for (const text of texts) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.endsWith(',') && !headerOf(text)) merged[merged.length - 1] = `${last} ${text}`;
    else merged.push(text);
  }
  return merged;
}

/** "Anna Berg Vision", "Olle Ek Sveriges Lärare": a name followed by a union without a comma. */
function trailingParty(text: string): Attendee | null {
  const words = text.split(/\s+/);
  for (const k of [2, 1]) {
    const name = words.slice(0, -k).join(' ');
    const party = canonicalParty(words.slice(-k).join(' '));
    if (words.length > k && party && party !== 'Arbetsgivaren' && NAME.test(name)) return { name, side: 'fack', party, role: null };
  }
  return null;
}

function personWithRole(line: string, mode: Mode): Attendee | null {
  // "Anna Berg (Vision)" says the same as "Anna Berg, Vision".
  const text = line.replace(/^([^,(]+?)\s*\(([^)]+)\)\s*$/u, '$1, $2');
  const trailing = text.includes(',') ? null : trailingParty(text);
  if (trailing) return trailing;
  const [rawName, ...rest] = text.split(',');
  const name = rawName.trim();
  if (!NAME.test(name) || canonicalParty(name)) return null;
  const role = rest.join(',').trim() || null;
  const party = role ? canonicalParty(role) : null;
  if (party) return { name, side: party === 'Arbetsgivaren' ? 'arbetsgivare' : 'fack', party: party === 'Arbetsgivaren' ? null : party, role: null };
  const headWord = role?.split(/\s+/)[0].toLowerCase() ?? '';
  if (role && UNION_NAME_HEADS.has(headWord) && role.split(/\s+/).length === 1) return { name, side: 'fack', party: null, role: null };
  if (mode === 'union') return { name, side: 'fack', party: null, role };
  if (!role && mode !== 'employer') return null;
  return { name, side: 'arbetsgivare', party: null, role };
}

function partyList(text: string): Attendee[] | null {
  // "Kommunal: Anna Berg, Olle Ek" or "Kommunal – Anna Berg".
  const m = /^([^:]{2,40}?)(?::|\s[–-])\s*(.+)$/u.exec(text);
  const party = m ? canonicalParty(m[1]) : null;
  if (!m || !party) return null;
  const side = party === 'Arbetsgivaren' ? 'arbetsgivare' : 'fack';
  return m[2]
    .split(/,|\s+och\s+/)
    .map((n) => n.trim().replace(/\.$/, ''))
    .filter((n) => NAME.test(n))
    .map((name) => ({ name, side, party: side === 'fack' ? party : null, role: null }));
}

/** Reads the attendance block from the lines before the first agenda item; `title` lines are skipped. */
export function parseAttendance(lines: Line[], isTitle: (line: Line) => boolean): AttendanceList {
  const attendees: Attendee[] = [];
  const absentParties: Party[] = [];
  let mode: Mode = 'present';
  // A table row reads as "name, role": its cells are what commas separate in running lists.
  const texts = lines.filter((l) => !isTitle(l)).map((l) => (l.cells ? l.cells.join(', ') : l.text).trim());
  for (const line of mergeContinuations(texts)) {
    const header = headerOf(line);
    if (header) {
      mode = header;
      continue;
    }
    const inline = inlineHeader(line);
    if (inline) mode = inline.mode;
    const text = inline ? inline.rest : line;
    if (mode === 'skip') continue;
    if (mode === 'absent') {
      for (const item of text.split(/,|\s+och\s+/)) {
        const party = canonicalParty(item) ?? canonicalParty(item.split(/\s+/).slice(-2).join(' '));
        if (party && !absentParties.includes(party)) absentParties.push(party);
      }
      continue;
    }
    const names = inline ? text.split(/,|\s+och\s+/).map((n) => n.trim()) : [];
    if (names.length > 1 && names.every((n) => NAME.test(n) && !canonicalParty(n))) {
      const side = mode === 'union' ? 'fack' : 'arbetsgivare';
      attendees.push(...names.map((name) => ({ name, side, party: null, role: null }) as Attendee));
      continue;
    }
    const listed = partyList(text);
    if (listed) {
      attendees.push(...listed);
      continue;
    }
    const person = personWithRole(text, mode);
    if (person) attendees.push(person);
  }
  return { attendees, absentParties };
}
