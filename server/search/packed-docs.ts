// The section table as the saved index keeps it: each protocol's metadata once, and per section one flat row of
// numbers and its own strings, instead of 150,000 JSON objects that each repeat their protocol's names. The
// row form parses several times faster, and unpacking shares one string per protocol field and label among
// all the sections that carry it (less memory, and facet look-ups hash each string once).
import type { SectionDoc, UtteranceRange } from './documents.ts';

/** [protocolId, forvaltning, body, date, title, synthetic]. */
type ProtocolRow = [string, string | null, string | null, string | null, string | null, boolean];

/**
 * [protocol, number, sectionTitle, page, ordinal, parties, topics, statuses, utterances], where protocol indexes
 * `protocols`, the label lists index `labels`, and utterances run flat as start, end, page, party (-1: none).
 */
type SectionRow = [number, string, string, number, number, number[], number[], number[], number[]];

export interface PackedDocs {
  protocols: ProtocolRow[];
  labels: string[];
  /** Per slot; null for a removed section. */
  rows: Array<SectionRow | null>;
}

export function packDocs(docs: Array<SectionDoc | null>): PackedDocs {
  const protocols: ProtocolRow[] = [];
  const protocolNumbers = new Map<string, number>();
  const labels: string[] = [];
  const labelNumbers = new Map<string, number>();
  const label = (value: string) => {
    let n = labelNumbers.get(value);
    if (n === undefined) labelNumbers.set(value, (n = labels.push(value) - 1));
    return n;
  };
  const rows = docs.map((doc): SectionRow | null => {
    if (!doc) return null;
    let protocol = protocolNumbers.get(doc.protocolId);
    if (protocol === undefined) {
      protocol = protocols.push([doc.protocolId, doc.forvaltning, doc.body, doc.date, doc.title, doc.synthetic]) - 1;
      protocolNumbers.set(doc.protocolId, protocol);
    }
    const utterances = doc.utterances.flatMap(([start, end, page, party]) => [start, end, page, party === null ? -1 : label(party)]);
    return [protocol, doc.number, doc.sectionTitle, doc.page, doc.ordinal, doc.parties.map(label), doc.topics.map(label), doc.statuses.map(label), utterances];
  });
  return { protocols, labels, rows };
}

export function unpackDocs(packed: PackedDocs): Array<SectionDoc | null> {
  const { protocols, labels } = packed;
  const docs: Array<SectionDoc | null> = new Array(packed.rows.length);
  for (let slot = 0; slot < packed.rows.length; slot++) {
    const row = packed.rows[slot];
    if (!row) {
      docs[slot] = null;
      continue;
    }
    const [protocol, number, sectionTitle, page, ordinal, parties, topics, statuses, flat] = row;
    const [protocolId, forvaltning, body, date, title, synthetic] = protocols[protocol];
    const utterances: UtteranceRange[] = [];
    for (let i = 0; i < flat.length; i += 4) utterances.push([flat[i], flat[i + 1], flat[i + 2], flat[i + 3] < 0 ? null : labels[flat[i + 3]]]);
    docs[slot] = {
      protocolId,
      forvaltning,
      body,
      date,
      title,
      number,
      sectionTitle,
      page,
      ordinal,
      parties: parties.map((n) => labels[n]),
      topics: topics.map((n) => labels[n]),
      statuses: statuses.map((n) => labels[n]),
      synthetic,
      utterances,
    };
  }
  return docs;
}
