// What a caller is told of an upload it asks after (GET /api/uploads/:id): being read by OCR, ingested, or failed
// with its reason. Kept apart from the ingest runner so that a server node can answer from the job queue without
// loading the PDF pipeline.
import type { FileResult } from './ingest.ts';
import type { ProtocolId } from '../store/types.ts';

export type BackgroundState =
  | { id: ProtocolId; name: string; status: 'ocr'; pages: number; since: string }
  | { id: ProtocolId; name: string; status: 'ingested' | 'unchanged'; protocolId: ProtocolId; ocr: boolean }
  | { id: ProtocolId; name: string; status: 'failed'; error: string };

/** The state of a file whose ingest ended with `result`. */
export function finalState(id: ProtocolId, result: FileResult, ocr: boolean): BackgroundState {
  if (result.status === 'ingested') return { id, name: result.name, status: 'ingested', protocolId: result.protocolId, ocr };
  if (result.status === 'unchanged' && result.previous === 'ok' && result.protocolId) {
    return { id, name: result.name, status: 'unchanged', protocolId: result.protocolId, ocr };
  }
  const error = result.status === 'failed' ? result.failure.reason : (result.reason ?? 'could not be ingested');
  return { id, name: result.name, status: 'failed', error };
}
