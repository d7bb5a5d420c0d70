// The analytics endpoints: topics, topic trends and their förvaltning matrix, emerging subjects, and questions
// followed across meetings (list, CSV, one question, counts over time). They answer from an in-memory snapshot
// that is rebuilt when the store's revision moves (server/analytics/live-analytics.ts); answers to repeated
// queries are remembered for that snapshot (server/analytics/response-memo.ts).
import { Router, type Request, type Response } from 'express';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppOptions } from '../app.ts';
import { HttpError } from '../http-error.ts';
import { tableCsv } from '../analytics/csv.ts';
import { matrixTable, partiesTable, questionsOverTimeTable, questionTable, topicOverTimeTable, type Table } from '../analytics/table-columns.ts';
import { balanceList, type BalanceList } from '../analytics/balance-list.ts';
import { compareSwedish } from '../analytics/swedish-order.ts';
import { LONG_WAIT_MEETINGS, openQuestionsByForvaltning, risingTopics } from '../analytics/overview.ts';
import { LiveAnalytics } from '../analytics/live-analytics.ts';
import { ResponseMemo, type JsonAnswer } from '../analytics/response-memo.ts';
import { questionMatcher, type QuestionFilter } from '../analytics/question-filter.ts';
import { inOrder } from '../analytics/question-order.ts';
import { questionStats, questionsOverTime, type TrackedQuestion } from '../analytics/question-stats.ts';
import type { AnalyticsSnapshot } from '../analytics/snapshot.ts';
import { similarRoutes } from './similar.ts';

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
  /** Open questions that have waited through more than this many later meetings of their förvaltning. */
  waitedMoreThan: z.coerce.number().int().min(0).max(1000).optional(),
});
/** Newest first, open questions first (then newest first: the tracker's order), or closest to the free text first. */
const questionOrder = z.enum(['date', 'open-first', 'relevance']).default('date');
const questionsQuery = questionFilterQuery.extend({
  sort: questionOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const csvQuery = questionFilterQuery.extend({ sort: questionOrder, delimiter: z.enum(['comma', 'semicolon']).default('comma') });
const overTimeQuery = questionFilterQuery.extend({ period: period.default('quarter') });
const balanceQuery = z.object({
  forvaltning: z.string().trim().min(1, 'choose a förvaltning').max(200),
  body: z.string().trim().max(200).optional().transform((v) => v || undefined),
  by: z.enum(['party', 'topic']).default('party'),
  /** The meeting the list is for; today when not given. */
  meeting: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional(),
});

/** The analytics snapshot loads this long after start, or at the first request that needs it (live-analytics.ts). */
const ANALYTICS_START_MS = 1500;

export async function analyticsRoutes(options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  const memo = new ResponseMemo();
  const analytics = new LiveAnalytics(
    options.store,
    join(options.dataDir, 'analytics-snapshot.json'),
    (snapshot) => prepareCommonAnswers(snapshot, memo),
    undefined,
    ANALYTICS_START_MS,
  );
  const router = Router();
  const sendJson = (res: Response, answer: JsonAnswer) => res.type('application/json').set('ETag', answer.etag).send(answer.body);
  // Before /questions/:id, which would otherwise take "answered-elsewhere" for an id.
  similarRoutes(router, options.store, () => analytics.current());

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
    const { questions, relevance } = select(await analytics.current(), filter);
    const selected = inOrder(questions, sort, relevance);
    res
      .type('text/csv; charset=utf-8')
      .attachment('fragor.csv')
      .send(tableCsv(questionTable(selected), delimiter === 'semicolon' ? ';' : ','));
  });

  router.get('/questions.xlsx', async (req, res) => {
    const { sort, ...filter } = parse(questionFilterQuery.extend({ sort: questionOrder }), req);
    const { questions, relevance } = select(await analytics.current(), filter);
    await sendXlsx(res, 'fragor.xlsx', questionTable(inOrder(questions, sort, relevance)));
  });

  router.get('/questions/over-time', async (req, res) => {
    const query = parse(overTimeQuery, req);
    sendJson(res, overTimeAnswer(await analytics.current(), memo, query));
  });

  // The trend tables as workbooks: the same query as the JSON answer beside them, the same rows.

  router.get('/trends.xlsx', async (req, res) => {
    const query = parse(trendsQuery, req);
    const snapshot = await analytics.current();
    const rows = snapshot.trends.trendRows({ ...query, forvaltningar: query.forvaltning });
    const label = snapshot.topics.find((t) => t.id === query.topic)?.label ?? query.topic ?? 'alla ämnen';
    const table = query.by === 'party' ? partiesTable(rows, label) : topicOverTimeTable(rows, label);
    await sendXlsx(res, query.by === 'party' ? 'parter.xlsx' : 'amne-over-tid.xlsx', table);
  });

  router.get('/trends/matrix.xlsx', async (req, res) => {
    const query = parse(rangeQuery, req);
    const snapshot = await analytics.current();
    const labels = new Map(snapshot.topics.map((t) => [t.id, t.label]));
    const table = matrixTable(snapshot.trends.matrixRows(query.from, query.to), (id) => labels.get(id) ?? id);
    await sendXlsx(res, 'amnen-per-forvaltning.xlsx', table);
  });

  router.get('/questions/over-time.xlsx', async (req, res) => {
    const { period: p, ...filter } = parse(overTimeQuery, req);
    await sendXlsx(res, 'fragor-over-tid.xlsx', questionsOverTimeTable(questionsOverTime(select(await analytics.current(), filter).questions, p)));
  });

  router.get('/overview', async (_req, res) => {
    const snapshot = await analytics.current();
    sendJson(res, memo.json(snapshot, 'overview', () => ({
      longWaitMeetings: LONG_WAIT_MEETINGS,
      openQuestions: openQuestionsByForvaltning(snapshot.questions, snapshot.meetingsWaited),
      rising: risingTopics(snapshot.topicFacts, snapshot.topics),
    })));
  });

  router.get('/balanslista', async (req, res) => {
    const query = parse(balanceQuery, req);
    const snapshot = await analytics.current();
    const meeting = query.meeting ?? today();
    res.json({ ...balanceOf(snapshot, query), meeting, heading: (await docxWriter()).balanceHeading(meeting), bodies: bodiesOf(snapshot, query.forvaltning) });
  });

  router.get('/balanslista.docx', async (req, res) => {
    const query = parse(balanceQuery, req);
    const list = balanceOf(await analytics.current(), query);
    const meeting = query.meeting ?? today();
    const bytes = await (await docxWriter()).balanceDocx(list, { meetingDate: meeting, drawnUp: today() });
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .attachment(`balanslista-${fileSafe(list.forvaltning)}-${meeting}.docx`)
      .send(bytes);
  });

  router.get('/questions/:id', async (req, res) => {
    const snapshot = await analytics.current();
    const question = snapshot.questionsById.get(req.params.id);
    if (!question) throw new HttpError(404, 'no such question');
    res.json(publicQuestion(question));
  });

  return { router, close: async () => analytics.stop() };
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
    const { questions, relevance } = select(snapshot, filter);
    return {
      total: questions.length,
      page,
      pageSize,
      questions: inOrder(questions, sort, relevance).slice((page - 1) * pageSize, page * pageSize).map(publicQuestion),
      stats: questionStats(questions),
    };
  });
}

