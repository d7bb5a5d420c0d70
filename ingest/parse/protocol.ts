// Parse stage entry: extracted lines → Protocol. Builds paragraphs, finds the agenda items, reads the meeting facts
// and the attendance block, attributes every sentence to a party, then runs the analyses (questions, topics).
// A document with no agenda items and no protocol wording (an invitation, a letter) is refused as not a protocol.
import { findQuestions } from '../analyse/questions.ts';
import { findTopics } from '../analyse/topics.ts';
import { findSigningLog } from '../extract/furniture.ts';
import meetingData from '../data/meeting.json' with { type: 'json' };
import type { ExtractedDocument, Line, ParseOutcome, Section, SourceInfo } from '../model.ts';
import { parseAttendance } from './attendees.ts';
import { bodySizeOf, buildBlocks, fullLineCharsOf, type Block } from './blocks.ts';
import { readMeeting } from './meeting.ts';
import { buildDirectory } from './people.ts';
import { splitSections, type RawSection } from './sections.ts';
import { attributeStatements, partyOfTitle, toUtterances, type Statement } from './utterances.ts';

/** How much larger than the body text a line must be to be a title rather than part of the attendance block. */
const TITLE_SIZE_LEAD = 3;
/** Protocol wording a document must show: once beside numbered items, twice without them. */
const MIN_PROTOCOL_WORDS_WITH_ITEMS = 1;
const MIN_PROTOCOL_WORDS = 2;

function protocolWordCount(text: string): number {
  const lower = text.toLowerCase();
  return meetingData.protocolWords.filter((w) => lower.includes(w)).length;
}

export function isProcedural(title: string): boolean {
  const t = title.toLowerCase();
  if (meetingData.holdsQuestions.some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(t))) return false;
  return meetingData.procedural.some((p) => t.startsWith(p));
}

/** The title: the largest bold text before the first agenda item, when it is larger than the body text. */
function findTitle(preamble: Block[], bodySize: number): Block | null {
  const candidates = preamble.filter((b) => b.bold && b.size > bodySize + 1);
  return candidates.sort((a, b) => b.size - a.size)[0] ?? null;
}

/** The nearest title, own or of an enclosing item (5.1.2 → 5.1 → 5), that names one party. */
function defaultPartyOf(raw: RawSection, all: RawSection[]): ReturnType<typeof partyOfTitle> {
  let number = raw.number;
  while (number) {
    const section = all.find((s) => s.number === number);
    const party = section ? partyOfTitle(section.title) : null;
    if (party) return party;
    number = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : '';
  }
  return null;
}

/** Sections with fallback for protocols without numbered items: the whole body as one item. */
function sectionsOrWhole(raw: RawSection[], blocks: Block[], title: string | null): RawSection[] {
  if (raw.length > 0 || blocks.length === 0) return raw;
  return [{ number: '1', title: title ?? 'Protokoll', page: blocks[0].page, blocks }];
}

export function parseProtocol(document: ExtractedDocument, source: SourceInfo): ParseOutcome {
  const blocks = buildBlocks(document.body);
  const bodySize = bodySizeOf(document.body);
  const split = splitSections(blocks, bodySize);
  const text = blocks.map((b) => b.text).join('\n');
  const bodyLines = new Set(document.body);
  const signingLog = findSigningLog(document.pages);
  const furniture = document.pages.flatMap((p) => p.lines.filter((l) => !bodyLines.has(l) && !signingLog.has(l)));
  const wording = protocolWordCount(`${text}\n${furniture.map((l) => l.text).join('\n')}`);
  const hasItems = split.sections.length > 0;
  if (wording < (hasItems ? MIN_PROTOCOL_WORDS_WITH_ITEMS : MIN_PROTOCOL_WORDS)) {
    const missing = hasItems ? 'no protocol wording' : 'no numbered agenda items and no protocol wording';
    return {
      ok: false,
      failure: { file: source.file, kind: 'not_protocol', reason: `not a protocol: ${missing} (närvarande, justering, dagordning)` },
    };
  }
  const titleBlock = findTitle(split.preamble, bodySize);
  const title = titleBlock?.text ?? null;
  const preambleLines: Line[] = split.preamble.flatMap((b) => b.lines);
  const titleLines = new Set(titleBlock?.lines ?? []);
  // Lines set larger than a heading would be (a title not in bold, a letterhead) name no attendees.
  const isTitle = (l: Line): boolean => titleLines.has(l) || l.size > bodySize + TITLE_SIZE_LEAD;
  const attendance = parseAttendance(preambleLines, isTitle, fullLineCharsOf(document.body, bodySize));
  const { attendees, absentParties } = attendance;
  const meeting = readMeeting({ title, furniture, signingLog: [...signingLog], preamble: preambleLines, text, listed: attendance });
  const directory = buildDirectory(attendees, document.body);

  const raw = sectionsOrWhole(split.sections, split.preamble, title);
  const statementsBySection: Statement[][] = raw.map((r) => attributeStatements(r.blocks, defaultPartyOf(r, raw), directory));
  const sections: Section[] = raw.map((r, i) => ({
    number: r.number,
    title: r.title,
    page: r.page,
    text: r.blocks.map((b) => b.text).join('\n'),
    utterances: toUtterances(statementsBySection[i]),
  }));
  const procedural = sections.map((s) => isProcedural(s.title));
  const questions = findQuestions(
    sections.map((s, i) => ({ number: s.number, title: s.title, procedural: procedural[i], statements: statementsBySection[i] })),
  );
  const topics = findTopics(sections.map((s, i) => ({ number: s.number, title: s.title, text: s.text, procedural: procedural[i] })));
  return {
    ok: true,
    protocol: {
      source,
      meeting,
      attendees,
      absentParties,
      sections,
      questions,
      topics,
      synthetic: document.body.some((l) => /syntetiskt protokoll/i.test(l.text)),
    },
  };
}
