// The routine text of agenda items that carry no topic discussion: opening, approving the agenda, adjusters,
// the previous protocol, union news, the board's papers, closing. Deliberately free of topic words, so the
// truth's topic counts are the discussions alone.
import type { ItemRole } from '../data/agendas.ts';
import type { Block } from '../document.ts';
import { addDays, dayAndMonth, longDate, weekdayDate, workdayAfter } from '../swedish-dates.ts';
import type { Union } from '../data/parties.ts';
import type { MeetingContext } from './draft.ts';
import { unionName } from './voices.ts';

const UNION_EVENTS = ['årsmöte', 'medlemsmöte', 'ombudsträff', 'medlemskväll om lön', 'styrelsemöte'];
const THEMES = [
  'Semesterplaneringen för sommaren gicks igenom.',
  'Lönekartläggningen presenterades.',
  'Verksamhetsplanen för nästa år gicks igenom.',
  'Resultatet av medarbetarenkäten presenterades översiktligt.',
  'Årshjulet för nästa år beslutades.',
];
const BOARD = ['Ärendena anses informerade.', 'Inga ärenden denna månad.', 'Nämndens handlingar gicks igenom utan synpunkter.'];

/** Blocks for an item of the given role when nothing else is placed there; empty items print "-". */
export function fillerFor(ctx: MeetingContext, role: ItemRole, nextDate: string | null): Block[] {
  return fillerText(ctx, role, nextDate).map((text) =>
    text.endsWith(':') ? { kind: 'label', text } : { kind: 'paragraph', text });
}

function fillerText(ctx: MeetingContext, role: ItemRole, nextDate: string | null): string[] {
  const { rng } = ctx;
  const chair = ctx.employer[0].name;
  switch (role) {
    case 'opening':
      return [rng.pick([`${chair} öppnade mötet.`, `Mötet öppnades av ${chair}.`])];
    case 'agenda':
      return [rng.pick(['Dagordningen godkändes.', 'Dagordningen fastställdes.', 'Dagordningen godkändes med tillägg under övriga frågor.'])];
    case 'adjusters':
      return adjusters(ctx);
    case 'previous':
      return ['Föregående protokoll läggs till handlingarna.'];
    case 'balance':
      return ['Balanslistan är tom.'];
    case 'followups':
      return ['Inga kvarvarande frågor.'];
    case 'union_info':
      return rng.sample(ctx.unions, rng.int(1, 3)).map((u) =>
        `${unionName(ctx, u)} har ${rng.pick(UNION_EVENTS)} den ${dayAndMonth(addDays(ctx.date, rng.int(3, 40)))}.`);
    case 'board':
      return [rng.pick(BOARD)];
    case 'theme':
      return [rng.pick(THEMES)];
    case 'preregistered':
      return ['Inga föranmälda frågor.'];
    case 'other':
      return ['Inga övriga frågor.'];
    case 'next':
      return [nextDate ? `Nästa möte äger rum den ${longDate(nextDate)}.` : 'Nästa möte meddelas senare.'];
    case 'closing':
      return [rng.pick([`${chair} avslutade mötet.`, 'Mötet avslutades.'])];
    default:
      return ['-'];
  }
}

function adjusters(ctx: MeetingContext): string[] {
  const { rng } = ctx;
  const deadline = weekdayDate(workdayAfter(ctx.date, 3));
  const chosen = rng.sample(ctx.unions, Math.min(ctx.unions.length, rng.int(2, 4)));
  const repOf = (u: Union) => rng.pick(ctx.reps.get(u) ?? ['–']);
  if (ctx.spec.agenda === 'subnumbered') {
    const names = chosen.map((u) => `${repOf(u)} (${unionName(ctx, u)})`);
    return [
      `Sekreterare valdes till ${ctx.employer[ctx.employer.length - 1].name}.`,
      `Till justerare valdes ${names.join(', ')}.`,
      `Justeras senast ${deadline} kl. 12.00.`,
    ];
  }
  return [
    'Justerare:',
    `Arbetsgivaren: ${ctx.employer[0].name}`,
    ...chosen.map((u) => `${unionName(ctx, u)}: ${repOf(u)}`),
    `Justering sker digitalt ${deadline}. Synpunkter ska ha inkommit till arbetsgivaren senast dagen innan kl. 12:00.`,
  ];
}
