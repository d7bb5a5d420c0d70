// Keeps the analytics snapshot in step with the store: rebuilt when the store's revision has moved, one build
// at a time, while requests wait for it. The first build starts at once so the server can listen before it ends.
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from './snapshot.ts';

export class LiveAnalytics {
  private latest: Promise<AnalyticsSnapshot>;
  private building: Promise<AnalyticsSnapshot> | null = null;

  constructor(private readonly store: ArchiveStore) {
    this.latest = this.rebuild();
    // A failed first build is retried by the next request; it must not crash the process meanwhile.
    this.latest.catch(() => undefined);
  }

  /** The snapshot of the store as it is now. */
  async current(): Promise<AnalyticsSnapshot> {
    const snapshot = await this.latest.catch(() => this.rebuild());
    if ((await this.store.revision()) === snapshot.revision) return snapshot;
    return this.rebuild();
  }

  private rebuild(): Promise<AnalyticsSnapshot> {
    if (this.building) return this.building;
    const building = buildSnapshot(this.store).finally(() => {
      this.building = null;
    });
    this.building = building;
    this.latest = building;
    return building;
  }
}
