// Emerging subjects: words and two-word phrases whose use in the latest period rises clearly above their use in
// all earlier periods, scored with Dunning's log-likelihood G². What a person would call a subject: a noun or a
// noun phrase (single words ending like a verb or adjective form are left out), rare before the latest period
// (everyday words such as "arbetet" or "staden" occur in many earlier protocols and so are not new), raised in
// more than one meeting. People's names, numbers, stopwords, calendar words and the formulae every protocol
// repeats are left out too. The sentences a subject comes from are added afterwards (emerging-examples.ts).
import { isStopword, normalize } from '../../ingest/lang/swedish.ts';
import type { SectionRecord } from '../../ingest/store/types.ts';
import { NOT_MODIFIER_ENDINGS, NEVER_EMERGING, NOT_NOUN_ENDINGS, NOUNS_DESPITE_ENDING } from './emerging-vocabulary.ts';
import { periodOf, yearMonthOf, type Period } from './periods.ts';
import { compareSwedish } from './swedish-order.ts';

export interface EmergingExample {
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  section: string;
  sentence: string;
}

export interface EmergingTerm {
  term: string;
  latestCount: number;
  baselineCount: number;
  /** Meetings (protocols) of the latest period that raise it. */
  protocols: number;
  score: number;
  /** Sentences of the latest period it comes from, newest first. */
  examples: EmergingExample[];
}

export interface EmergingResult {
  period: Period;
  /** The latest period with dated protocols, e.g. "2025-Q4"; null for an empty archive. */
  latest: string | null;
  /** The span the latest period is compared with: "first period–last earlier period". */
  baseline: string | null;
  terms: EmergingTerm[];
}

export interface EmergingOptions {
  /** Occurrences a term needs in the latest period. */
  minCount: number;
  /** Distinct protocols a term needs in the latest period, so one long protocol cannot make a subject. */
  minProtocols: number;
  /** How many times its baseline rate the latest rate must be. */
  minRise: number;
  /** G² a rise needs to be more than chance: 3.84 is significance at p < 0.05 (χ² with one degree of freedom). */
  minScore: number;
  /** Largest share of the earlier protocols a new subject may already occur in: more, and it is an everyday word. */
  maxBaselineShare: number;
  limit: number;
}

export const DEFAULT_EMERGING_OPTIONS: EmergingOptions = { minCount: 5, minProtocols: 3, minRise: 2, minScore: 3.84, maxBaselineShare: 0.1, limit: 30 };

/** A term counted in more than this share of all protocols is a recurring formula, not a subject. */
const BOILERPLATE_PROTOCOL_SHARE = 0.4;

interface MonthCounts {
  /** month index (year × 12 + month − 1) → [occurrences, protocols] */
  byMonth: Map<number, [number, number]>;
  occurrences: number;
  protocols: number;
}

/** Word counts per month, gathered section by section; the emerging terms of any period are computed from these. */
export class TermCounts {
  private readonly terms = new Map<string, MonthCounts>();
  private readonly tokensByMonth = new Map<number, number>();
  private readonly protocolsByMonth = new Map<number, number>();
  /** Per protocol: the terms already counted, so protocol counts stay distinct. */
  private readonly seen = new Map<string, { month: number; terms: Set<string> }>();
  /** Lower-case word → times written capitalised where case tells (see add): names are mostly capitalised. */
  private readonly capitalised = new Map<string, number>();
  private readonly names = new Set<string>();
  private readonly candidateWords = new Map<string, boolean>();
  private totalProtocols = 0;