function overTimeAnswer(snapshot: AnalyticsSnapshot, memo: ResponseMemo, query: z.infer<typeof overTimeQuery>): JsonAnswer {
  const { period: p, ...filter } = query;
  return memo.json(snapshot, `over-time ${JSON.stringify(query)}`, () => ({ period: p, rows: questionsOverTime(select(snapshot, filter).questions, p) }));
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

function balanceOf(snapshot: AnalyticsSnapshot, query: z.infer<typeof balanceQuery>): BalanceList {
  const labels = new Map(snapshot.topics.map((t) => [t.id, t.label]));
  return balanceList(snapshot.questions, snapshot.questionsById, { ...query, before: query.meeting, topicLabel: (id) => labels.get(id) ?? id });
}

/** The bodies (FVG, SVG …) a förvaltning's questions were asked in, for choosing one. */
function bodiesOf(snapshot: AnalyticsSnapshot, forvaltning: string): string[] {
  const bodies = new Set<string>();
  for (const q of snapshot.questions) if (q.forvaltning === forvaltning && q.body) bodies.add(q.body);
  return [...bodies].sort(compareSwedish);
}

/** Today's date in Sweden, "YYYY-MM-DD". */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** A förvaltning's name as part of a download's file name: letters, digits and dashes only. */
// The Word and Excel writers (docx, exceljs) are large libraries: loaded on the first download, not at every
// start of a node.
const docxWriter = () => import('../analytics/balance-docx.ts');

function fileSafe(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'forvaltning';
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendXlsx<T>(res: Response, fileName: string, table: Table<T>): Promise<void> {
  const { tableXlsx } = await import('../analytics/xlsx.ts');
  res.type(XLSX_TYPE).attachment(fileName).send(await tableXlsx(table));
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

/** The questions the filter selects, newest first, with their closeness to its free text when it has one. */
function select(
  snapshot: AnalyticsSnapshot,
  { waitedMoreThan, ...filter }: QuestionFilter & { waitedMoreThan?: number },
): { questions: TrackedQuestion[]; relevance?: Map<string, number> } {
  const matches = questionMatcher(filter);
  const waitedEnough = (q: TrackedQuestion) => waitedMoreThan === undefined || (snapshot.meetingsWaited.get(q.id) ?? -1) > waitedMoreThan;
  const selects = (q: TrackedQuestion) => waitedEnough(q) && matches(q);
  if (!filter.q) return { questions: snapshot.questions.filter(selects) };
  const relevance = snapshot.textIndex().search(filter.q);
  return { questions: snapshot.questions.filter((q) => relevance.has(q.id) && selects(q)), relevance };
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
