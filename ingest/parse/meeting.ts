// Meeting facts: förvaltning (from the letterhead, title or text), body kind, date (stated in the title or under
// Tidpunkt, else inferred from deadlines and the next meeting), place, who chaired and who kept the minutes.
import meetingData from '../data/meeting.json' with { type: 'json' };
import type { Line, Meeting } from '../model.ts';
import { findDayMonth, findIsoDate, inferMonth, isoDate, type DayMonth } from './dates.ts';

export interface MeetingSources {
  /** The document title (largest bold line before the first item), if any. */
  title: string | null;
  /** Running headers/footers and other furniture lines, page 1 first: the letterhead. */
  furniture: Line[];
  /** Lines of an e-signature log: their dates tell when the protocol was signed, not when the meeting was. */
  signingLog?: Line[];
  /** Lines before the first agenda item. */
  preamble: Line[];
  /** The whole body as one text. */
  text: string;
  /** The attendance list: who attended, and whom it names as chair and secretary in their roles ("Sektorchef, ordförande"). */
  listed?: { attendees: readonly { name: string }[]; chair: string | null; secretary: string | null };
}

const KNOWN = meetingData.forvaltningar;
const SUFFIX = new RegExp(`(\\p{Lu}[\\p{L}-]+?)s?\\s+(?:${meetingData.suffixes.join('|')})(?![\\p{L}])`, 'u');
/**
 * A fackförvaltning: one word ("Socialförvaltningen") or joined parts ("Vård- och omsorgsförvaltningen", "Kultur-,
 * fritids- och idrottsförvaltningen"), with a district qualifier when the name ends there ("Socialförvaltningen
 * Centrum," in a letterhead — not "Socialförvaltningen har …").
 */
const FACK = new RegExp(
  String.raw`(?<![\p{L}])((?:\p{Lu}\p{Ll}+-,?\s+(?:\p{Ll}+-,?\s+)*och\s+\p{Ll}+|\p{Lu}\p{Ll}+)(?:${meetingData.fackforvaltningEndings.join('|')}))(?![\p{L}])` +
    String.raw`(?:\s+(\p{Lu}\p{Ll}+)(?=\s*(?:$|[,|])))?`,
  'u',
);
/**
 * A letterhead line that is only a unit's name, in any case and perhaps with its abbreviation: "skol- och
 * fritidsförvaltningen", "Individ- och familjeomsorgen (IFO)". Standing alone in the letterhead it is the förvaltning.
 */
const LETTERHEAD_UNIT = new RegExp(
  String.raw`^((?:\p{L}\p{Ll}+-,?\s+(?:\p{Ll}+-,?\s+)*och\s+\p{Ll}+|\p{L}\p{Ll}+)(?:${[...meetingData.fackforvaltningEndings, ...meetingData.letterheadUnitEndings].join('|')}))` +
    String.raw`(?:\s*\([\p{Lu}\d]{2,8}\))?$`,
  'u',
);
/** Words that follow a förvaltning's name in a letterhead without qualifying it ("Äldreförvaltningen Protokoll"). */
const NOT_QUALIFIERS = [...meetingData.protocolWords, ...meetingData.bodies];

function canonicalForvaltning(name: string): string {
  const known = KNOWN.find((k) => k.toLowerCase() === name.toLowerCase() || `${k.toLowerCase()}s` === name.toLowerCase());
  return known ?? name;
}

function forvaltningIn(text: string): string | null {
  const suffixed = SUFFIX.exec(text);
  if (suffixed) return canonicalForvaltning(suffixed[1]);
  const fack = FACK.exec(text);
  if (!fack || /^stadsdels/i.test(fack[1])) return null;
  const qualifier = fack[2] && !NOT_QUALIFIERS.some((w) => fack[2].toLowerCase().startsWith(w)) ? fack[2] : null;
  return qualifier ? `${canonicalForvaltning(fack[1])} ${qualifier}` : canonicalForvaltning(fack[1]);
}

