// The "Att granska" list: corrections still in effect whose record is gone — the protocol left the archive, or
// its re-parse no longer has the question, attendee or statement the correction was keyed to. They are never
// dropped; a person decides whether to undo them or correct the new parse.
import { activeEntries } from './corrections-apply.ts';
import type { CorrectionEntry } from './corrections.ts';
import type { ArchiveStore } from './types.ts';

export interface ReviewItem extends CorrectionEntry {
  reason: 'protocol gone' | 'record gone after re-parse';
}

/** Corrections in effect whose record no longer exists (the protocol is gone, or its re-parse lacks the target). */
export async function correctionsToReview(store: ArchiveStore): Promise<ReviewItem[]> {
  const review: ReviewItem[] = [];
  for (const protocolId of await store.corrections.protocolIds()) {
    const protocol = await store.getProtocol(protocolId);
    if (!protocol) {
      const entries = activeEntries(await store.corrections.forProtocol(protocolId));
      review.push(...entries.map((e) => ({ ...e, reason: 'protocol gone' as const })));
      continue;
    }
    const orphans = protocol.corrections?.orphans ?? [];
    review.push(...orphans.map((e) => ({ ...e, reason: 'record gone after re-parse' as const })));
  }
  return review;
}