  add(record: SectionRecord): void {
    const ym = yearMonthOf(record.meeting.date);
    if (!ym) return;
    const month = ym.year * 12 + ym.month - 1;
    let protocol = this.seen.get(record.protocolId);
    if (!protocol) {
      protocol = { month, terms: new Set() };
      this.seen.set(record.protocolId, protocol);
      this.protocolsByMonth.set(month, (this.protocolsByMonth.get(month) ?? 0) + 1);
      this.totalProtocols += 1;
      for (const person of [record.meeting.chair, record.meeting.secretary]) this.addName(person);
    }
    for (const u of record.section.utterances) this.addName(u.speaker ?? null);

    const text = (record.section.text || record.section.utterances.map((u) => u.text).join('\n')).normalize('NFC');
    let tokens = 0;
    for (const clause of clausesOf(text)) {
      let previous: string | null = null;
      let opening: string | null = null;
      let first = true;
      for (const match of clause.matchAll(WORD)) {
        const original = match[0];
        const lower = original.toLowerCase();
        // Case tells something inside a sentence, or at its start when the next word is capitalised too
        // (a first name before a surname: "Anna Lindqvist berättar …").
        if (isTitleCase(original, lower)) {
          if (!first) this.noteCapitalised(lower);
          if (opening !== null) this.noteCapitalised(opening);
          opening = first ? lower : null;
        } else opening = null;
        first = false;
        if (!this.isCandidate(lower)) {
          previous = null;
          continue;
        }
        tokens += 1;
        this.count(lower, month, protocol.terms);
        if (previous) this.count(`${previous} ${lower}`, month, protocol.terms);
        previous = lower;
      }
    }
    this.tokensByMonth.set(month, (this.tokensByMonth.get(month) ?? 0) + tokens);
  }

  /** Terms of the latest period of the given kind that rise clearly above all earlier periods. */
  emerging(period: Period, options: EmergingOptions = DEFAULT_EMERGING_OPTIONS): EmergingResult {
    const months = [...this.protocolsByMonth.keys()].sort((a, b) => a - b);
    if (months.length === 0) return { period, latest: null, baseline: null, terms: [] };
    const periodOfMonth = (m: number) => periodOf(monthDate(m), period)!.period;
    const latest = periodOfMonth(months[months.length - 1]);
    const baselineMonths = months.filter((m) => periodOfMonth(m) !== latest);
    if (baselineMonths.length === 0) return { period, latest, baseline: null, terms: [] };
    const baseline = `${periodOfMonth(baselineMonths[0])}–${periodOfMonth(baselineMonths[baselineMonths.length - 1])}`;

    const isLatest = (m: number) => periodOfMonth(m) === latest;
    let latestTokens = 0;
    let baselineTokens = 0;
    let baselineProtocols = 0;
    for (const [m, n] of this.protocolsByMonth) if (!isLatest(m)) baselineProtocols += n;
    for (const [m, n] of this.tokensByMonth) {
      if (isLatest(m)) latestTokens += n;
      else baselineTokens += n;
    }

    const found: EmergingTerm[] = [];
    for (const [term, counts] of this.terms) {
      if (counts.protocols > BOILERPLATE_PROTOCOL_SHARE * this.totalProtocols) continue;
      const words = term.split(' ');
      if (words.some((w) => this.isName(w))) continue;
      if (!nounPhrase(words)) continue;
      let a = 0;
      let b = 0;
      let protocolsInLatest = 0;
      let protocolsBefore = 0;
      for (const [m, [n, p]] of counts.byMonth) {
        if (isLatest(m)) {
          a += n;
          protocolsInLatest += p;
        } else {
          b += n;
          protocolsBefore += p;
        }
      }
      if (a < options.minCount || protocolsInLatest < Math.max(2, options.minProtocols)) continue;
      if (protocolsBefore > options.maxBaselineShare * baselineProtocols) continue;
      const latestRate = a / latestTokens;
      const baselineRate = (b + 0.5) / baselineTokens;
      if (latestRate < options.minRise * baselineRate) continue;
      const score = logLikelihood(a, b, latestTokens, baselineTokens);
      if (score < options.minScore) continue;
      found.push({ term, latestCount: a, baselineCount: b, protocols: protocolsInLatest, score: round(score), examples: [] });
    }
    found.sort((x, y) => y.score - x.score || compareSwedish(x.term, y.term));
    return { period, latest, baseline, terms: withoutSubsumedWords(found).slice(0, options.limit) };
  }

