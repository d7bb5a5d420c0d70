// The question tracker's order: open questions first, then the rest, paged as one list. The API pages each
// status on its own, so a page of the combined list is cut from the open list and continued from the answered one.
import { api } from './client.ts';
import type { QuestionsResponse, TrackedQuestion } from './types.ts';

type Filters = Record<string, string>;

/** `count` answered questions starting at `offset`, fetched as the (at most two) API pages that hold them. */
async function answeredRange(filters: Filters, offset: number, count: number, pageSize: number): Promise<TrackedQuestion[]> {
  const firstPage = Math.floor(offset / pageSize) + 1;
  const lastPage = Math.floor((offset + count - 1) / pageSize) + 1;
  const pages = await Promise.all(
    Array.from({ length: lastPage - firstPage + 1 }, (_, i) =>
      api.questions({ ...filters, status: 'answered', page: firstPage + i, pageSize }),
    ),
  );
  const skip = offset - (firstPage - 1) * pageSize;
  return pages.flatMap((page) => page.questions).slice(skip, skip + count);
}

/** Page `page` of the questions matching `filters` (which has no status), open ones first. */
export async function questionsOpenFirst(filters: Filters, page: number, pageSize: number): Promise<QuestionsResponse> {
  const [all, open] = await Promise.all([
    // Only for the total and the statistics over everything that matches.
    api.questions({ ...filters, page: 1, pageSize: 1 }),
    api.questions({ ...filters, status: 'open', page, pageSize }),
  ]);
  const start = (page - 1) * pageSize;
  const questions = [...open.questions];
  const missing = Math.min(pageSize - questions.length, all.total - start - questions.length);
  if (missing > 0) {
    const offset = Math.max(0, start - open.total);
    questions.push(...(await answeredRange(filters, offset, missing, pageSize)));
  }
  return { total: all.total, questions, stats: all.stats };
}
