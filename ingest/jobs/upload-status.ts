// Server mode: the state of an upload asked after on a node other than the one that took it (a load balancer
// sends the browser's next request anywhere), read from the upload's ingest job in the database.
import type { FileResult } from '../run/ingest.ts';
import { finalState, type BackgroundState } from '../run/upload-state.ts';
import type { ProtocolId } from '../store/types.ts';
import type { IngestPayload } from './ingest-job.ts';
import { INGEST_JOB } from './kinds.ts';
import type { JobQueue } from './queue.ts';

/** The upload's state by the id its protocol will have; undefined when no upload of it is known. */
export async function queuedUploadState(queue: JobQueue, id: ProtocolId): Promise<BackgroundState | undefined> {
  const job = await queue.latestByKey(INGEST_JOB, id);
  if (!job) return undefined;
  const payload = job.payload as IngestPayload;
  const scanned = payload.scannedPages ?? 0;
  if (job.state === 'queued' || job.state === 'running') {
    // Only an upload that went to OCR is asked after while its job waits; other files are answered at once.
    return scanned > 0 ? { id, name: payload.name, status: 'ocr', pages: scanned, since: job.createdAt } : undefined;
  }
  if (job.result) return finalState(id, job.result as FileResult, scanned > 0);
  return { id, name: payload.name, status: 'failed', error: job.error ?? 'could not be ingested' };
}