  /** Whether a word may be a subject at all; remembered, as the same words recur in every protocol. */
  private isCandidate(word: string): boolean {
    let candidate = this.candidateWords.get(word);
    if (candidate === undefined) {
      candidate = word.length >= 3 && !/\d/.test(word) && !isStopword(word) && !NEVER_EMERGING.has(word);
      this.candidateWords.set(word, candidate);
    }
    return candidate;
  }

  private count(term: string, month: number, seenInProtocol: Set<string>): void {
    let counts = this.terms.get(term);
    if (!counts) {
      counts = { byMonth: new Map(), occurrences: 0, protocols: 0 };
      this.terms.set(term, counts);
    }
    counts.occurrences += 1;
    let cell = counts.byMonth.get(month);
    if (!cell) {
      cell = [0, 0];
      counts.byMonth.set(month, cell);
    }
    cell[0] += 1;
    if (!seenInProtocol.has(term)) {
      seenInProtocol.add(term);
      cell[1] += 1;
      counts.protocols += 1;
    }
  }

  private noteCapitalised(word: string): void {
    this.capitalised.set(word, (this.capitalised.get(word) ?? 0) + 1);
  }

  /** People of a protocol (attendees): their names are never subjects. */
  addPeople(names: string[]): void {
    for (const name of names) this.addName(name);
  }

  private addName(person: string | null): void {
    if (!person) return;
    for (const part of person.split(/[\s-]+/)) if (part) this.names.add(normalize(part));
  }

  /** A person's or place's name: listed as chair, secretary or speaker, or mostly written capitalised. */
  private isName(word: string): boolean {
    if (this.names.has(word)) return true;
    return 2 * (this.capitalised.get(word) ?? 0) > (this.terms.get(word)?.occurrences ?? 0);
  }
}

/** A word that can head a noun phrase: not ending like a verb, participle or adjective form. */
function nounLike(word: string): boolean {
  return NOUNS_DESPITE_ENDING.has(word) || !NOT_NOUN_ENDINGS.some((ending) => word.endsWith(ending));
}

/** A noun, or a modifier and a noun: the last word noun-like, the first no definite noun or verb. */
function nounPhrase(words: string[]): boolean {
  if (!nounLike(words[words.length - 1])) return false;
  return words.slice(0, -1).every((w) => !NOT_MODIFIER_ENDINGS.some((ending) => w.endsWith(ending)));
}

/** Phrases never span punctuation: "budget. Nya" or "fortsätter, arbetet" is no two-word phrase. */
function clausesOf(text: string): string[] {
  return text.split(/[.,!?;:()\[\]•\n\r"”–]+/);
}

/** A word: letters and digits, with inner hyphens ("AI-verktyg", "hot- och" keeps "hot"). */
const WORD = /\p{L}[\p{L}\p{N}]*(?:-\p{L}[\p{L}\p{N}]*)*/gu;

/** "Lindqvist" but not "AI" or "budget". */
function isTitleCase(original: string, lower: string): boolean {
  return original.length > 1 && original[0] !== lower[0] && original[1] === lower[1];
}

/** Dunning's G² for a term seen a times in c latest tokens and b times in d baseline tokens. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const expectedLatest = (c * (a + b)) / (c + d);
  const expectedBaseline = (d * (a + b)) / (c + d);
  const part = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  return 2 * (part(a, expectedLatest) + part(b, expectedBaseline));
}

/** Drops a single word when a listed phrase containing it accounts for most of its latest uses. */
function withoutSubsumedWords(terms: EmergingTerm[]): EmergingTerm[] {
  const phrases = terms.filter((t) => t.term.includes(' '));
  return terms.filter(
    (t) => t.term.includes(' ') || !phrases.some((p) => p.term.split(' ').includes(t.term) && p.latestCount >= 0.8 * t.latestCount),
  );
}

function monthDate(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
