// Keeps the analytics snapshot in step with the store: rebuilt when the store's revision has moved, one build
// at a time, while requests wait for it (up to a limit). The first snapshot starts loading at once, from the saved file when it
// matches the archive (snapshot-file.ts), so the server can listen before it is ready and answers soon after.
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, withLookups, type AnalyticsSnapshot } from './snapshot.ts';
import { loadSnapshot, saveSnapshot, snapshotKey } from './snapshot-file.ts';

export class LiveAnalytics {
  private latest: Promise<AnalyticsSnapshot> | null = null;
  private building: Promise<AnalyticsSnapshot> | null = null;
  private readonly startTimer: NodeJS.Timeout | undefined;

  /**
   * @param savedFile where the snapshot is saved between runs; none: always build.
   * @param onSnapshot told of every new snapshot, e.g. to prepare the answers most asked for.
   * @param patienceMs how long a request waits for a rebuild before it is answered from the previous snapshot.
   * @param startAfterMs when the first snapshot starts loading unless a request asks for it sooner: loading a
   *   large archive's snapshot holds the thread for a second or so, which a server just started gives to its
   *   first searches instead.
   */
  constructor(
    private readonly store: ArchiveStore,
    private readonly savedFile?: string,
    private readonly onSnapshot?: (snapshot: AnalyticsSnapshot) => void,
    private readonly patienceMs = 2000,
    startAfterMs = 0,
  ) {
    if (startAfterMs === 0) this.start();
    else this.startTimer = setTimeout(() => this.start(), startAfterMs).unref();
  }

  /** Cancels a first load not yet started (the server is closing). */
  stop(): void {
    clearTimeout(this.startTimer);
  }

  private start(): Promise<AnalyticsSnapshot> {
    if (this.latest) return this.latest;
    const first = this.rebuild();
    // A failed first build is retried by the next request; it must not crash the process meanwhile.
    first.catch(() => undefined);
    return first;
  }

  /**
   * The snapshot of the store as it is now. When the store has changed, the new snapshot is awaited for up to
   * `patienceMs`; a build that takes longer (thousands of protocols, while an ingest keeps writing) leaves this
   * request with the previous snapshot rather than stalling every request behind each write.
   */
  async current(): Promise<AnalyticsSnapshot> {
    const snapshot = await this.start().catch(() => this.rebuild());
    if ((await this.store.revision()) === snapshot.revision) return snapshot;
    const fresh = this.rebuild();
    // Requests come back for it; a failed build is retried by the next one.
    fresh.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<AnalyticsSnapshot>((resolve) => {
      timer = setTimeout(() => resolve(snapshot), this.patienceMs);
      timer.unref();
    });
    try {
      return await Promise.race([fresh, patience]);
    } finally {
      clearTimeout(timer);
    }
  }

  private rebuild(): Promise<AnalyticsSnapshot> {
    if (this.building) return this.building;
    const building = this.loadOrBuild()
      .then((snapshot) => {
        this.onSnapshot?.(snapshot);
        return snapshot;
      })
      .finally(() => {
        this.building = null;
      });
    this.building = building;
    this.latest = building;
    return building;
  }

  private async loadOrBuild(): Promise<AnalyticsSnapshot> {
    if (!this.savedFile) return buildSnapshot(this.store);
    const key = await snapshotKey(this.store);
    const saved = await loadSnapshot(this.savedFile, key);
    if (saved) return withLookups(saved);
    const snapshot = await buildSnapshot(this.store);
    // Saving only spares the next start a build; a full disk must not fail this one.
    await saveSnapshot(this.savedFile, key, snapshot).catch(() => undefined);
    return snapshot;
  }
}
