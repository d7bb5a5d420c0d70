// Composes one meeting of one förvaltning: who attends, which topics come up (by the förvaltning's trends),
// the questions and their fates, the earlier questions due back, all placed under the agenda's items.
// Returns the page-independent document and its truth; the caller lays it out and writes it.
import type { Party } from '../../model.ts';
import { AGENDAS, ITEM_TITLES } from '../data/agendas.ts';
import type { ForvaltningSpec } from '../data/forvaltningar.ts';
import { spell, type Union } from '../data/parties.ts';
import type { TopicId } from '../data/topics.ts';
import type { Block, ProtocolDocument } from '../document.ts';
import type { Staff } from '../people.ts';
import { Random } from '../random.ts';
import { longDate } from '../swedish-dates.ts';
import { topicProbability, type TopicTrend } from '../trends.ts';
import type { ProtocolTruth, QuestionTruth, SectionTruth } from '../truth.ts';
import { flatten, followUpItem, itemForRole, numberAgenda } from './agenda.ts';
import { composeDiscussion } from './discussion.ts';
import type { Discussion, DraftQuestion, DueFollowUp, MeetingContext, MeetingSlot, Paragraph } from './draft.ts';
import { fateOf } from './fate.ts';
import { fillerFor } from './filler.ts';
import { composeFollowUp } from './followup.ts';

export const SYNTHETIC_MARKER = 'Syntetiskt protokoll – genererat för demonstration, inte ett verkligt protokoll';
export const VALIDATION_LINE = 'Underskriftens äkthet valideras här: https://underskriftpas.stockholm.se/validera';

export interface MeetingPlan {
  seed: number;
  spec: ForvaltningSpec;
  staff: Staff;
  trends: readonly TopicTrend[];
  from: string;
  calendar: readonly MeetingSlot[];
  index: number;
  due: readonly DueFollowUp[];
}

export interface ComposedMeeting {
  document: ProtocolDocument;
  /** Truth without the page count, which only layout knows. */
  truth: Omit<ProtocolTruth, 'pages'>;
  /** Questions asked here that later meetings must raise again. */
  scheduled: { index: number; due: DueFollowUp }[];
}

/** What goes under one agenda item. */
interface ItemContent {
  paragraphs: Paragraph[];
  questions: DraftQuestion[];
  discussions: Discussion[];
}

export function composeMeeting(plan: MeetingPlan): ComposedMeeting {
  const { spec, staff, calendar, index } = plan;
  const slot = calendar[index];
  const ctx = attendance(plan, new Random(plan.seed, spec.slug, slot.date));
  const { rng } = ctx;
  const agenda = numberAgenda(AGENDAS[spec.agenda], spec.numbering);
  const contents = new Map<string, ItemContent>(flatten(agenda).map((i) => [i.number, { paragraphs: [], questions: [], discussions: [] }]));

  for (const due of plan.due) {
    const { paragraphs, question } = composeFollowUp(ctx, due);
    const content = contents.get(followUpItem(agenda, due.waitedLonger).number)!;
    content.paragraphs.push(...paragraphs);
    content.questions.push(question);
  }
  for (const trend of plan.trends) {
    if (!rng.chance(topicProbability(trend, plan.from, slot.date))) continue;
    const discussion = composeDiscussion(ctx, trend.topic);
    const role = discussion.role === 'info' && rng.chance(0.15) ? 'other' : discussion.role;
    contents.get(itemForRole(agenda, role).number)!.discussions.push(discussion);
  }

  const blocks: Block[] = [...headerBlocks(ctx, staff)];
  const sections: SectionTruth[] = [];
  const asked: { question: DraftQuestion; section: string }[] = [];
  const nextDate = calendar[index + 1]?.date ?? null;
  for (const item of flatten(agenda)) {
    blocks.push({ kind: 'heading', text: item.heading });
    const content = contents.get(item.number)!;
    if (item.itemized) {
      sections.push({ number: item.number, title: item.title, topics: {} });
      content.discussions.forEach((d, k) => {
        const number = `${item.number}.${k + 1}`;
        const title = ITEM_TITLES[d.topic];
        blocks.push({ kind: 'heading', text: `${number} ${title}` });
        blocks.push(...d.paragraphs.map((p): Block => ({ kind: 'paragraph', text: p.text })));
        sections.push({ number, title, topics: topicCounts(d.paragraphs) });
        asked.push(...d.questions.map((question) => ({ question, section: number })));
      });
      if (content.discussions.length === 0) blocks.push({ kind: 'paragraph', text: '-' });
      continue;
    }
    const paragraphs = [...content.paragraphs, ...content.discussions.flatMap((d) => d.paragraphs)];
    const questions = [...content.questions, ...content.discussions.flatMap((d) => d.questions)];
    sections.push({ number: item.number, title: item.title, topics: topicCounts(paragraphs) });
    asked.push(...questions.map((question) => ({ question, section: item.number })));
    if (item.role === 'group') continue;
    if (paragraphs.length === 0) blocks.push(...fillerFor(ctx, item.role, nextDate));
    else blocks.push(...paragraphs.map((p): Block => ({ kind: 'paragraph', text: p.text })));
  }
  blocks.push(...signatureBlocks(ctx));

  const scheduled: ComposedMeeting['scheduled'] = [];
  const questions: QuestionTruth[] = asked.map(({ question, section }, n) => {
    const id = `${spec.slug}-${slot.date}-q${n + 1}`;
    if (question.followUp) return followUpTruth(id, question, section);
    const fate = fateOf(plan.seed, id, question, index, calendar, agenda);
    scheduled.push(...fate.due);
    const answeredLater = fate.followUps.some((f) => f.answered);
    return {
      ...questionBase(id, question, section), followUpOf: null, followUps: fate.followUps,
      outcome: question.status === 'answered' ? 'answered_same_meeting' : answeredLater ? 'answered_later' : 'open',
    };
  });

  const document: ProtocolDocument = {
    letterhead: spec.letterhead,
    headerRight: spec.headerDate ? `Protokoll ${slot.date}` : 'Protokoll',
    addressFooter: spec.addressFooter ? [spec.letterhead, spec.addressFooter, 'stockholm.se'] : null,
    date: slot.date,
    blocks,
  };
  return { document, truth: { file: slot.file, forvaltning: spec.name, date: slot.date, sections, questions }, scheduled };
}

