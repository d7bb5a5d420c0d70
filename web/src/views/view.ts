// What every page module exports: a factory that builds the view into <main> and updates it on each URL change.
import type { Route } from '../router.ts';

export interface View {
  /** Renders the route; called once after creation and again when only the query or params change. */
  update(route: Route): Promise<void>;
  /** Releases what the view holds (PDF documents, charts, timers) before another view replaces it. */
  destroy?(): void;
}

export type ViewFactory = (main: HTMLElement) => View;
