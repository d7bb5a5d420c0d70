// Grows a small parsed archive to benchmark size: copy k of a protocol keeps its meetings and questions under the
// förvaltning name "<name> <k+1>" and gets bytes of its own, so every copy is a distinct stored protocol.
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/pipeline.ts';

export function replica(protocol: Protocol, k: number): Protocol {
  if (k === 0) return protocol;
  const forvaltning = `${protocol.meeting.forvaltning ?? 'Okänd'} ${k + 1}`;
  const digest = sha256(new TextEncoder().encode(`${protocol.source.sha256}:${k}`));
  return { ...protocol, source: { ...protocol.source, file: `${k}-${protocol.source.file}`, sha256: digest }, meeting: { ...protocol.meeting, forvaltning } };
}

/** `wanted` protocols: the parsed ones first, then their replicas round by round. */
export function replicateArchive(parsed: Protocol[], wanted: number): Protocol[] {
  const protocols: Protocol[] = [];
  for (let k = 0; protocols.length < wanted && parsed.length > 0; k++) {
    for (const p of parsed) if (protocols.length < wanted) protocols.push(replica(p, k));
  }
  return protocols;
}
