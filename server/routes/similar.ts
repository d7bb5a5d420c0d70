// "Has this been asked before?": the stored similar questions of a question (worked out at ingest,
// ingest/similar/), each with its meeting, its answer and its status now, and why it was chosen; and, for a page
// of open questions, where a similar question was answered elsewhere. Reads one stored list per question, so it
// answers in the same time on any size of archive.
import type { Router } from 'express';
import { z } from 'zod';
import type { ArchiveStore, SimilarQuestionRecord } from '../../ingest/store/types.ts';
import { HttpError } from '../http-error.ts';
import type { AnalyticsSnapshot } from '../analytics/snapshot.ts';
import { loadTaxonomy } from '../analytics/taxonomy.ts';

const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(12).default(5) });
const elsewhereQuery = z.object({
  ids: z.string().max(5000).transform((s) => s.split(',').map((id) => id.trim()).filter(Boolean).slice(0, 100)),
});

/** A similar question must be at least this close to be offered as "answered elsewhere" beside an open one. */
const ELSEWHERE_MIN_SCORE = 0.3;

export function similarRoutes(router: Router, store: ArchiveStore, snapshot: () => Promise<AnalyticsSnapshot>): void {
  const topicLabels = new Map(loadTaxonomy().map((t) => [t.id, t.label]));

  router.get('/questions/answered-elsewhere', async (req, res) => {
    const parsed = elsewhereQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, 'bad parameters: ids must list question ids, comma-separated');
    const current = await snapshot();
    const answered: Record<string, ReturnType<typeof publicSimilar>> = {};
    for (const id of parsed.data.ids) {
      const similar = (await store.similarQuestions(id, 12)) ?? [];
      const found = similar.find((s) => s.score >= ELSEWHERE_MIN_SCORE && statusNow(s, current) !== 'open');
      if (found) answered[id] = publicSimilar(found, current, topicLabels);
    }
    res.json({ answeredElsewhere: answered });
  });

  router.get('/questions/:id/similar', async (req, res) => {
    const parsed = similarQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, 'bad parameters: limit must be a whole number from 1 to 12');
    const similar = await store.similarQuestions(req.params.id, parsed.data.limit);
    if (!similar) throw new HttpError(404, 'no such question');
    const current = await snapshot();
    res.json({ similar: similar.map((s) => publicSimilar(s, current, topicLabels)) });
  });
}

/** Where the question stands now: answered in its meeting, answered at a later one, or still open. */
function statusNow(s: SimilarQuestionRecord, snapshot: AnalyticsSnapshot): 'open' | 'answered' | 'answered_later' {
  const tracked = snapshot.questionsById.get(s.id);
  if (tracked) return tracked.currentStatus;
  return s.status === 'answered' ? 'answered' : 'open';
}

function publicSimilar(s: SimilarQuestionRecord, snapshot: AnalyticsSnapshot, topicLabels: Map<string, string>) {
  const tracked = snapshot.questionsById.get(s.id);
  const topics = s.sharedTopics.map((t) => topicLabels.get(t) ?? t);
  return {
    id: s.id,
    protocolId: s.protocolId,
    forvaltning: s.forvaltning,
    date: s.date,
    section: s.section,
    page: s.page,
    party: s.party,
    text: s.text,
    status: statusNow(s, snapshot),
    /** What the protocol recorded in the meeting where it was asked. */
    recordedStatus: s.status,
    /** The answer given then, or recorded where the question was taken up again. */
    answer: tracked?.answer ?? s.answer,
    answeredIn: tracked?.answeredIn ?? null,
    score: s.score,
    why: whyOf(s.sharedWords, topics),
    sharedWords: s.sharedWords,
    sharedTopics: topics,
    synthetic: s.synthetic,
  };
}

/** "Gemensamma ord: hot, våld · Samma ämne: Hot och våld" */
function whyOf(words: string[], topics: string[]): string {
  const parts: string[] = [];
  if (words.length > 0) parts.push(`Gemensamma ord: ${words.join(', ')}`);
  if (topics.length > 0) parts.push(`Samma ämne: ${topics.join(', ')}`);
  return parts.join(' · ') || 'Liknande formulering';
}
