// Protokoll: one protocol — metadata, attendees by party, table of contents, each statement marked with its
// party's colour, questions with their status, topic tags — and the original PDF beside it, opened at the
// page of the chosen section or search hit with the searched words highlighted.
// URL: /protokoll/:id?avsnitt=<section number>&sida=<page>&q=<search words>
import { el, replace } from '../dom.ts';
import { api, ApiError, pdfUrl } from '../api/client.ts';
import type { Attendee, Section, StoredProtocol } from '../api/types.ts';
import type { StoredQuestion } from '../../../ingest/store/types.ts';
import { topicLabel, topicLabels } from '../api/topic-labels.ts';
import { current, urlFor, type Route } from '../router.ts';
import { partyBadge, questionStatusBadge, syntheticTag, topicTag } from '../components/badges.ts';
import { highlighted } from '../components/highlighted-text.ts';
import { errorMessage, loading } from '../components/messages.ts';
import { formatDate, formatTimestamp } from '../format/dates.ts';
import { protocolName } from '../format/protocol-name.ts';
import { questionKindLabel } from '../format/labels.ts';
import { partyColour } from '../format/parties.ts';
import { matchRanges, queryKeys } from '../text/match-terms.ts';
import type { PdfViewer } from '../pdf/pdf-viewer.ts';
import type { View } from './view.ts';
import { questionCorrectionMark } from '../components/correction-mark.ts';
import { questionCorrector } from '../components/question-corrector.ts';
import { protocolCorrections } from '../components/protocol-corrections.ts';

function protocolTitle({ meeting }: StoredProtocol): string {
  const name = protocolName(meeting.title, meeting.body, meeting.forvaltning);
  // Without a title of its own, the date is what tells one meeting of a group from the next.
  return meeting.title || !meeting.date ? name : `${name}, ${formatDate(meeting.date)}`;
}

function sectionAnchor(number: string): string {
  return `avsnitt-${number.replace(/[^0-9A-Za-z]+/g, '-')}`;
}

function text(value: string, keys: string[]): DocumentFragment {
  return highlighted(value, matchRanges(value, keys));
}

