// The watches part of the archive store ("Bevakningar"): a user's saved searches and watched questions, and the
// protocols found for each. A hit is recorded once per watch and protocol (the tables' UNIQUE key), so matching the
// same protocol again — another node, a re-ingest, a correction — never tells the user twice. "New since last seen"
// is counted by hit id, not by clock, so two hits in the same millisecond are never lost between two looks.

export type WatchKind = 'search' | 'question';

export interface Watch {
  id: number;
  userId: number;
  kind: WatchKind;
  /** The search words (kind 'search'); '' searches everything the filters allow. */
  query: string;
  /** The search filters as the search endpoint takes them (kind 'search'). */
  filters: Record<string, string>;
  /** The watched question (kind 'question'). */
  questionId: string | null;
  createdAt: string;
  /** Hits recorded since the user last marked this watch seen. */
  newHits: number;
}

export interface WatchHit {
  id: number;
  watchId: number;
  protocolId: string;
  foundAt: string;
}

export interface NewWatch {
  userId: number;
  kind: WatchKind;
  query: string;
  filters: Record<string, string>;
  questionId: string | null;
  /** sha256 of the feed token; the token itself is shown once and never stored. */
  feedTokenHash: string;
}

export interface WatchStore {
  addWatch(watch: NewWatch): Promise<Watch>;
  /** A user's watches, oldest first, each with its count of new hits. */
  listWatches(userId: number): Promise<Watch[]>;
  /** Every watch of a kind: what a newly ingested protocol is tested against. */
  watchesOfKind(kind: WatchKind): Promise<Watch[]>;
  /** The watch whose feed token has this hash; deleting the watch revokes the feed. */
  findWatchByFeed(feedTokenHash: string): Promise<Watch | undefined>;
  /** Removes a watch and its hits if it belongs to the user; false otherwise. */
  removeWatch(id: number, userId: number): Promise<boolean>;
  /** Marks every hit of the user's watch seen; false when the user has no such watch. */
  markSeen(id: number, userId: number): Promise<boolean>;
  /** Records hits not recorded before; returns how many were new. */
  recordHits(hits: Array<{ watchId: number; protocolId: string }>, foundAt: string): Promise<number>;
  /** A watch's hits, newest first. */
  hits(watchId: number, limit: number): Promise<WatchHit[]>;
}
