// Remembers serialised answers for the snapshot they were computed from. A snapshot never changes, so an answer
// stays right until the store's revision moves and a new snapshot replaces it; dashboards ask the same few
// questions over and over, and serialising a few thousand rows costs more than computing them. Answers are kept
// encoded, with their ETag, so a repeat is only a write to the socket.
import { createHash } from 'node:crypto';
import type { AnalyticsSnapshot } from './snapshot.ts';

export interface JsonAnswer {
  body: Buffer;
  etag: string;
}

export class ResponseMemo {
  private snapshot: AnalyticsSnapshot | null = null;
  private readonly answers = new Map<string, JsonAnswer>();

  /** @param limit answers kept per snapshot; the oldest is dropped first. */
  constructor(private readonly limit = 500) {}

  /** Whether answers are being kept for this snapshot (false once a newer one has been asked about). */
  holds(snapshot: AnalyticsSnapshot): boolean {
    return this.snapshot === null || this.snapshot === snapshot;
  }

  /** The UTF-8 JSON of `compute()` for this snapshot and key, computed once. */
  json(snapshot: AnalyticsSnapshot, key: string, compute: () => unknown): JsonAnswer {
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.answers.clear();
    }
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const body = Buffer.from(JSON.stringify(compute()), 'utf8');
    const answer = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }
}
