// The attendance block before the first agenda item: who was present (employer side with roles, unions with their
// party), which organisations sent their apologies (Förhinder), and who chaired or kept the minutes when the list
// says so in a role ("Sektorchef, ordförande"). Lists come one person a line, as a two-column table (name | role,
// union), or inline after a label and wrapped over lines ("Arbetsgivare: Anna Berg (chef, ordförande), Olle Ek (HR)",
// "För arbetstagarna: Eva Lind, Lärarförbundet; Per Ek, Vision"). Protocols that begin mid-list keep only the
// visible names; a side that is not labelled is read from the role ("Vårdförbundet", a cut-off "Sveriges …").
import meeting from '../data/meeting.json' with { type: 'json' };
import type { Attendee, Line, Party } from '../model.ts';
import { readTwoSidedTable, type Side } from './attendance-table.ts';
import { canonicalParty, isConfederation, UNION_NAME_HEADS } from './parties.ts';

type Mode = 'employer' | 'union' | 'absent' | 'present' | 'skip';

export interface AttendanceList {
  attendees: Attendee[];
  absentParties: Party[];
  /** The attendee whose role says they chaired ("…, ordförande"), if any. */
  chair: string | null;
  /** The attendee whose role says they kept the minutes ("…, sekreterare"), if any. */
  secretary: string | null;
}

/**
 * One word of a person's name: capitalised, the rest lower case but for a part after a hyphen or apostrophe
 * ("Lindberg-Svärd", "O'Neill") — so a role in capitals ("HR-chef") or a heading ("MINNESANTECKNINGAR") is none.
 */
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{Ll}'’]*(?:-\p{Lu}\p{Ll}+)*`;
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}$`, 'u');
/** A person's full name as it starts an entry of an inline list: two to four name words. */
const FULL_NAME = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}$`, 'u');
/** "Yasmin Khoury HR-chef": a full name run into a role that no comma or cell separates from it. */
const NAME_THEN_ROLE = new RegExp(`^(${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}?)\\s+(?!${NAME_WORD}(?:\\s|,|$))(\\S.*)$`, 'u');
/** A part of a role that says which items someone attended ("punkt 5", "§ 4–6"), not what they do. */
const ITEMS_ATTENDED = /^(?:(?:under|vid|för)\s+)?(?:punkt|punkterna|§)\s*\d/iu;
/** A line this long, as a share of a full body line, runs to the margin: the list wraps onto the next line. */
const WRAPPED_SHARE = 0.8;

const COLUMNS = new Set(meeting.headers.columns);
const CHAIR = new Set(meeting.functions.chair);
const SECRETARY = new Set(meeting.functions.secretary);

/** Longest label, in words, that is read as a header by the words it contains rather than as listed. */
const MAX_LABEL_WORDS = 4;
/**
 * Longest heading line led by a word of presence ("Deltagare från de fackliga organisationerna") that is read by its
 * words without a colon: such a line names a group of attendees, not a person.
 */
const MAX_GROUP_HEADING_WORDS = 6;
const LABEL_WORDS: [Mode, string[]][] = [
  ['absent', meeting.headers.labelWords.absent],
  ['union', meeting.headers.labelWords.union],
  ['employer', meeting.headers.labelWords.employer],
];

/** A short label not listed as such, by the words it contains ("Närvarande för arbetstagarsidan"). */
function labelByWords(label: string, maxWords = MAX_LABEL_WORDS): Mode | null {
  const words = label.split(/\s+/);
  if (words.length > maxWords) return null;
  for (const [mode, beginnings] of LABEL_WORDS) if (words.some((w) => beginnings.some((b) => w.startsWith(b)))) return mode;
  return null;
}

/** The header a line or label stands for; `label` is true for the text before a colon ("Fackliga: …"). */
function headerOf(text: string, label = false): Mode | null {
  const key = text.toLowerCase().replace(/[:.]+$/, '').trim();
  const h = meeting.headers;
  if (h.present.includes(key)) return 'present';
  if (h.employer.includes(key)) return 'employer';
  if (h.union.includes(key)) return 'union';
  if (h.absent.includes(key)) return 'absent';
  if ([...h.time, ...h.place, ...h.other].includes(key)) return 'skip';
  const before = /^([^:]{2,30}):/.exec(text)?.[1].toLowerCase();
  if (before && [...h.time, ...h.place, ...h.other].includes(before)) return 'skip';
  if (label || /:\s*$/.test(text)) return labelByWords(key);
  if (!key.includes(',') && h.present.some((p) => key.startsWith(`${p} `))) return labelByWords(key, MAX_GROUP_HEADING_WORDS);
  return null;
}

