// The analytics endpoints: topics, topic trends and their förvaltning matrix, emerging subjects, and questions
// followed across meetings (list, CSV, one question, counts over time). They answer from an in-memory snapshot
// that is rebuilt when the store's revision moves (server/analytics/live-analytics.ts); answers to repeated
// queries are remembered for that snapshot (server/analytics/response-memo.ts).
import { Router, type Request, type Response } from 'express';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppOptions } from '../app.ts';
import { HttpError } from '../http-error.ts';
import { questionsCsv } from '../analytics/csv.ts';
import { LiveAnalytics } from '../analytics/live-analytics.ts';
import { ResponseMemo, type JsonAnswer } from '../analytics/response-memo.ts';
import { questionMatcher, type QuestionFilter } from '../analytics/question-filter.ts';
import { inOrder } from '../analytics/question-order.ts';
import { questionStats, questionsOverTime, type TrackedQuestion } from '../analytics/question-stats.ts';
import type { AnalyticsSnapshot } from '../analytics/snapshot.ts';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const period = z.enum(['month', 'quarter', 'year']);
/** A filter given once, repeated (?party=A&party=B) or comma-separated; empty means no filter. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const values = (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim());
    const given = values.filter(Boolean);
    return given.length > 0 ? given : undefined;
  });

const trendsQuery = z.object({
  topic: z.string().min(1).optional(),
  forvaltning: list,
  period: period.default('quarter'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  by: z.enum(['forvaltning', 'party']).default('forvaltning'),
});
const rangeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const emergingQuery = z.object({ period: period.default('quarter') });
const questionFilterQuery = z.object({
  status: z.enum(['open', 'answered', 'answered_later', 'deferred', 'unanswered']).optional(),
  party: list,
  forvaltning: list,
  topic: list,
  q: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  source: z.enum(['real', 'synthetic']).optional(),
});
/** Newest first, or open questions first (then newest first): the tracker's order. */
const questionOrder = z.enum(['date', 'open-first']).default('date');
const questionsQuery = questionFilterQuery.extend({
  sort: questionOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const csvQuery = questionFilterQuery.extend({ sort: questionOrder, delimiter: z.enum(['comma', 'semicolon']).default('comma') });
const overTimeQuery = questionFilterQuery.extend({ period: period.default('quarter') });

export async function analyticsRoutes(options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  const memo = new ResponseMemo();
  const analytics = new LiveAnalytics(options.store, join(options.dataDir, 'analytics-snapshot.json'), (snapshot) =>
    prepareCommonAnswers(snapshot, memo),
  );
  const router = Router();
  const sendJson = (res: Response, answer: JsonAnswer) => res.type('application/json').set('ETag', answer.etag).send(answer.body);

  router.get('/topics', async (_req, res) => {
    const snapshot = await analytics.current();
    res.json({ topics: snapshot.topics });
  });

  router.get('/trends', async (req, res) => {
    const query = parse(trendsQuery, req);
    const snapshot = await analytics.current();
    const topicIds = snapshot.trends.topicIds();
    if (query.topic && !topicIds.includes(query.topic)) {
      throw new HttpError(400, `unknown topic: ${query.topic}`, { topics: topicIds });
    }
    sendJson(res, trendsAnswer(snapshot, memo, query));
  });

  router.get('/trends/matrix', async (req, res) => {
    const query = parse(rangeQuery, req);
    const snapshot = await analytics.current();
    sendJson(res, matrixAnswer(snapshot, memo, query));
  });

  router.get('/emerging', async (req, res) => {
    const query = parse(emergingQuery, req);
    const snapshot = await analytics.current();
    sendJson(res, memo.json(snapshot, `emerging ${query.period}`, () => snapshot.emerging[query.period]));
  });

  router.get('/questions', async (req, res) => {
    const query = parse(questionsQuery, req);
    sendJson(res, questionsAnswer(await analytics.current(), memo, query));
  });

  router.get('/questions.csv', async (req, res) => {
    const { delimiter, sort, ...filter } = parse(csvQuery, req);
    const selected = inOrder(select(await analytics.current(), filter), sort);
    res
      .type('text/csv; charset=utf-8')
      .attachment('fragor.csv')
      .send(questionsCsv(selected, delimiter === 'semicolon' ? ';' : ','));
  });

  router.get('/questions/over-time', async (req, res) => {
    const query = parse(overTimeQuery, req);
    sendJson(res, overTimeAnswer(await analytics.current(), memo, query));
  });

  router.get('/questions/:id', async (req, res) => {
    const snapshot = await analytics.current();
    const question = snapshot.questionsById.get(req.params.id);
    if (!question) throw new HttpError(404, 'no such question');
    res.json(publicQuestion(question));
  });

  return { router };
}

// Each answer is remembered per snapshot under its endpoint and its parsed query (defaults filled in), so the
// same question asked with or without default parameters is computed once.

function trendsAnswer(snapshot: AnalyticsSnapshot, memo: ResponseMemo, query: z.infer<typeof trendsQuery>): JsonAnswer {
  return memo.json(snapshot, `trends ${JSON.stringify(query)}`, () => ({
    topic: query.topic ?? null,
    period: query.period,
    by: query.by,
    rows: snapshot.trends.trendRows({ ...query, forvaltningar: query.forvaltning }),
  }));
}

function matrixAnswer(snapshot: AnalyticsSnapshot, memo: ResponseMemo, query: z.infer<typeof rangeQuery>): JsonAnswer {
  return memo.json(snapshot, `matrix ${JSON.stringify(query)}`, () => ({
    from: query.from ?? null,
    to: query.to ?? null,
    rows: snapshot.trends.matrixRows(query.from, query.to),
  }));
}

function questionsAnswer(snapshot: AnalyticsSnapshot, memo: ResponseMemo, query: z.infer<typeof questionsQuery>): JsonAnswer {
  const { page, pageSize, sort, ...filter } = query;
  return memo.json(snapshot, `questions ${JSON.stringify(query)}`, () => {
    const selected = select(snapshot, filter);
    return {
      total: selected.length,
      page,
      pageSize,
      questions: inOrder(selected, sort).slice((page - 1) * pageSize, page * pageSize).map(publicQuestion),
      stats: questionStats(selected),
    };
  });
}

function overTimeAnswer(snapshot: AnalyticsSnapshot, memo: ResponseMemo, query: z.infer<typeof overTimeQuery>): JsonAnswer {
  const { period: p, ...filter } = query;
  return memo.json(snapshot, `over-time ${JSON.stringify(query)}`, () => ({ period: p, rows: questionsOverTime(select(snapshot, filter), p) }));
}

/**
 * Computes the answers the web's first views ask for (each topic by förvaltning per quarter and by party per
 * year, the matrix, the question list and its chart) right after a new snapshot, one per turn of the event loop so
 * requests are not held up, and stops when a newer snapshot has replaced this one.
 */
function prepareCommonAnswers(snapshot: AnalyticsSnapshot, memo: ResponseMemo): void {
  const work: Array<() => void> = [
    ...snapshot.trends.topicIds().flatMap((topic) => [
      () => trendsAnswer(snapshot, memo, trendsQuery.parse({ topic, period: 'quarter', by: 'forvaltning' })),
      () => trendsAnswer(snapshot, memo, trendsQuery.parse({ topic, period: 'year', by: 'party' })),
    ]),
    () => matrixAnswer(snapshot, memo, rangeQuery.parse({})),
    () => questionsAnswer(snapshot, memo, questionsQuery.parse({})),
    // The tracker's first page, as the web asks for it.
    () => questionsAnswer(snapshot, memo, questionsQuery.parse({ sort: 'open-first', pageSize: 20 })),
    ...(['month', 'quarter', 'year'] as const).map((p) => () => overTimeAnswer(snapshot, memo, overTimeQuery.parse({ period: p }))),
  ];
  const next = () => {
    const step = work.shift();
    if (!step || !memo.holds(snapshot)) return;
    step();
    setImmediate(next);
  };
  setImmediate(next);
}

function parse<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'bad parameters',
      parsed.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

function select(snapshot: AnalyticsSnapshot, filter: QuestionFilter): TrackedQuestion[] {
  const matches = questionMatcher(filter);
  return snapshot.questions.filter((q) => matches(q, snapshot.searchText.get(q.id) ?? ''));
}

/** A question as the API shows it: the parsed record with its follow-up across meetings. */
function publicQuestion(q: TrackedQuestion) {
  return {
    id: q.id,
    protocolId: q.protocolId,
    forvaltning: q.forvaltning,
    date: q.date,
    body: q.body,
    section: q.section,
    sectionTitle: q.sectionTitle,
    page: q.page,
    party: q.party,
    text: q.text,
    kind: q.kind,
    status: q.status,
    topics: q.topics,
    currentStatus: q.currentStatus,
    answer: q.answer,
    answeredIn: q.answeredIn,
    daysOpen: q.daysOpen,
    trail: q.trail,
    followUpOf: q.followUpOf,
    synthetic: q.synthetic,
    // Who corrected the question and what the parser had said ("rättad av NAME", original one click away).
    correction: q.correction ?? null,
  };
}
