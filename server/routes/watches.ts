// Watches ("Bevakningar") over HTTP: a signed-in user's saved searches and watched questions with what is new
// since they last looked (GET/POST /api/watches, DELETE /api/watches/:id, POST /api/watches/:id/seen), and each
// watch's Atom feed at a secret URL (GET /api/feeds/:token.atom) that works without a session: the token is the
// key, only its hash is stored, and deleting the watch revokes it. Roles are declared in auth/route-roles.ts.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { User } from '../../ingest/store/accounts.ts';
import type { Watch } from '../../ingest/store/watches.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { identityOf } from '../auth/identity.ts';
import { digestOf, newSecret } from '../auth/secrets.ts';
import { HttpError } from '../http-error.ts';
import { atomFeed, watchTitle, type FeedEntry } from '../watches/atom.ts';
import { parseBody } from './body.ts';
import { isoDate, name, source } from './query-params.ts';

/** Entries in a feed and hits listed per watch: the newest. */
const FEED_ENTRIES = 50;
const LISTED_HITS = 20;

const filters = z
  .object({
    forvaltning: name.optional(),
    party: name.optional(),
    topic: name.optional(),
    status: z.enum(['answered', 'deferred', 'unanswered']).optional(),
    body: name.optional(),
    source: source.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

const newWatch = z.union([
  z.object({ query: z.string().trim().max(500, 'at most 500 characters'), filters: filters.default({}) }).strict(),
  z.object({ questionId: z.string().trim().min(1).max(200) }).strict(),
]);

export function watchRoutes(store: ArchiveStore): { router: Router } {
  const router = Router();
  const json = express.json({ limit: '16kb' });

  /** The caller's account: a watch belongs to a user, which the bootstrap ADMIN_TOKEN is not. */
  const owner = async (res: Response): Promise<User> => {
    const identity = identityOf(res);
    if (!identity) throw new HttpError(401, 'sign in required');
    const user = identity.via === 'admin-token' ? undefined : await store.accounts.findUser(identity.name);
    if (!user) throw new HttpError(403, 'watches belong to a user account; sign in as a user');
    return user;
  };

  const entriesOf = async (watch: Watch, limit: number): Promise<FeedEntry[]> => {
    const entries: FeedEntry[] = [];
    for (const hit of await store.watches.hits(watch.id, limit)) {
      const protocol = await store.getProtocol(hit.protocolId);
      // A protocol removed since it was found is no longer anything to read.
      if (!protocol) continue;
      entries.push({ protocolId: hit.protocolId, forvaltning: protocol.meeting.forvaltning, date: protocol.meeting.date, title: protocol.meeting.title, foundAt: hit.foundAt });
    }
    return entries;
  };

  router.get('/watches', async (_req, res) => {
    const user = await owner(res);
    const watches = await store.watches.listWatches(user.id);
    res.json({
      watches: await Promise.all(watches.map(async (w) => ({ ...publicWatch(w), hits: await entriesOf(w, LISTED_HITS) }))),
      newHits: watches.reduce((sum, w) => sum + w.newHits, 0),
    });
  });

  router.post('/watches', json, async (req, res) => {
    const user = await owner(res);
    const body = parseBody(newWatch, req);
    if ('questionId' in body && !(await store.getProtocol(body.questionId.replace(/-[^-]+$/, '')))?.questions.some((q) => q.id === body.questionId)) {
      throw new HttpError(404, 'no such question');
    }
    const token = newSecret();
    const watch = await store.watches.addWatch(
      'questionId' in body
        ? { userId: user.id, kind: 'question', query: '', filters: {}, questionId: body.questionId, feedTokenHash: digestOf(token) }
        : { userId: user.id, kind: 'search', query: body.query, filters: body.filters as Record<string, string>, questionId: null, feedTokenHash: digestOf(token) },
    );
    // The feed URL is shown this once: only its token's hash is kept, so it cannot be shown again.
    res.status(201).json({ watch: publicWatch(watch), feedUrl: `${originOf(req)}/api/feeds/${token}.atom` });
  });

  router.delete('/watches/:id', async (req, res) => {
    const user = await owner(res);
    if (!(await store.watches.removeWatch(watchId(req), user.id))) throw new HttpError(404, 'no such watch');
    res.status(204).end();
  });

  router.post('/watches/:id/seen', async (req, res) => {
    const user = await owner(res);
    if (!(await store.watches.markSeen(watchId(req), user.id))) throw new HttpError(404, 'no such watch');
    res.status(204).end();
  });

  router.get('/feeds/:file', async (req, res) => {
    const token = /^([A-Za-z0-9_-]{16,200})\.atom$/.exec(req.params.file)?.[1];
    const watch = token ? await store.watches.findWatchByFeed(digestOf(token)) : undefined;
    if (!watch) throw new HttpError(404, 'not found');
    res.set('cache-control', 'private, no-store');
    res.type('application/atom+xml; charset=utf-8').send(atomFeed(watch, await entriesOf(watch, FEED_ENTRIES), originOf(req)));
  });

  return { router };
}

function watchId(req: Request): number {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw new HttpError(404, 'no such watch');
  return id;
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function publicWatch(w: Watch) {
  return { id: w.id, kind: w.kind, query: w.query, filters: w.filters, questionId: w.questionId, title: watchTitle(w), createdAt: w.createdAt, newHits: w.newHits };
}