function attendance(plan: MeetingPlan, rng: Random): MeetingContext {
  const { spec, staff } = plan;
  const [chair, ...others] = staff.employer;
  const employer = [chair, ...rng.sample(others, rng.int(Math.min(3, others.length), others.length))];
  const unions: Union[] = [];
  const reps = new Map<Union, string[]>();
  for (const [union, people] of staff.unions) {
    const present = rng.chance(spec.usuallyAbsent.includes(union) ? 0.2 : 0.92);
    if (!present) continue;
    unions.push(union);
    reps.set(union, rng.sample(people, rng.int(1, people.length)));
  }
  return { rng, spec, date: plan.calendar[plan.index].date, employer, unions, reps };
}

function headerBlocks(ctx: MeetingContext, staff: Staff): Block[] {
  const { rng, spec } = ctx;
  const absent = [...staff.unions.keys()].filter((u) => !ctx.unions.includes(u));
  const time = `${longDate(ctx.date)} kl. ${rng.pick(['13:00', '13.00', '09:00', '14.00'])}`;
  return [
    { kind: 'title', text: `Protokoll från förvaltningsgruppen den ${longDate(ctx.date)}` },
    { kind: 'marker', text: SYNTHETIC_MARKER },
    { kind: 'label', text: rng.pick(['Närvarande', 'Närvarande:']) },
    { kind: 'label', text: spec.kind === 'stadsdel' ? 'Stadsdelsförvaltningen' : 'Förvaltningen' },
    ...ctx.employer.map((e): Block => ({ kind: 'paragraph', text: `${e.name}, ${e.role}` })),
    { kind: 'label', text: 'Fackliga organisationer' },
    ...ctx.unions.map((u): Block => ({ kind: 'paragraph', text: `${spell(u, spec.spelling)}: ${ctx.reps.get(u)!.join(', ')}` })),
    ...(absent.length > 0
      ? [{ kind: 'label', text: 'Förhinder' } as Block, ...absent.map((u): Block => ({ kind: 'paragraph', text: spell(u, spec.spelling) }))]
      : []),
    { kind: 'label', text: 'Tidpunkt:' },
    { kind: 'paragraph', text: time },
    { kind: 'label', text: 'Plats:' },
    { kind: 'paragraph', text: rng.pick(spec.places) },
  ];
}

function signatureBlocks(ctx: MeetingContext): Block[] {
  const signers = ctx.rng.sample(ctx.unions, Math.min(ctx.unions.length, ctx.rng.int(2, 5)));
  return [
    { kind: 'label', text: 'Justeras (digitalt)' },
    { kind: 'paragraph', text: `${ctx.employer[0].name} för arbetsgivaren` },
    ...signers.map((u): Block => ({ kind: 'paragraph', text: `${ctx.reps.get(u)![0]} för ${spell(u, ctx.spec.spelling)}` })),
    { kind: 'validation', text: VALIDATION_LINE },
  ];
}

function topicCounts(paragraphs: readonly Paragraph[]): Partial<Record<TopicId, number>> {
  const counts: Partial<Record<TopicId, number>> = {};
  for (const p of paragraphs) {
    if (p.topic) counts[p.topic] = (counts[p.topic] ?? 0) + p.sentences;
  }
  return counts;
}

function questionBase(id: string, q: DraftQuestion, section: string) {
  return {
    id, section, party: q.party as Party, kind: q.kind, status: q.status, text: q.text, answer: q.answer, topic: q.topic,
    subject: q.subject,
  };
}

function followUpTruth(id: string, q: DraftQuestion, section: string): QuestionTruth {
  const due = q.followUp!;
  return {
    ...questionBase(id, q, section), followUpOf: due.questionId, followUps: [],
    outcome: due.answered ? 'answered_same_meeting' : due.answeredEventually ? 'answered_later' : 'open',
  };
}

