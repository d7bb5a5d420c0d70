// The HTTP application: security headers, request logging, JSON errors, the API routes and the built web UI.
// Each route module owns its endpoints and the services behind them; this file only wires them together.
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveStore } from '../ingest/store/types.ts';
import { archiveRoutes } from './routes/archive.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { searchRoutes } from './routes/search.ts';
import { protocolRoutes } from './routes/protocols.ts';
import { HttpError } from './http-error.ts';

export interface AppOptions {
  store: ArchiveStore;
  /** Folder for derived files (saved search index, uploads). */
  dataDir: string;
  /** Folder of the built web UI; served when it exists. */
  webDir?: string;
  /** Token that unlocks uploads; uploads are off without it. */
  adminToken?: string;
  /** Log each request (off in tests). */
  log?: boolean;
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
  if (options.log !== false) app.use(pinoHttp({ autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') } }));

  const closers: Array<() => Promise<void> | void> = [];
  const mount = async (routes: { router: express.Router; close?: () => Promise<void> | void }) => {
    app.use('/api', routes.router);
    if (routes.close) closers.push(routes.close);
  };
  await mount(await searchRoutes(options));
  await mount(await protocolRoutes(options));
  await mount(await analyticsRoutes(options));
  await mount(await archiveRoutes(options));

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
