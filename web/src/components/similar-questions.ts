// "Liknande frågor": under a question, the closest questions asked at other meetings — party, förvaltning, date,
// status, the answer, a link to the protocol at the right page, and why each was chosen — fetched when opened, so
// a list of questions costs no requests until someone looks. And, beside an open question in a list, where a
// similar question has already been answered ("Besvarad i Farsta 2025-03-18").
import { el, replace } from '../dom.ts';
import { api } from '../api/client.ts';
import type { SimilarQuestion } from '../api/types.ts';
import { urlFor } from '../router.ts';
import { currentStatusBadge, partyBadge, syntheticTag } from './badges.ts';
import { errorMessage, loading } from './messages.ts';
import { formatDate } from '../format/dates.ts';
import './similar-questions.css';

const SHOWN = 5;

function protocolLink(s: SimilarQuestion): string {
  return urlFor(`/protokoll/${encodeURIComponent(s.protocolId)}`, { avsnitt: s.section, sida: s.page });
}

function similarItem(s: SimilarQuestion): HTMLElement {
  return el(
    'li',
    { class: 'similar-item' },
    el(
      'p',
      { class: 'question-head' },
      currentStatusBadge(s.status),
      partyBadge(s.party),
      el('span', {}, s.forvaltning ?? 'Förvaltning okänd'),
      el('a', { attrs: { href: protocolLink(s) } }, `${formatDate(s.date)}, § ${s.section}, sida ${s.page}`),
      s.synthetic ? syntheticTag() : null,
    ),
    el('p', { class: 'similar-text' }, s.text),
    s.answer
      ? el('p', { class: 'answer' }, el('strong', {}, `Svar${s.answer.party ? ` (${s.answer.party})` : ''}: `), s.answer.text)
      : el('p', { class: 'muted' }, 'Inget svar i protokollen ännu.'),
    el('p', { class: 'similar-why muted' }, `Varför: ${s.why}`),
  );
}

/** A closed "Liknande frågor" panel for a question; its list is fetched the first time it is opened. */
export function similarQuestionsPanel(questionId: string): HTMLElement {
  const body = el('div', {});
  let fetched = false;
  const panel = el(
    'details',
    {
      class: 'similar',
      on: {
        toggle: () => {
          if (!panel.open || fetched) return;
          fetched = true;
          void fill(body, questionId);
        },
      },
    },
    el('summary', {}, 'Liknande frågor från andra möten'),
    body,
  );
  return panel;
}

async function fill(body: HTMLElement, questionId: string): Promise<void> {
  replace(body, loading('Letar efter liknande frågor …'));
  try {
    const { similar } = await api.similarQuestions(questionId, SHOWN);
    replace(
      body,
      similar.length === 0
        ? el('p', { class: 'muted' }, 'Ingen liknande fråga har ställts vid andra möten i arkivet.')
        : el('ol', { class: 'similar-list' }, ...similar.map(similarItem)),
    );
  } catch (error) {
    replace(body, errorMessage('Liknande frågor kunde inte hämtas', error));
  }
}

/**
 * Beside each open question shown in `list` (cards marked with data-question="<id>"), notes where a similar
 * question was answered at another meeting. Leaves the list as it is when the lookup fails: it is a hint only.
 */
export async function showAnsweredElsewhere(list: HTMLElement, openIds: string[]): Promise<void> {
  if (openIds.length === 0) return;
  let found: Record<string, SimilarQuestion>;
  try {
    found = (await api.answeredElsewhere(openIds)).answeredElsewhere;
  } catch {
    return;
  }
  for (const card of list.querySelectorAll<HTMLElement>('[data-question]')) {
    const s = found[card.dataset.question ?? ''];
    if (!s) continue;
    card.append(
      el(
        'p',
        { class: 'answered-elsewhere' },
        el('a', { attrs: { href: protocolLink(s) } }, `Besvarad i ${s.forvaltning ?? 'annan förvaltning'} ${s.date ?? ''}`.trim()),
        el('span', { class: 'muted' }, ` – en liknande fråga (${s.why.toLowerCase()})`),
      ),
    );
  }
}
