// Grows a small parsed archive to benchmark size with a realistic shape: copy k of a protocol goes to förvaltning
// group k mod 11 ("Farsta 2" …) and, for every further 11 copies, two years further back, so the archive gains
// both förvaltningar and history; each copy gets bytes (a sha256) of its own, so it is a distinct stored protocol.
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';

const GROUPS = 11;

export function replica(protocol: Protocol, k: number): Protocol {
  if (k === 0) return protocol;
  const group = k % GROUPS;
  const yearsBack = 2 * Math.floor(k / GROUPS);
  const name = protocol.meeting.forvaltning ?? 'Okänd';
  const forvaltning = group === 0 ? name : `${name} ${group + 1}`;
  const date = protocol.meeting.date?.replace(/^\d{4}/, (y) => String(Number(y) - yearsBack)) ?? null;
  const digest = sha256(new TextEncoder().encode(`${protocol.source.sha256}:${k}`));
  return {
    ...protocol,
    source: { ...protocol.source, file: `${k}-${protocol.source.file}`, sha256: digest },
    meeting: { ...protocol.meeting, forvaltning, date },
  };
}

/** `wanted` protocols: the parsed ones first, then their replicas round by round. */
export function replicateArchive(parsed: Protocol[], wanted: number): Protocol[] {
  const protocols: Protocol[] = [];
  for (let k = 0; protocols.length < wanted && parsed.length > 0; k++) {
    for (const p of parsed) if (protocols.length < wanted) protocols.push(replica(p, k));
  }
  return protocols;
}
