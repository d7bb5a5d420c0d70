// The request log: one JSON line per API request (pino-http), with credentials censored — the Authorization
// header (ADMIN_TOKEN, personal tokens), the Cookie header (session ids) and Set-Cookie on answers never reach
// a log file, where anyone reading logs could reuse them.
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function requestLog(destination?: NodeJS.WritableStream): RequestHandler {
  return pinoHttp(
    {
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