function letterheadUnit(text: string): string | null {
  const name = LETTERHEAD_UNIT.exec(text.trim())?.[1];
  return name ? canonicalForvaltning(name[0].toUpperCase() + name.slice(1)) : null;
}

/** Letterhead first (it names the protocol's own förvaltning), then title and preamble; body text last. */
function findForvaltning(s: MeetingSources): string | null {
  // A letterhead row's columns are read apart: "Socialförvaltningen Centrum | Sid 1 av 2".
  const texts = (lines: Line[]): string[] => lines.flatMap((l) => l.cells ?? [l.text]);
  for (const text of texts(s.furniture)) {
    const found = forvaltningIn(text) ?? letterheadUnit(text);
    if (found) return found;
  }
  for (const text of [s.title ?? '', ...texts(s.preamble)]) {
    const found = forvaltningIn(text);
    if (found) return found;
  }
  const counts = new Map<string, number>();
  for (const k of KNOWN) {
    const n = s.text.split(new RegExp(`(?<![\\p{L}])${k}s?(?![\\p{L}])`, 'iu')).length - 1;
    if (n > 0) counts.set(k, n);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const BODY_ABBREVIATIONS = Object.entries(meetingData.bodyAbbreviations).map(
  ([abbreviation, body]) => [new RegExp(`(?<![\\p{L}])${abbreviation}(?![\\p{L}])`, 'u'), body] as const,
);

function findBody(s: MeetingSources): string | null {
  const headText = `${s.title ?? ''} ${s.furniture.map((l) => l.text).join(' ')}`;
  const head = headText.toLowerCase();
  const inHead = meetingData.bodies.find((b) => head.includes(b));
  if (inHead) return inHead;
  // "Protokoll FSG 2025-09-09": a body's abbreviation in the title or letterhead.
  const abbreviated = BODY_ABBREVIATIONS.find(([pattern]) => pattern.test(headText));
  if (abbreviated) return abbreviated[1];
  const text = s.text.toLowerCase();
  const counts = meetingData.bodies.map((b) => [b, text.split(b).length - 1] as const).filter(([, n]) => n > 0);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The text after a label in the preamble: "Plats:" on its own line (value below) or "Plats: Paddan". */
function labelled(preamble: Line[], labels: string[]): string | null {
  for (let i = 0; i < preamble.length; i++) {
    const m = /^([^:]{2,20}):\s*(.*)$/u.exec(preamble[i].text.trim());
    if (!m || !labels.includes(m[1].toLowerCase())) continue;
    if (m[2]) return m[2].trim();
    return preamble[i + 1]?.text.trim() ?? null;
  }
  return null;
}

/** The year most dates in the text carry ("den 15 januari 2026", "2025-12-08"), for a Tidpunkt without one. */
function commonYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?:\d{1,2}\s+\p{L}+\s+|(?<!\d))(20\d\d)(?:-\d\d-\d\d)?(?!\d)/gu)) {
    if (!/\p{L}|-/u.test(m[0])) continue; // a bare year ("under 2026") says nothing about this meeting
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function findDate(s: MeetingSources, time: string | null): { date: string | null; stated: boolean } {
  const titled = s.title ? findDayMonth(s.title) ?? findIsoDate(s.title) : null;
  if (titled?.year) return { date: isoDate(titled), stated: true };
  const letterhead = s.furniture.map((l) => findIsoDate(l.text)).find((d): d is DayMonth => d !== null) ?? null;
  const timed = time ? findDayMonth(time) ?? findIsoDate(time) : null;
  if (timed) {
    const year = timed.year ?? titled?.year ?? letterhead?.year ?? commonYear(s.text);
    if (year) return { date: isoDate({ ...timed, year }), stated: true };
  }
  if (letterhead) return { date: isoDate(letterhead), stated: true };
  // A head without labels: the first full date written before the first agenda item ("Datum 12 mars 2024").
  const headed = s.preamble.map((l) => findDayMonth(l.text) ?? findIsoDate(l.text)).find((d) => d?.year);
  if (headed) return { date: isoDate(headed), stated: true };
  const signed = [...s.furniture, ...(s.signingLog ?? [])];
  const signatures = signed.map((l) => findIsoDate(l.text)).filter((d): d is DayMonth => d !== null);
  return { date: inferMonth(s.text, signatures), stated: false };
}

/**
 * A person's name after a label or before a verb. Each further word must not be the next label run into the same
 * paragraph ("Sekreterare: Mats Ekholm Justerare: Elin Sandberg" → "Mats Ekholm").
 */
const PERSON = String.raw`(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{Ll}-]+(?![\p{L}-]*\s*:)){0,3})`;

/** Who chaired: a label first ("Ordförande: Karin Lundqvist"), then who opened the meeting. */
const CHAIR_LABELLED = [new RegExp(`Ordförande(?::|\\s+var|\\s+valdes\\s+till)\\s*${PERSON}`, 'u')];
const CHAIR_OPENED = [
  // "Lee Orberson öppnade mötet", "Jessica Lind hälsade välkommen och öppnade mötet".
  new RegExp(`${PERSON}\\s+(?:[\\p{Ll} ]{0,40}?\\s+och\\s+)?öppna(?:de|r)\\s+(?:mötet|sammanträdet)`, 'u'),
  new RegExp(`(?:Mötet|Sammanträdet)\\s+öppna(?:des|s)\\s+av\\s+${PERSON}`, 'u'),
];
const SECRETARY_LABELLED = [
  new RegExp(`[Ss]ekreterare(?::|\\s+var|\\s+valdes\\s+till)\\s*${PERSON}`, 'u'),
  new RegExp(`${PERSON}\\s+(?:valdes|utsågs|utses|väljs)\\s+till\\s+sekreterare`, 'u'),
  new RegExp(`(?:Vid protokollet|Vid anteckningarna|Vid pennan|Protokollförare|Antecknare|Antecknat av)(?::|\\s)\\s*${PERSON}`, 'u'),
];

/**
 * The person a pattern names. A single word ("Ordföranden öppnade mötet", "Lars öppnade mötet") names someone only
 * as the first name of exactly one listed attendee, and then stands for that attendee's full name.
 */
function firstPerson(patterns: RegExp[], text: string, attendees: readonly string[]): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const name = m[1].trim();
    if (/\s|-/.test(name)) return name;
    const full = attendees.filter((a) => a.split(/\s+/)[0] === name);
    if (full.length === 1) return full[0];
  }
  return null;
}