function metadata(protocol: StoredProtocol): HTMLElement {
  const { meeting, source } = protocol;
  const rows: Array<[string, Node | string | null]> = [
    ['Förvaltning', meeting.forvaltning],
    ['Organ', meeting.body],
    [
      'Datum',
      meeting.date
        ? meeting.dateStated
          ? formatDate(meeting.date)
          : `${formatDate(meeting.date)} (står inte i protokollet, härlett ur texten)`
        : 'datum saknas',
    ],
    ['Plats', meeting.place],
    ['Ordförande', meeting.chair],
    ['Sekreterare', meeting.secretary],
    ['Fil', el('a', { attrs: { href: pdfUrl(protocol.id), download: source.file } }, source.file)],
    ['Sidor', String(source.pages)],
    ['Inläst', formatTimestamp(protocol.ingestedAt)],
  ];
  return el(
    'dl',
    { class: 'meta' },
    ...rows.filter(([, value]) => value).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
}

function topicTags(protocol: StoredProtocol, labels: Map<string, string>): HTMLElement | null {
  const mentions = new Map<string, number>();
  for (const { topic, mentions: n } of protocol.topics) mentions.set(topic, (mentions.get(topic) ?? 0) + n);
  if (mentions.size === 0) return null;
  const ordered = [...mentions.entries()].sort((a, b) => b[1] - a[1]);
  return el(
    'div',
    { class: 'topics' },
    el('h2', { class: 'visually-hidden' }, 'Ämnen'),
    el('ul', { class: 'tags', attrs: { 'aria-label': 'Ämnen' } }, ...ordered.map(([id]) => el('li', {}, topicTag(id, topicLabel(labels, id))))),
  );
}

function partyOf(attendee: Attendee): string {
  return attendee.party ?? (attendee.side === 'arbetsgivare' ? 'Arbetsgivaren' : 'Part ej angiven');
}

function attendees(protocol: StoredProtocol): HTMLElement {
  const byParty = new Map<string, Attendee[]>();
  for (const attendee of protocol.attendees) {
    const party = partyOf(attendee);
    byParty.set(party, [...(byParty.get(party) ?? []), attendee]);
  }
  // The employer first, then the unions in alphabetical order.
  const parties = [...byParty.keys()].sort((a, b) => (a === 'Arbetsgivaren' ? -1 : b === 'Arbetsgivaren' ? 1 : a.localeCompare(b, 'sv')));
  return el(
    'section',
    { class: 'attendees', attrs: { 'aria-labelledby': 'attendees-heading' } },
    el('h2', { attrs: { id: 'attendees-heading' } }, 'Närvarande'),
    protocol.attendees.length === 0 ? el('p', { class: 'muted' }, 'Närvarolistan saknas i protokollet.') : null,
    el(
      'dl',
      { class: 'attendee-list' },
      ...parties.flatMap((party) => [
        el('dt', {}, partyBadge(party)),
        el('dd', {}, byParty.get(party)!.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ')),
      ]),
    ),
    protocol.absentParties.length > 0 ? el('p', {}, `Frånvarande: ${protocol.absentParties.join(', ')}`) : null,
  );
}

function tableOfContents(protocol: StoredProtocol, query: string): HTMLElement {
  return el(
    'nav',
    { class: 'toc', attrs: { 'aria-labelledby': 'toc-heading' } },
    el('h2', { attrs: { id: 'toc-heading' } }, 'Innehåll'),
    el(
      'ol',
      {},
      ...protocol.sections.map((section) =>
        el(
          'li',
          {},
          el(
            'a',
            { attrs: { href: urlFor(`/protokoll/${encodeURIComponent(protocol.id)}`, { avsnitt: section.number, sida: section.page, q: query }) } },
            `§ ${section.number} ${section.title}`,
          ),
          el('span', { class: 'muted' }, ` s. ${section.page}`),
        ),
      ),
    ),
  );
}

function questionItem(protocol: StoredProtocol, question: StoredQuestion, keys: string[], corrected: () => void): HTMLElement {
  return el(
    'li',
    { class: `question status-border-${question.status}` },
    el('p', { class: 'question-head' }, questionStatusBadge(question.status), partyBadge(question.party), el('span', { class: 'muted' }, questionKindLabel(question.kind))),
    el('p', {}, text(question.text, keys)),
    questionCorrectionMark(question.correction),
    question.answer
      ? el('p', { class: 'answer' }, el('strong', {}, `Svar${question.answer.party ? ` (${question.answer.party})` : ''}: `), text(question.answer.text, keys))
      : null,
    questionCorrector({ ...question, protocolId: protocol.id, forvaltning: protocol.meeting.forvaltning, date: protocol.meeting.date }, corrected),
  );
}

function sectionBody(section: Section, keys: string[]): HTMLElement[] {
  if (section.utterances.length === 0) {
    return section.text
      .split(/\n{2,}|\n(?=\S)/)
      .filter((paragraph) => paragraph.trim())
      .map((paragraph) => el('p', {}, text(paragraph, keys)));
  }
  return section.utterances.map((utterance) => {
    const block = el(
      'div',
      { class: 'utterance' },
      utterance.party || utterance.speaker
        ? el('p', { class: 'speaker' }, utterance.party ? partyBadge(utterance.party) : null, utterance.speaker ? ` ${utterance.speaker}` : null)
        : null,
      el('p', {}, text(utterance.text, keys)),
    );
    block.style.setProperty('--party', partyColour(utterance.party));
    if (!utterance.party) block.classList.add('no-party');
    return block;
  });
}

function sectionView(protocol: StoredProtocol, section: Section, keys: string[], query: string, labels: Map<string, string>, corrected: () => void): HTMLElement {
  const questions = protocol.questions.filter((question) => question.section === section.number);
  const topics = [...new Set(protocol.topics.filter((t) => t.section === section.number).map((t) => t.topic))];
  return el(
    'section',
    { class: 'protocol-section', attrs: { id: sectionAnchor(section.number), 'aria-labelledby': `${sectionAnchor(section.number)}-h`, tabindex: '-1' } },
    el(
      'h2',
      { attrs: { id: `${sectionAnchor(section.number)}-h` } },
      `§ ${section.number} ${section.title} `,
      el(
        'a',
        {
          class: 'page-link',
          attrs: { href: urlFor(`/protokoll/${encodeURIComponent(protocol.id)}`, { avsnitt: section.number, sida: section.page, q: query }), 'aria-label': `Visa sida ${section.page} i PDF:en` },
        },
        `s. ${section.page}`,
      ),
    ),
    topics.length > 0 ? el('ul', { class: 'tags small', attrs: { 'aria-label': 'Ämnen i avsnittet' } }, ...topics.map((id) => el('li', {}, topicTag(id, topicLabel(labels, id))))) : null,
    ...sectionBody(section, keys),
    questions.length > 0
      ? el('div', { class: 'questions' }, el('h3', {}, questions.length === 1 ? 'Fråga' : 'Frågor'), el('ul', {}, ...questions.map((q) => questionItem(protocol, q, keys, corrected))))
      : null,
  );
}

export function create(main: HTMLElement): View {
  let protocol: StoredProtocol | undefined;
  let viewer: PdfViewer | undefined;
  let renderedQuery: string | undefined;
  let destroyed = false;
  const textColumn = el('div', { class: 'protocol-text' });
  const pdfColumn = el('aside', { class: 'protocol-pdf' });
  const header = el('header', { class: 'protocol-header' });
  replace(main, loading('Hämtar protokollet …'));

  /** After a correction: the protocol as corrected now, shown again where the reader was. */
  const corrected = () => {
    void api.protocol(protocol!.id).then((fresh) => {
      protocol = fresh;
      const y = window.scrollY;
      return renderText(current()).then(() => window.scrollTo(0, y));
    });
  };
  const renderText = async (route: Route): Promise<void> => {
    const query = route.query.get('q') ?? '';
    const keys = queryKeys(query);
    const labels = await topicLabels();
    const p = protocol!;
    replace(
      header,
      query ? el('p', { class: 'back' }, el('a', { attrs: { href: urlFor('/sok', { q: query }) } }, `← Tillbaka till sökningen ”${query}”`)) : null,
      el('h1', { attrs: { tabindex: '-1' } }, protocolTitle(p)),
      p.synthetic ? el('p', { class: 'notice' }, syntheticTag(), ' Det här är ett genererat exempelprotokoll, inte ett verkligt protokoll.') : null,
      metadata(p),
      protocolCorrections(p, () => textColumn, corrected),
      topicTags(p, labels),
    );
    replace(
      textColumn,
      attendees(p),
      tableOfContents(p, query),
      ...p.sections.map((section) => sectionView(p, section, keys, query, labels, corrected)),
    );
    renderedQuery = query;
  };

  // A page link ("s. 5") asks for the PDF page. Where the PDF sits above the text (narrow screens) it is out of
  // sight after the jump to the section, so such a click scrolls to the PDF instead.
  let pdfRequested = false;
  textColumn.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.page-link')) pdfRequested = true;
  });
  const revealPdf = () => {
    if (pdfRequested && window.matchMedia('(max-width: 900px)').matches) pdfColumn.scrollIntoView({ block: 'start' });
    pdfRequested = false;
  };

  const focusSection = (route: Route) => {
    for (const node of textColumn.querySelectorAll('.protocol-section.current')) node.classList.remove('current');
    const number = route.query.get('avsnitt');
    if (!number) return;
    const target = document.getElementById(sectionAnchor(number));
    if (!target) return;
    target.classList.add('current');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };

  const pageFor = (route: Route): number => {
    const page = Number(route.query.get('sida'));
    if (Number.isInteger(page) && page > 0) return page;
    const section = protocol?.sections.find((s) => s.number === route.query.get('avsnitt'));
    return section?.page ?? 1;
  };

  return {
    async update(route) {
      const id = route.params.id;
      if (!protocol) {
        try {
          protocol = await api.protocol(id);
        } catch (error) {
          document.title = 'Protokollet kunde inte visas – Protokollarkivet';
          // An unknown or malformed id is a dead link, not a fault: say so in plain words.
          const deadLink = error instanceof ApiError && (error.status === 404 || error.status === 400);
          replace(
            main,
            el('h1', { attrs: { tabindex: '-1' } }, deadLink ? 'Protokollet finns inte' : 'Protokollet kunde inte visas'),
            deadLink
              ? el('p', {}, 'Det finns inget protokoll med den här adressen i arkivet. ', el('a', { attrs: { href: '/sok' } }, 'Sök bland protokollen'), ' eller ', el('a', { attrs: { href: '/arkiv' } }, 'se hela arkivet'), '.')
              : errorMessage('Protokollet kunde inte hämtas', error),
          );
          return;
        }
        if (destroyed) return;
        document.title = `${protocolTitle(protocol)} – Protokollarkivet`;
        replace(main, header, el('div', { class: 'protocol-layout' }, pdfColumn, textColumn));
        const { pdfViewer } = await import('../pdf/pdf-viewer.ts');
        if (destroyed) return;
        viewer = pdfViewer(pdfUrl(protocol.id), protocol.source.file);
        replace(pdfColumn, viewer.element);
      }
      if (renderedQuery !== (route.query.get('q') ?? '')) await renderText(route);
      focusSection(route);
      revealPdf();
      await viewer?.show(pageFor(route), queryKeys(route.query.get('q')));
    },
    destroy() {
      destroyed = true;
      viewer?.destroy();
    },
  };
}
