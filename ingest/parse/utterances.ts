// Splits each section body into statements (sentences with the party that speaks) and groups them into utterances.
// A sentence without an explicit subject is spoken by whoever spoke last in the paragraph, or — at a paragraph
// start — by the previous paragraph's speaker; after the employer's answer, an unattributed paragraph goes back to
// the owner of the list of questions being worked through, or else the union that spoke last. A section about one party ("Inkomna ärenden från
// Akademikerförbundet SSR", "Övergripande information från arbetsgivaren") speaks as that party by default.
import cues from '../data/cues.json' with { type: 'json' };
import type { Party, Utterance } from '../model.ts';
import type { Block } from './blocks.ts';
import type { Directory } from './people.ts';
import { partiesIn } from './parties.ts';
import { splitSentences } from './sentences.ts';
import { explicitSpeaker, partyLabel } from './speakers.ts';

export interface Statement {
  text: string;
  party: Party | null;
  /** True when the sentence itself names its speaker. */
  explicit: boolean;
  /** Index of the paragraph within its section. */
  paragraph: number;
  page: number;
}

const ANSWER = new RegExp(cues.answer.map((c) => `(?<![\\p{L}])${c}`).join('|'), 'iu');
/**
 * A sentence without a subject that answers or puts off the answer ("Svar: Nej, …", "Frågan besvaras skriftligen till
 * LR.", "Frågan bordläggs."): after a union spoke it is the employer's response, not more of the union's words.
 */
const RESPONSE = new RegExp(
  [String.raw`^svar\s*:`, ...cues.deferral.map((c) => String.raw`(?<![\p{L}])(?:${c})(?![\p{L}])`)].join('|'),
  'iu',
);
const LIST_INTRO = new RegExp(cues.listIntro.map((c) => `(?<![\\p{L}])${c}`).join('|'), 'iu');

/**
 * The party a section title is about: one it opens with ("Akademikerförbundet SSR lyfter …") or names as source
 * ("Inkomna ärenden från Akademikerförbundet SSR", "Information från arbetsgivaren"); a party merely mentioned
 * ("… vi undrar om arbetsgivaren …") is not the speaker.
 */
export function partyOfTitle(title: string): Party | null {
  const about = partiesIn(title).filter((p) => p.index === 0 || /(?:från|för|av)\s+$/iu.test(title.slice(0, p.index)));
  const parties = [...new Set(about.map((p) => p.party))];
  return parties.length === 1 ? parties[0] : null;
}

export function attributeStatements(blocks: Block[], defaultParty: Party | null, directory: Directory): Statement[] {
  const statements: Statement[] = [];
  let context = defaultParty;
  let lastUnion: Party | null = defaultParty !== 'Arbetsgivaren' ? defaultParty : null;
  let afterEmployerAnswer = false;
  // "SSR har föranmält följande frågor:": unattributed questions after an answer belong to the list's owner.
  let listOwner: Party | null = null;
  // "Arbetsgivaren:" on a line of its own names the speaker of the paragraph below it.
  let labelled: Party | null = null;
  blocks.forEach((block, paragraph) => {
    const label = partyLabel(block.text);
    if (label) {
      context = label;
      afterEmployerAnswer = false;
      labelled = label;
      return;
    }
    const fromLabel = labelled as Party | null;
    labelled = null;
    let answered = false;
    splitSentences(block.text).forEach((text, i) => {
      const speaker = explicitSpeaker(text, directory) ?? (fromLabel ? { party: fromLabel, person: null } : null);
      let party: Party | null;
      if (speaker) party = speaker.party;
      else if (context !== null && context !== 'Arbetsgivaren' && RESPONSE.test(text)) party = 'Arbetsgivaren';
      else if (i === 0 && afterEmployerAnswer && (listOwner ?? lastUnion)) party = listOwner ?? lastUnion;
      else party = context;
      if (speaker?.party === 'Arbetsgivaren' && ANSWER.test(text)) answered = true;
      if (speaker && speaker.party !== 'Arbetsgivaren' && LIST_INTRO.test(text)) listOwner = speaker.party;
      statements.push({ text, party, explicit: speaker !== null, paragraph, page: block.page });
      context = party;
      if (party && party !== 'Arbetsgivaren') lastUnion = party;
    });
    afterEmployerAnswer = answered && context === 'Arbetsgivaren';
  });
  return statements;
}

/** Consecutive statements of one party within one paragraph, as utterances. */
export function toUtterances(statements: Statement[]): Utterance[] {
  const utterances: (Utterance & { paragraph: number })[] = [];
  for (const s of statements) {
    const last = utterances[utterances.length - 1];
    if (last && last.paragraph === s.paragraph && last.party === s.party) last.text += ` ${s.text}`;
    else utterances.push({ party: s.party, text: s.text, page: s.page, paragraph: s.paragraph });
  }
  return utterances.map(({ party, text, page }) => ({ party, text, page }));
}