/** The place from a label that may also hold the time ("Tid och plats: 2022-10-04 kl. 14.00–16.00, Kristallen, …"). */
function placeOf(value: string | null): string | null {
  if (value === null) return null;
  const parts = value.split(',').map((p) => p.trim());
  const when = /\d{4}-\d{2}-\d{2}|\bkl\.?\s*\d|\d{1,2}[.:]\d{2}|^\p{L}*dag(?:en)?\b/u;
  while (parts.length > 1 && when.test(parts[0])) parts.shift();
  return parts.join(', ') || null;
}

export function readMeeting(s: MeetingSources): Meeting {
  const headers = meetingData.headers;
  const names = s.listed?.attendees.map((a) => a.name) ?? [];
  const time = labelled(s.preamble, headers.time);
  const { date, stated } = findDate(s, time);
  return {
    forvaltning: findForvaltning(s),
    body: findBody(s),
    date,
    dateStated: stated,
    place: placeOf(labelled(s.preamble, headers.place)),
    chair: firstPerson(CHAIR_LABELLED, s.text, names) ?? s.listed?.chair ?? firstPerson(CHAIR_OPENED, s.text, names),
    secretary: firstPerson(SECRETARY_LABELLED, s.text, names) ?? s.listed?.secretary ?? null,
    title: s.title,
  };
}
