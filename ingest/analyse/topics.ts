// Topic tagging: which taxonomy topics (ingest/data/topics.json) each section substantively discusses. Swedish word
// forms and compounds count — "korttidssjukfrånvaron" is sjukfrånvaro, "friskfaktorsinventering" friskfaktorer,
// "hot- och våld" hot och våld — through the stemmer (ingest/lang/swedish.ts) and compound parts. A bare mention in
// an enumeration ("friskfaktorer, semesterplanering och lönekartläggning") does not count, nor do procedural items or
// items left empty ("-"). A title naming a topic counts as one mention beside the body's.
import data from '../data/topics.json' with { type: 'json' };
import { stem, tokenize } from '../lang/swedish.ts';
import { perWordForm } from '../lang/word-memo.ts';
import type { TopicMention } from '../model.ts';
import { splitSentences } from '../parse/sentences.ts';

export interface Topic {
  id: string;
  label: string;
  words: string[];
  parts: string[];
  phrases: string[];
  minMentions?: number;
  supporting?: string[];
  examples: string[];
}

export const TOPICS: Topic[] = data.topics;

interface CompiledTopic {
  id: string;
  stems: Set<string>;
  parts: string[];
  phrases: string[][];
  minMentions: number;
  supporting: string[];
}

const COMPILED: CompiledTopic[] = TOPICS.map((t) => ({
  id: t.id,
  stems: new Set(t.words.map((w) => stem(w))),
  parts: t.parts.map((p) => p.toLowerCase()),
  phrases: t.phrases.map((p) => tokenize(p)),
  minMentions: t.minMentions ?? 1,
  supporting: (t.supporting ?? []).map((p) => p.toLowerCase()),
}));

/** Mentions of a topic: those that name it, and supporting ones that count only beside them. */
interface Mentions {
  naming: number;
  supporting: number;
}

/** How one word form bears on each topic it touches: it names the topic (by stem or compound part) or supports it. */
type WordRoles = ReadonlyMap<string, 'naming' | 'supporting'>;

const NO_ROLES: WordRoles = new Map();

/** A word form's roles for the topics (remembered: every sentence asks about the same few thousand words). */
const rolesOf = perWordForm((token): WordRoles => {
  const stemmed = stem(token);
  const found = new Map<string, 'naming' | 'supporting'>();
  for (const topic of COMPILED) {
    if (topic.stems.has(stemmed) || topic.parts.some((p) => token.includes(p))) found.set(topic.id, 'naming');
    else if (topic.supporting.some((p) => token.includes(p))) found.set(topic.id, 'supporting');
  }
  return found.size > 0 ? found : NO_ROLES;
});

/** Mentions of one topic in a list of tokens (with their roles); phrase matches consume their words so "hot och våld" counts once. */
function countMentions(topic: CompiledTopic, tokens: string[], roles: WordRoles[]): Mentions {
  const used = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mentions = { naming: 0, supporting: 0 };
  for (const phrase of topic.phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (tokens[i] !== phrase[0]) continue;
      if (phrase.every((w, k) => tokens[i + k] === w && !used[i + k])) {
        for (let k = 0; k < phrase.length; k++) used[i + k] = true;
        mentions.naming++;
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const role = roles[i].get(topic.id);
    if (role === 'naming') mentions.naming++;
    else if (role === 'supporting') mentions.supporting++;
  }
  return mentions;
}

function countAll(text: string): Map<string, Mentions> {
  const tokens = tokenize(text);
  const roles = tokens.map(rolesOf);
  const counts = new Map<string, Mentions>();
  for (const topic of COMPILED) {
    const m = countMentions(topic, tokens, roles);
    if (m.naming + m.supporting > 0) counts.set(topic.id, m);
  }
  return counts;
}

/** "friskfaktorer, semesterplanering och lönekartläggning": one-word items joined by commas and a last och/samt/eller. */
const ENUMERATION = /(?<![\p{L}-])[\p{L}-]+(?:,\s+[\p{L}-]+)+,?\s+(?:och|samt|eller)\s+[\p{L}-]+(?![\p{L}-])/gu;

/**
 * Mentions per topic in one sentence. A topic named once, only as an item of an enumeration, counts nothing; nor does
 * a single mention in a comma-separated enumeration touching three or more topics.
 */
function sentenceMentions(sentence: string): Map<string, Mentions> {
  const counts = countAll(sentence);
  const outsideLists = countAll(sentence.replace(ENUMERATION, ' '));
  const enumeration = (sentence.match(/,/g)?.length ?? 0) >= 2 && counts.size >= 3;
  for (const [id, m] of counts) {
    if (m.naming !== 1) continue;
    if (enumeration || (outsideLists.get(id)?.naming ?? 0) === 0) counts.set(id, { ...m, naming: 0 });
  }
  return counts;
}

function mentionsByTopic(text: string): Map<string, Mentions> {
  const total = new Map<string, Mentions>();
  for (const sentence of splitSentences(text)) {
    for (const [id, m] of sentenceMentions(sentence)) {
      const sum = total.get(id) ?? { naming: 0, supporting: 0 };
      total.set(id, { naming: sum.naming + m.naming, supporting: sum.supporting + m.supporting });
    }
  }
  return total;
}

/** Topic mentions in a text, by topic id: naming mentions, and supporting ones where the topic is named. */
export function mentionsIn(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, m] of mentionsByTopic(text)) if (m.naming > 0) result.set(id, m.naming + m.supporting);
  return result;
}

export interface SectionText {
  number: string;
  /** The item's title: naming a topic, it counts as one mention beside the body's ("Arbetsmiljöronder" over a paragraph about the rounds). */
  title?: string;
  text: string;
  procedural: boolean;
}

/**
 * Topics a title names, also as items of a list ("Arbetsmiljö, hot och våld"): a heading that lists topics names
 * each of them — but one named only in the list counts when the body touches it too (a supporting word will do).
 */
function titleMentions(title: string, body: Map<string, Mentions>): Set<string> {
  const named = new Set(mentionsIn(title).keys());
  for (const [id, m] of countAll(title)) {
    const touched = (body.get(id)?.naming ?? 0) + (body.get(id)?.supporting ?? 0) > 0;
    if (m.naming > 0 && touched) named.add(id);
  }
  return named;
}

export function findTopics(sections: SectionText[]): TopicMention[] {
  const found: TopicMention[] = [];
  for (const section of sections) {
    if (section.procedural || section.text.replace(/[\s–-]/g, '') === '') continue;
    const titled = titleMentions(section.title ?? '', mentionsByTopic(section.text));
    const mentions = mentionsIn(section.text);
    for (const topic of COMPILED) {
      // A title names a topic once, whatever words it uses ("Skyddskommitté/arbetsmiljökommitté: Arbetsmiljö").
      const n = (mentions.get(topic.id) ?? 0) + (titled.has(topic.id) ? 1 : 0);
      if (n >= topic.minMentions) found.push({ topic: topic.id, section: section.number, mentions: n });
    }
  }
  return found;
}
