// The HTTP application: security headers, request logging, JSON errors, the API routes and the built web UI.
// Each route module owns its endpoints and the services behind them; this file only wires them together.
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveStore, ProtocolId } from '../ingest/store/types.ts';
import type { FileResult } from '../ingest/run/ingest.ts';
import type { BackgroundState } from '../ingest/run/upload-state.ts';
import { archiveRoutes } from './routes/archive.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { searchRoutes } from './routes/search.ts';
import { protocolRoutes } from './routes/protocols.ts';
import { HttpError } from './http-error.ts';
import { watchRoutes } from './routes/watches.ts';
import { identityMiddleware, type ReadAccess } from './auth/identity.ts';
import { DEFAULT_SESSION_TTL_MS, sessionRoutes } from './routes/session.ts';
import { oidcRoutes } from './routes/oidc.ts';
import type { OidcSettings } from './auth/oidc-settings.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { requestLog } from './request-log.ts';

export interface AppOptions {
  store: ArchiveStore;
  /** Folder for derived files (saved search index, uploads). */
  dataDir: string;
  /** Folder of the built web UI; served when it exists. */
  webDir?: string;
  /** The bootstrap administrator's bearer token (ADMIN_TOKEN): lets a fresh install create its first users. */
  adminToken?: string;
  /** Whether reading needs a signed-in läsare ('login') or not ('public', the default). */
  readAccess?: ReadAccess;
  /** How long a sign-in lasts (default 12 hours). */
  sessionTtlMs?: number;
  /** Sign-in through the organisation's identity provider (OIDC_* settings); off when absent. */
  oidc?: OidcSettings;
  /** Express's `trust proxy` setting, for a server behind a TLS-terminating proxy (cookies then get Secure). */
  trustProxy?: boolean | number | string;
  /** Log each request (off in tests). */
  log?: boolean;
  /** How often to look for new protocols in the store (ms); 3 s unless set. */
  refreshMs?: number;
  /**
   * Ingests an uploaded PDF. Without it an upload is written under dataDir/uploads and parsed in this process
   * (embedded); server mode hands it to the database's job queue, so it lands in the archive every node shares.
   */
  ingestUpload?: (file: { name: string; bytes: Uint8Array; scannedPages: number }) => Promise<FileResult>;
  /** Server mode: the state of an upload another node took (GET /api/uploads/:id), from the job queue. */
  uploadState?: (id: ProtocolId) => Promise<BackgroundState | undefined>;
  /** Told when the store cannot be reached (for the log; /readyz answers 503 meanwhile). */
  onStoreDown?: (err: Error) => void;
  /** Where the request log goes (standard output unless given; tests read it). */
  logDestination?: NodeJS.WritableStream;
}

export interface App {
  app: express.Express;
  /** Stops background work (index refresh timers). */
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // vega renders charts without eval when given the expression interpreter; pdf.js needs blob: workers.
          'script-src': ["'self'"],
          'worker-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  probeRoutes(app, options);
  if (options.log !== false) app.use(requestLog(options.logDestination));
  app.use(
    '/api',
    identityMiddleware({ accounts: options.store.accounts, adminToken: options.adminToken, readAccess: options.readAccess ?? 'public' }),
  );

  const closers: Array<() => Promise<void> | void> = [];
  const refreshers: Array<() => Promise<void>> = [];
  const mount = async (routes: { router: express.Router; close?: () => Promise<void> | void; refresh?: () => Promise<void> }) => {
    app.use('/api', routes.router);
    if (routes.close) closers.push(routes.close);
    if (routes.refresh) refreshers.push(routes.refresh);
  };
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  await mount(sessionRoutes({ accounts: options.store.accounts, sessionTtlMs }));
  await mount(oidcRoutes({ accounts: options.store.accounts, settings: options.oidc, sessionTtlMs }));
  // Mounted before search, whose index it refreshes after each change (the refreshers are read at request time).
  await mount(correctionRoutes(options.store, async () => {
    for (const refresh of refreshers) await refresh();
  }));
  await mount(await searchRoutes(options));
  await mount(await protocolRoutes(options));
  await mount(await analyticsRoutes(options));
  await mount(await archiveRoutes(options));
  await mount(watchRoutes(options.store));

  app.use('/api', (_req, _res, next) => next(new HttpError(404, 'no such API endpoint')));

  if (options.webDir && existsSync(join(options.webDir, 'index.html'))) {
    const webDir = options.webDir;
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (/sok, /protokoll/:id …) all load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(webDir, 'index.html')));
  }

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = err instanceof HttpError ? err.status : typeof err?.status === 'number' ? err.status : 500;
    const message = status >= 500 ? 'internal error' : String(err?.message ?? 'bad request');
    if (status >= 500) (res as unknown as { log?: { error: (e: unknown) => void } }).log?.error(err);
    res.status(status).json({ error: message, ...(err instanceof HttpError && err.details ? { details: err.details } : {}) });
  };
  app.use(onError);

  return {
    app,
    close: async () => {
      for (const close of closers) await close();
    },
  };
}

/** How long /readyz waits for the store before calling it unreachable. */
const READY_TIMEOUT_MS = 2000;

/**
 * GET /healthz: the process is alive. GET /readyz: the store answers and the search index is loaded (createApp
 * returns only once it is), so a load balancer sends no traffic to a node whose database is away.
 */
function probeRoutes(app: express.Express, options: AppOptions): void {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const revision = await Promise.race([
        options.store.revision(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
        }),
      ]);
      res.json({ status: 'ready', revision });
    } catch (err) {
      options.onStoreDown?.(err as Error);
      res.status(503).json({ status: 'unavailable', error: 'the archive database cannot be reached' });
    } finally {
      clearTimeout(timer);
    }
  });
}
