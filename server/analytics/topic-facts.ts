// Per-protocol topic facts: which topics each protocol's sections carry, in how many sections, and which
// parties spoke in those sections. Built once per store revision from the section records; trends read only these.
import type { Party } from '../../ingest/model.ts';
import type { ProtocolSummary, SectionRecord } from '../../ingest/store/types.ts';

/** The group name used for protocols whose förvaltning the parser could not tell. */
export const UNKNOWN_FORVALTNING = 'Okänd förvaltning';

export interface TopicInProtocol {
  topic: string;
  sections: number;
  /** Parties with at least one utterance in a section carrying the topic. */
  parties: Party[];
}

export interface ProtocolTopicFacts {
  protocolId: string;
  forvaltning: string;
  /** ISO date or month; null when the protocol gives no date (left out of period trends). */
  date: string | null;
  topics: TopicInProtocol[];
}

/** Collects topic facts section by section, so the store's section stream is read only once. */
export class TopicFactsCollector {
  private readonly byProtocol = new Map<string, Map<string, { sections: number; parties: Set<Party> }>>();

  add(record: SectionRecord): void {
    if (record.topics.length === 0) return;
    let topics = this.byProtocol.get(record.protocolId);
    if (!topics) {
      topics = new Map();
      this.byProtocol.set(record.protocolId, topics);
    }
    const speakers = record.section.utterances.map((u) => u.party).filter((p): p is Party => p !== null);
    for (const topic of new Set(record.topics)) {
      const entry = topics.get(topic) ?? { sections: 0, parties: new Set<Party>() };
      entry.sections += 1;
      for (const party of speakers) entry.parties.add(party);
      topics.set(topic, entry);
    }
  }

  /** One fact row per stored protocol, also for protocols that carry no topic (they count in the totals). */
  finish(protocols: ProtocolSummary[]): ProtocolTopicFacts[] {
    return protocols.map((p) => ({
      protocolId: p.id,
      forvaltning: p.forvaltning ?? UNKNOWN_FORVALTNING,
      date: p.date,
      topics: [...(this.byProtocol.get(p.id) ?? new Map()).entries()].map(([topic, e]) => ({
        topic,
        sections: e.sections,
        parties: [...e.parties].sort(),
      })),
    }));
  }
}
