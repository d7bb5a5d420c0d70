// The sentences an emerging subject comes from, so a reader sees what "nya socialtjänstlagen" was about before
// searching for it: up to three per subject, from the newest protocols of the latest period. Read after the
// subjects are known, from those protocols only, so the word counts never have to keep any text.
import type { ArchiveStore, ProtocolSummary, StoredProtocol } from '../../ingest/store/types.ts';
import type { EmergingResult, EmergingTerm } from './emerging.ts';
import { periodOf } from './periods.ts';

const PER_TERM = 3;
/** Protocols read at most per period: enough for any subject raised in several meetings, bounded on big archives. */
const MAX_PROTOCOLS = 200;
const MAX_SENTENCE = 320;

const WORD = /\p{L}[\p{L}\p{N}]*(?:-\p{L}[\p{L}\p{N}]*)*/gu;

export async function addExamples(results: EmergingResult[], store: ArchiveStore, protocols: ProtocolSummary[]): Promise<void> {
  const read = new Map<string, Promise<StoredProtocol | undefined>>();
  const fetch = (id: string) => {
    let protocol = read.get(id);
    if (!protocol) {
      protocol = store.getProtocol(id);
      read.set(id, protocol);
    }
    return protocol;
  };
  for (const result of results) {
    if (!result.latest || result.terms.length === 0) continue;
    const latest = protocols
      .filter((p) => periodOf(p.date, result.period)?.period === result.latest)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
      .slice(0, MAX_PROTOCOLS);
    for (const summary of latest) {
      const wanting = result.terms.filter((t) => t.examples.length < PER_TERM);
      if (wanting.length === 0) break;
      const protocol = await fetch(summary.id);
      if (protocol) collect(protocol, wanting);
    }
  }
}

function collect(protocol: StoredProtocol, terms: EmergingTerm[]): void {
  for (const section of protocol.sections) {
    for (const sentence of sentencesOf(section.text)) {
      const words = [...sentence.toLowerCase().matchAll(WORD)].map((m) => m[0]);
      for (const term of terms) {
        if (term.examples.length >= PER_TERM || !containsPhrase(words, term.term.split(' '))) continue;
        term.examples.push({
          protocolId: protocol.id,
          forvaltning: protocol.meeting.forvaltning,
          date: protocol.meeting.date,
          section: section.number,
          sentence: sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1).trimEnd()}…` : sentence,
        });
      }
    }
  }
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}
