// The exchanges of later meetings that may take up an earlier question: under agenda items that carry open
// questions (Kvarvarande frågor, Balanslista …) every exchange, elsewhere only exchanges that point back to an
// earlier meeting. An exchange is what a union brings up plus the employer's reply after it, because protocols
// restate the old question in one sentence ("Kvarstående fråga från Vision om …") and answer it in the next.
// Gathered while the store's sections stream by, so the rest of the text is not kept.
import type { Party, Utterance } from '../../ingest/model.ts';
import { normalize } from '../../ingest/lang/swedish.ts';
import type { SectionRecord } from '../../ingest/store/types.ts';
import { FOLLOW_UP_SECTION_TITLES, PARTY_MENTIONS, REFERENCE_CUES } from './followup-vocabulary.ts';

export interface FollowUpExchange {
  protocolId: string;
  section: string;
  sectionTitle: string;
  /** The union the exchange is about: the one speaking, or the one named. Null when none can be told. */
  party: Party | null;
  /** What is brought up: the restated question. */
  raised: string;
  /** The reply recorded after it, or "" when none is. */
  reply: string;
  replyParty: Party | null;
  /** Under an agenda item that carries open questions, rather than only pointing back in its wording. */
  inFollowUpSection: boolean;
}

export function isFollowUpSection(title: string): boolean {
  const t = normalize(title);
  return FOLLOW_UP_SECTION_TITLES.some((re) => re.test(t));
}

export function pointsBack(text: string): boolean {
  const t = normalize(text);
  return REFERENCE_CUES.some((re) => re.test(t));
}

/** Unions named in a text, in canonical spelling. */
export function partiesNamedIn(text: string): Party[] {
  const t = normalize(text);
  return (Object.entries(PARTY_MENTIONS) as Array<[Party, RegExp]>).filter(([, re]) => re.test(t)).map(([party]) => party);
}

export class FollowUpMaterialCollector {
  readonly exchanges: FollowUpExchange[] = [];

  add(record: SectionRecord): void {
    const { section } = record;
    const inFollowUpSection = isFollowUpSection(section.title);
    const utterances: Utterance[] =
      section.utterances.length > 0 ? section.utterances : [{ party: null, text: section.text, page: section.page }];
    for (const exchange of exchangesOf(utterances)) {
      if (!inFollowUpSection && !pointsBack(exchange.raised)) continue;
      this.exchanges.push({ protocolId: record.protocolId, section: section.number, sectionTitle: section.title, inFollowUpSection, ...exchange });
    }
  }
}

type Exchange = Pick<FollowUpExchange, 'party' | 'raised' | 'reply' | 'replyParty'>;

/** Splits a section's statements into exchanges: each non-employer statement opens one, employer statements reply. */
function exchangesOf(utterances: Utterance[]): Exchange[] {
  const exchanges: Exchange[] = [];
  let current: Exchange | null = null;
  for (const u of utterances) {
    const text = u.text.trim();
    if (!text) continue;
    const fromEmployer = u.party === 'Arbetsgivaren';
    if (current && fromEmployer) {
      current.reply = current.reply ? `${current.reply} ${text}` : text;
      current.replyParty ??= u.party;
      continue;
    }
    const named = partiesNamedIn(text).filter((p) => p !== 'Arbetsgivaren');
    const party = u.party && !fromEmployer ? u.party : named.length === 1 ? named[0] : null;
    // An employer statement that opens an exchange ("Arbetsgivaren återkopplar på Visions fråga om …") both
    // restates the question and replies to it.
    current = fromEmployer
      ? { party, raised: text, reply: text, replyParty: u.party }
      : { party, raised: text, reply: '', replyParty: null };
    exchanges.push(current);
  }
  return exchanges;
}
