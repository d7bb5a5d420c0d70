// Search endpoints: /api/search (hits with snippets as ranges, facets for the query), /api/facets (over the
// whole archive, or its real or generated protocols only) and /api/suggest (archive words for autocomplete). Owns the search service that keeps the
// index saved under dataDir/index in step with the store.
import { Router } from 'express';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppOptions } from '../app.ts';
import { MiniSearchEngine } from '../search/minisearch-engine.ts';
import { SearchService } from '../search/service.ts';
import { matchWatches } from '../watches/matcher.ts';
import type { SearchHit } from '../search/engine.ts';
import { isoDate, name, parseQueryParams, source } from './query-params.ts';

/** How often the server looks for protocols ingested by another process. */
const POLL_MS = 3000;

/** Searches whose matches the engine keeps for their further pages (match-cache.ts). */
const KEPT_SEARCHES = 100;

const searchParams = z
  .object({
    q: z.string().max(500, 'at most 500 characters').default(''),
    forvaltning: name.optional(),
    party: name.optional(),
    topic: name.optional(),
    status: z.enum(['answered', 'deferred', 'unanswered']).optional(),
    body: name.optional(),
    source: source.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    page: z.coerce.number().int('must be a whole number').min(1).max(1000).default(1),
    pageSize: z.coerce.number().int('must be a whole number').min(1).max(100).default(10),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "'from' must not be after 'to'", path: ['from'] });

const facetParams = z.object({ source: source.optional() });

const suggestParams = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export async function searchRoutes(
  options: AppOptions,
): Promise<{ router: Router; close?: () => Promise<void>; refresh: () => Promise<void> }> {
  const service = new SearchService({
    store: options.store,
    engine: new MiniSearchEngine({ keptSearches: KEPT_SEARCHES }),
    indexDir: join(options.dataDir, 'index'),
    pollMs: options.refreshMs ?? POLL_MS,
    // A watch that fails to match must not stop the index from catching up; the next protocol tries again.
    onIndexed: (records) => matchWatches(options.store, records).then(
      () => undefined,
      (err: Error) => void process.stderr.write(`watches: matching new protocols failed: ${err.message}\n`),
    ),
  });
  await service.start();
  const engine = service.engine;
  const router = Router();

  router.get('/search', (req, res) => {
    const p = parseQueryParams(searchParams, req);
    const { q, sort, page, pageSize, ...filters } = p;
    const body = service.search({ query: q, filters, sort, page, pageSize }, (result) =>
      JSON.stringify({
        query: q,
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        relaxed: result.relaxed,
        hits: result.hits.map((hit) => ({ ...hit, ocr: service.readByOcr(hit.protocolId), link: linkTo(hit, q) })),
        facets: result.facets,
        corrections: result.corrections,
        ...(result.suggestions.length > 0 ? { suggestions: result.suggestions } : {}),
      }),
    );
    res.type('json').send(body);
  });

  router.get('/facets', (req, res) => {
    res.json(engine.facets(parseQueryParams(facetParams, req)));
  });

  router.get('/suggest', (req, res) => {
    const { q, limit } = parseQueryParams(suggestParams, req);
    res.json({ suggestions: engine.suggest(q.trim(), limit) });
  });

  // refresh: a correction asks for it so that search shows it as soon as the correction is answered.
  return { router, close: () => service.close(), refresh: () => service.refresh() };
}

/** The web UI's stable address of the section, opened at the page of the match with the query to highlight. */
function linkTo(hit: SearchHit, query: string): string {
  const params = new URLSearchParams({ avsnitt: hit.section.number, sida: String(hit.page) });
  if (query) params.set('q', query);
  return `/protokoll/${encodeURIComponent(hit.protocolId)}?${params}`;
}