const ABSENT_SENTENCE = new RegExp(`^(.+?)\\s+(?:${meeting.absentPredicates.join('|')})\\.?$`, 'iu');

/** "Kommunal har anmält förhinder.", "Vision och Ledarna deltar inte.": the parties a sentence says are absent. */
function absentInSentence(text: string): Party[] | null {
  const m = ABSENT_SENTENCE.exec(text);
  if (!m) return null;
  const parties = m[1].split(/,|\s+och\s+/).map((p) => canonicalParty(p));
  return parties.length > 0 && parties.every((p) => p !== null) ? (parties as Party[]) : null;
}

/** A label with its list on the same line: "Närvarande: Anna Berg, Olle Ek", "Förhinder: Ledarna". */
function inlineHeader(text: string): { mode: Mode; rest: string } | null {
  const m = /^([^:]{2,30}):\s*(.+)$/u.exec(text);
  const mode = m ? headerOf(m[1], true) : null;
  if (!m || !mode || mode === 'skip') return null;
  return { mode, rest: m[2] };
}

function startsNewEntry(text: string): boolean {
  return headerOf(text) !== null || /^[^:]{2,30}:/u.test(text);
}

/**
 * Whether the next line continues this one: it ends in a separator ("Louise Lindberg-Svärd," / "Vårdförbundet"),
 * leaves a parenthesis open, or runs to the right margin ("…; Hanna" / "Borg, Vision").
 */
function continues(text: string, fullLineChars: number | null): boolean {
  if (/[,;]$/.test(text)) return true;
  if ((text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0)) return true;
  return fullLineChars !== null && text.length >= fullLineChars * WRAPPED_SHARE;
}

/**
 * A line of the attendance block: its text, whether it is a table row (a row is one entry, never wrapped), and
 * the side a column of a two-sided table lists.
 */
interface ListLine {
  text: string;
  row: boolean;
  side?: Side;
}

function mergeContinuations(lines: ListLine[], fullLineChars: number | null): ListLine[] {
  const merged: ListLine[] = [];
  for (const line of lines) {
    const last = merged[merged.length - 1];
    const joins = last !== undefined && !last.row && !line.row && continues(last.text, fullLineChars) && !startsNewEntry(line.text);
    if (joins) merged[merged.length - 1] = { text: `${last.text} ${line.text}`, row: false };
    else merged.push(line);
  }
  return merged.flatMap((line) => segmentsOf(line.text).map((text) => ({ ...line, text })));
}

/**
 * A block written as running text ("Närvarande. Arbetsgivaren: Anna Berg (chef). Arbetstagarna: Kommunal – Olle
 * Ek.") in the pieces a list of lines would have: a sentence starts a new piece when it is a header or a label,
 * or follows one.
 */
function segmentsOf(text: string): string[] {
  const pieces: string[] = [];
  for (const sentence of text.split(/(?<=[.)])\s+(?=\p{Lu})/u)) {
    const last = pieces[pieces.length - 1];
    const opens = last === undefined || headerOf(last) !== null || headerOf(sentence) !== null || inlineHeader(sentence) !== null;
    if (opens) pieces.push(sentence);
    else pieces[pieces.length - 1] = `${last} ${sentence}`;
  }
  // A piece of running text ends in a full stop that no list line has.
  return pieces.length > 1 ? pieces.map((p) => p.replace(/\.$/u, '')) : pieces;
}

/** A header row naming the two sides ("Arbetsgivare | Fackliga organisationer"): which side each column lists. */
function sidesOfHeader(cells: string[]): [Side, Side] | null {
  const sides = cells.map((c) => headerOf(c, true));
  const [left, right] = sides;
  const isSide = (m: Mode | null): m is Side => m === 'employer' || m === 'union';
  return isSide(left) && isSide(right) && left !== right ? [left, right] : null;
}

