// Topic tagging: which taxonomy topics (ingest/data/topics.json) each section substantively discusses. Swedish word
// forms and compounds count — "korttidssjukfrånvaron" is sjukfrånvaro, "friskfaktorsinventering" friskfaktorer,
// "hot- och våld" hot och våld — through the stemmer (ingest/lang/swedish.ts) and compound parts. A bare mention in
// an enumeration of several topics does not count, nor do procedural items or items left empty ("-").
import data from '../data/topics.json' with { type: 'json' };
import { stem, tokenize } from '../lang/swedish.ts';
import type { TopicMention } from '../model.ts';
import { splitSentences } from '../parse/sentences.ts';

export interface Topic {
  id: string;
  label: string;
  words: string[];
  parts: string[];
  phrases: string[];
  minMentions?: number;
  examples: string[];
}

export const TOPICS: Topic[] = data.topics;

interface CompiledTopic {
  id: string;
  stems: Set<string>;
  parts: string[];
  phrases: string[][];
  minMentions: number;
}

const COMPILED: CompiledTopic[] = TOPICS.map((t) => ({
  id: t.id,
  stems: new Set(t.words.map((w) => stem(w))),
  parts: t.parts.map((p) => p.toLowerCase()),
  phrases: t.phrases.map((p) => tokenize(p)),
  minMentions: t.minMentions ?? 1,
}));

/** Mentions of one topic in a list of tokens; phrase matches consume their words so "hot och våld" counts once. */
function countMentions(topic: CompiledTopic, tokens: string[]): number {
  const used = new Array<boolean>(tokens.length).fill(false);
  let count = 0;
  for (const phrase of topic.phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => tokens[i + k] === w && !used[i + k])) {
        for (let k = 0; k < phrase.length; k++) used[i + k] = true;
        count++;
      }
    }
  }
  tokens.forEach((token, i) => {
    if (used[i]) return;
    if (topic.stems.has(stem(token)) || topic.parts.some((p) => token.includes(p))) count++;
  });
  return count;
}

/** Mentions per topic in one sentence; a comma-separated enumeration touching three or more topics counts nothing. */
function sentenceMentions(sentence: string): Map<string, number> {
  const tokens = tokenize(sentence);
  const counts = new Map<string, number>();
  for (const topic of COMPILED) {
    const n = countMentions(topic, tokens);
    if (n > 0) counts.set(topic.id, n);
  }
  const enumeration = (sentence.match(/,/g)?.length ?? 0) >= 2 && counts.size >= 3;
  if (enumeration) for (const [id, n] of counts) if (n === 1) counts.delete(id);
  return counts;
}

/** Topic mentions in a text, by topic id. */
export function mentionsIn(text: string): Map<string, number> {
  const total = new Map<string, number>();
  for (const sentence of splitSentences(text)) {
    for (const [id, n] of sentenceMentions(sentence)) total.set(id, (total.get(id) ?? 0) + n);
  }
  return total;
}

export interface SectionText {
  number: string;
  text: string;
  procedural: boolean;
}

export function findTopics(sections: SectionText[]): TopicMention[] {
  const found: TopicMention[] = [];
  for (const section of sections) {
    if (section.procedural || section.text.replace(/[\s–-]/g, '') === '') continue;
    const mentions = mentionsIn(section.text);
    for (const topic of COMPILED) {
      const n = mentions.get(topic.id) ?? 0;
      if (n >= topic.minMentions) found.push({ topic: topic.id, section: section.number, mentions: n });
    }
  }
  return found;
}