/** The block's lines as list lines, the columns of a two-sided table read apart (see attendance-table.ts). */
function listLinesOf(lines: Line[]): ListLine[] {
  const listLines: ListLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = readTwoSidedTable(lines, i, sidesOfHeader, startsNewEntry);
    if (table) {
      listLines.push(...table.entries.map((e) => ({ text: e.text, row: true, side: e.side })));
      i = table.end - 1;
      continue;
    }
    const line = lines[i];
    // "[Tid | kl. 9–11]", "[Datum | Tid | Plats]": a row of the meeting's facts, not of people.
    if (line.cells && headerOf(line.cells[0], true) === 'skip') continue;
    // A table row reads as "name, role": its cells are what commas separate in running lists.
    listLines.push({ text: (line.cells ? line.cells.join(', ') : line.text).trim(), row: line.cells !== undefined });
  }
  return listLines;
}

/** Splits at a separator that stands outside parentheses. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * The entries of an inline list. Semicolons separate "Name, role" entries when the list uses them; otherwise
 * commas separate both entries and a person's role, so a new entry starts at each full name that is not a party
 * ("Anna Berg, chef, Olle Ek, Vision" → "Anna Berg, chef" and "Olle Ek, Vision").
 */
function entriesOf(text: string): string[] {
  const bySemicolon = splitOutside(text, ';');
  if (bySemicolon.length > 1) return bySemicolon;
  const entries: string[] = [];
  for (const fragment of splitOutside(text, ',')) {
    const person = FULL_NAME.test(fragment.replace(/\s*\(.*$/u, '')) && !canonicalParty(fragment);
    if (person || entries.length === 0) entries.push(fragment);
    else entries[entries.length - 1] += `, ${fragment}`;
  }
  return entries;
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

type MeetingFunction = 'chair' | 'secretary';

interface Listed {
  attendee: Attendee;
  function: MeetingFunction | null;
}

/**
 * The parts of a role: a union named among them ("Huvudskyddsombud, Vision"), a meeting function ("Sektorchef,
 * ordförande") and what remains as the role itself.
 */
function readRole(role: string): { role: string | null; party: Party | null; function: MeetingFunction | null } {
  let party: Party | null = null;
  let fn: MeetingFunction | null = null;
  const rest: string[] = [];
  // "avdelningschef (ordförande)" says the same as "avdelningschef, ordförande".
  for (const part of role.split(/[,()]/).map((p) => p.trim()).filter(Boolean)) {
    const key = part.toLowerCase();
    const named = canonicalParty(part);
    if (named && !party) party = named;
    else if (CHAIR.has(key)) fn = 'chair';
    else if (SECRETARY.has(key)) fn = 'secretary';
    else if (!ITEMS_ATTENDED.test(part) && !isConfederation(part)) rest.push(part);
  }
  return { role: rest.join(', ') || null, party, function: fn };
}

/** "Leif Sandberg – huvudskyddsombud, Lärarförbundet": a dash after the name says the same as a comma. */
function dashAsComma(entry: string): string {
  const m = /^([^,–—]+?)\s+[–—-]\s+(.+)$/u.exec(entry);
  return m && NAME.test(m[1]) && !canonicalParty(m[1]) ? `${m[1]}, ${m[2]}` : entry;
}

function personWithRole(entry: string, mode: Mode): Listed | null {
  // "Anna Berg (Vision)" says the same as "Anna Berg, Vision".
  const text = dashAsComma(entry).replace(/^([^,(]+?)\s*\(([^)]+)\)\s*$/u, '$1, $2');
  const trailing = text.includes(',') ? null : trailingParty(text);
  if (trailing) return { attendee: trailing, function: null };
  const [rawName, ...rest] = text.split(',');
  const runIn = FULL_NAME.test(rawName.trim()) ? null : NAME_THEN_ROLE.exec(rawName.trim());
  const name = runIn ? runIn[1] : rawName.trim();
  if (!NAME.test(name) || canonicalParty(name)) return null;
  const { role, party, function: fn } = readRole([...(runIn ? [runIn[2]] : []), ...rest].join(','));
  const listed = (attendee: Attendee): Listed => ({ attendee, function: fn });
  if (party === 'Arbetsgivaren') return listed({ name, side: 'arbetsgivare', party: null, role });
  if (party) return listed({ name, side: 'fack', party, role });
  const headWord = role?.split(/\s+/)[0].toLowerCase() ?? '';
  if (role && UNION_NAME_HEADS.has(headWord) && role.split(/\s+/).length === 1) return listed({ name, side: 'fack', party: null, role: null });
  if (mode === 'union') return listed({ name, side: 'fack', party: null, role });
  if (!role && !fn && mode !== 'employer') return null;
  return listed({ name, side: 'arbetsgivare', party: null, role });
}

/**
 * "Sekreterare: Ida Karlsson, HR-konsult", "Ordförande: Anna Berg": a meeting function as a label names an
 * attendee (employer side unless a union is named) who may not be in the lists above.
 */
function functionLabelled(text: string): { attendee: Attendee; function: MeetingFunction } | null {
  const m = /^([^:]{2,30}):\s*(.+)$/u.exec(text);
  const key = m?.[1].trim().toLowerCase() ?? '';
  const fn: MeetingFunction | null = CHAIR.has(key) ? 'chair' : SECRETARY.has(key) ? 'secretary' : null;
  const person = m && fn ? personWithRole(m[2], 'employer') : null;
  return person && fn ? { attendee: person.attendee, function: fn } : null;
}

function partyList(text: string): Attendee[] | null {
  // "Kommunal – Bengt Olsson, Sabina Kovač; Vision – Linda Ahl": several unions' lists in a row.
  const lists = text.split(';').map((t) => t.trim().replace(/\.$/, ''));
  if (lists.length > 1) {
    const each = lists.map(onePartyList);
    if (each.every((l) => l !== null)) return each.flatMap((l) => l ?? []);
  }
  return onePartyList(text);
}

function onePartyList(text: string): Attendee[] | null {
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

/** A table row of column headings ("Namn | Funktion/organisation"): the table's header, not a person. */
function isColumnHeader(line: Line): boolean {
  return line.cells !== undefined && COLUMNS.has(line.cells[0].trim().toLowerCase());
}

/**
 * Reads the attendance block from the lines before the first agenda item; `title` lines are skipped.
 * `fullLineChars` — the length of a full body line — lets a list wrapped at the right margin be joined up.
 */
export function parseAttendance(lines: Line[], isTitle: (line: Line) => boolean, fullLineChars: number | null = null): AttendanceList {
  const list: AttendanceList = { attendees: [], absentParties: [], chair: null, secretary: null };
  const add = (listed: Listed): void => {
    list.attendees.push(listed.attendee);
    if (listed.function) list[listed.function] ??= listed.attendee.name;
  };
  let mode: Mode = 'present';
  const listLines = listLinesOf(lines.filter((l) => !isTitle(l) && !isColumnHeader(l)));
  // People named by a function label ("Sekreterare: …"), added after the lists unless a list names them too.
  const byFunction: { attendee: Attendee; function: MeetingFunction }[] = [];
  for (const { text: line, side } of mergeContinuations(listLines, fullLineChars)) {
    if (side) mode = side;
    const labelled = functionLabelled(line);
    if (labelled) {
      byFunction.push(labelled);
      continue;
    }
    const header = headerOf(line);
    if (header) {
      // "Plats: Rum 3" skips its own line; "Plats:" alone skips the lines below it.
      if (header !== 'skip' || !/:\s*\S/u.test(line)) mode = header;
      continue;
    }
    const absent = absentInSentence(line);
    if (absent) {
      for (const party of absent) if (!list.absentParties.includes(party)) list.absentParties.push(party);
      continue;
    }
    const inline = inlineHeader(line);
    if (inline) mode = inline.mode;
    const text = inline ? inline.rest : line;
    if (mode === 'skip') continue;
    if (mode === 'absent') {
      for (const item of text.split(/,|\s+och\s+/)) {
        const party = canonicalParty(item) ?? canonicalParty(item.split(/\s+/).slice(-2).join(' '));
        if (party && !list.absentParties.includes(party)) list.absentParties.push(party);
      }
      continue;
    }
    const names = inline ? text.split(/,|\s+och\s+/).map((n) => n.trim()) : [];
    if (names.length > 1 && names.every((n) => NAME.test(n) && !canonicalParty(n))) {
      const side = mode === 'union' ? 'fack' : 'arbetsgivare';
      for (const name of names) add({ attendee: { name, side, party: null, role: null }, function: null });
      continue;
    }
    const listed = partyList(text);
    if (listed) {
      for (const attendee of listed) add({ attendee, function: null });
      continue;
    }
    // Several people on one line: an inline list, or entries closed by a parenthesis or a semicolon.
    const several = inline !== null || /;|\)\s*,/.test(text);
    for (const entry of several ? entriesOf(text) : [text]) {
      const person = personWithRole(entry, mode);
      if (person) add(person);
    }
  }
  for (const labelled of byFunction) {
    const known = list.attendees.find((a) => a.name === labelled.attendee.name);
    if (known) list[labelled.function] ??= known.name;
    else add(labelled);
  }
  return list;
}
