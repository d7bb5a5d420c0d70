// Questions one party puts to the other, with what became of them. A question is a sentence with a question mark,
// an "undrar/frågar", a request ("önskar redovisning", "Mer info önskas"), or an issue raised ("tog upp att …")
// that the protocol records a response to. Sub-questions in one paragraph (and a paragraph of follow-up questions
// right after) form one question. The asking party is the sentence's subject or, when implied, the owner of the
// list being worked through ("SSR har föranmält följande frågor:") or the party that asked last.
// Status: deferred when the response promises an answer later or elsewhere, answered when a reply or account is
// recorded, unanswered otherwise. Issues a party raises as a numbered list ("Huvudskyddsombudet (Vision) lyfte
// följande: 1. … 2. …") are one question each; a joint reply after the list answers each item with the sentences
// that share its words (a reply sentence about none of them in particular answers all).
import { contentWords, stem } from '../lang/swedish.ts';
import type { Answer, Party, Question, QuestionKind, QuestionStatus } from '../model.ts';
import { enumeratorOf, isListItem, withoutEnumerator } from '../parse/sentences.ts';
import type { Statement } from '../parse/utterances.ts';
import cues from '../data/cues.json' with { type: 'json' };
import { defers, has, hasEarly } from './cues.ts';

export interface SectionStatements {
  number: string;
  title: string;
  /** Procedural items (agenda approval, justerare …) hold no questions: an agenda addition is not a question. */
  procedural: boolean;
  statements: Statement[];
}

type Asking = 'question' | 'request' | 'raise';

interface List {
  owner: Party | null;
  kind: QuestionKind;
  deferral: Statement | null;
}

interface Group {
  indexes: number[];
  party: Party | null;
  asking: Asking;
  kind: QuestionKind;
  list: List | null;
  /** For an item of a list of raised issues: the index of the statement that introduces the list. */
  raisedList: number | null;
  status: QuestionStatus;
  answer: Answer | null;
}

/**
 * How many paragraphs after a question a response without a named responder may stand: a raised issue counts only
 * with a response this close, and a bare outcome ("… kommer att …") further away is about something else.
 */
const RESPONSE_REACH = 2;
/** An answer verb responds only as the verb of the sentence's subject: within its first words ("Arbetsgivaren svarade"). */
const ANSWER_VERB_REACH = 4;
/** A request this short ("Mer info önskas.") is quoted with the sentence before it, which says what it asks about. */
const BARE_REQUEST_WORDS = 6;

function askingOf(s: Statement): Asking | null {
  if (has('none', s.text)) return null;
  if (s.text.includes('?') || has('question', s.text)) return 'question';
  if (s.party === 'Arbetsgivaren') return null;
  if (has('request', s.text)) return 'request';
  if (s.explicit && has('raise', s.text)) return 'raise';
  return null;
}

function isCounterpart(asker: Party | null, other: Party | null): boolean {
  if (other === null) return false;
  return asker === 'Arbetsgivaren' ? other !== 'Arbetsgivaren' : other === 'Arbetsgivaren';
}

/** Whether a statement after a question responds to it, and how. */
function responseOf(s: Statement, asker: Party | null): 'deferral' | 'answer' | 'outcome' | null {
  const other = !s.explicit || s.party !== asker;
  if (other && defers(s.text)) return 'deferral';
  if (other && hasEarly('answer', s.text, ANSWER_VERB_REACH)) return 'answer';
  if (s.explicit && isCounterpart(asker, s.party)) return 'answer';
  if (other && has('outcome', s.text)) return 'outcome';
  return null;
}

function kindOf(group: Statement[], list: List | null, party: Party | null): QuestionKind {
  const first = group[0];
  const requests = (s: Statement): boolean => has('requestForInformation', s.text) && !/(?<![\p{L}])(?:undra|fråga)/iu.test(s.text);
  if (requests(first)) return 'request_for_information';
  if (list && (list.owner === null || list.owner === party)) return list.kind;
  if (group.some((s) => has('preRegistered', s.text))) return 'pre_registered';
  if (group.some(requests)) return 'request_for_information';
  return 'question';
}

function answerFrom(s: Statement, asker: Party | null): Answer {
  const party = s.explicit && s.party !== asker ? s.party : asker === 'Arbetsgivaren' ? null : 'Arbetsgivaren';
  return { party, text: s.text };
}

function paragraphIsAsking(statements: Statement[], paragraph: number, party: Party | null): boolean {
  const inParagraph = statements.filter((s) => s.paragraph === paragraph);
  return inParagraph.every((s) => askingOf(s) !== null && (!s.explicit || s.party === party));
}

/** "Huvudskyddsombudet (Vision) lyfte följande:" followed by a list item: a union raising issues as a list. */
function introducesRaisedList(s: Statement, next: Statement | undefined): boolean {
  const union = s.explicit && s.party !== null && s.party !== 'Arbetsgivaren';
  return union && has('raise', s.text) && /:\s*$/u.test(s.text) && next !== undefined && isListItem(next.text);
}

function buildGroups(section: SectionStatements): Group[] {
  const { statements } = section;
  const preRegisteredSection = has('preRegistered', section.title);
  const groups: Group[] = [];
  let list: List | null = null;
  let open: Group | null = null;
  let raised: { intro: number; owner: Party | null } | null = null;
  statements.forEach((s, i) => {
    if (introducesRaisedList(s, statements[i + 1])) {
      raised = { intro: i, owner: s.party };
      open = null;
      return;
    }
    const currentRaised = raised as { intro: number; owner: Party | null } | null;
    if (currentRaised && isListItem(s.text)) {
      const asking = askingOf(s) === 'question' ? 'question' : 'raise';
      groups.push({ indexes: [i], party: currentRaised.owner, asking, kind: 'question', list: null, raisedList: currentRaised.intro, status: 'unanswered', answer: null });
      return;
    }
    raised = null;
    if (has('listIntro', s.text) && !s.text.includes('?')) {
      const kind = has('preRegistered', s.text) || preRegisteredSection ? 'pre_registered' : 'request_for_information';
      list = { owner: s.explicit ? s.party : null, kind, deferral: defers(s.text) ? s : null };
      open = null;
      return;
    }
    const asking = askingOf(s);
    if (!asking) {
      if (open && (responseOf(s, open.party) || (s.explicit && s.party !== open.party))) open = null;
      return;
    }
    const last = open ? statements[open.indexes[open.indexes.length - 1]] : null;
    const sameParty = open !== null && (s.explicit ? s.party === open.party : true);
    // Each item of a list of questions ("följande frågor: a. … b. …") is a question of its own.
    const listItem = list !== null && isListItem(s.text);
    const continues =
      open !== null && last !== null && sameParty && !listItem &&
      (s.paragraph === last.paragraph || (s.paragraph === last.paragraph + 1 && paragraphIsAsking(statements, s.paragraph, open.party)));
    if (open && continues) {
      open.indexes.push(i);
      if (open.asking === 'raise' && asking !== 'raise') open.asking = asking;
      return;
    }
    const previous = groups[groups.length - 1];
    const currentList = list as List | null;
    const party = s.explicit ? s.party : currentList?.owner ?? previous?.party ?? s.party;
    open = { indexes: [i], party, asking, kind: 'question', list: currentList, raisedList: null, status: 'unanswered', answer: null };
    groups.push(open);
  });
  for (const g of groups) g.kind = kindOf(g.indexes.map((i) => statements[i]), g.list, g.party);
  return groups;
}

/**
 * An item of a list of questions answered in a list of replies with the same enumerators ("Svar från
 * arbetsgivaren: a. … b. …"): the reply item is the response. Returns false when no reply carries the item's enumerator.
 */
function resolveByEnumerator(group: Group, statements: Statement[]): boolean {
  const first = group.indexes[0];
  const enumerator = enumeratorOf(statements[first].text);
  if (group.list === null || enumerator === null) return false;
  const start = statements.findIndex(
    (s, i) => i > first && enumeratorOf(s.text) === enumerator && (!s.explicit || s.party !== group.party) && askingOf(s) === null,
  );
  if (start < 0) return false;
  const reply = [statements[start]];
  for (let i = start + 1; i < statements.length; i++) {
    const s = statements[i];
    if (isListItem(s.text) || s.paragraph !== statements[start].paragraph || (s.explicit && s.party === group.party)) break;
    reply.push(s);
  }
  // As in `resolve`: a promise to present something later, after a substantive reply, leaves the item answered.
  const deferral = reply.find((s) => defers(s.text));
  const deferred = deferral !== undefined && (deferral === reply[0] || has('deferral', deferral.text));
  const response = deferred ? deferral : reply[0];
  group.status = deferred ? 'deferred' : 'answered';
  group.answer = { ...answerFrom(response, group.party), text: withoutEnumerator(response.text) };
  return true;
}

function resolve(group: Group, statements: Statement[], end: number): void {
  if (resolveByEnumerator(group, statements)) return;
  const lastIndex = group.indexes[group.indexes.length - 1];
  const lastParagraph = statements[lastIndex].paragraph;
  let answer: Statement | null = null;
  let outcome: Statement | null = null;
  for (let i = lastIndex + 1; i < end; i++) {
    const s = statements[i];
    const near = s.paragraph <= lastParagraph + RESPONSE_REACH;
    if (group.asking === 'raise' && !near) break;
    const response = responseOf(s, group.party);
    // After a substantive answer, a promise puts the question off only when what it promises was asked and the
    // answer did not give it ("… per månad under 2025?" — "kostnaden hittills i år är 6,1 miljoner" — "Fördelningen
    // per månad redovisas vid nästa möte"), or when it says the question itself stays open. A promise of more
    // than was asked leaves the question answered.
    if (response === 'deferral' && answer && !has('stillOpen', s.text) && !owesPart(s, answer, group, statements)) continue;
    if (response === 'deferral') {
      group.status = 'deferred';
      group.answer = answerFrom(answer ?? s, group.party);
      return;
    }
    if (response === 'answer') answer ??= s;
    if (response === 'outcome' && near) outcome ??= s;
  }
  const listDeferral = group.list?.deferral && (group.list.owner === null || group.list.owner === group.party) ? group.list.deferral : null;
  // A question referred to from an earlier meeting that the sentence itself calls still open ("… står kvar") or
  // answered ("Kommunals fråga om … är besvarad: …").
  const own = group.indexes.map((i) => statements[i]);
  const stillOpen = own.some((o) => has('stillOpen', o.text));
  const closed = own.find((o) => has('closed', o.text));
  if (answer) [group.status, group.answer] = ['answered', answerFrom(answer, group.party)];
  else if (stillOpen) group.status = 'deferred';
  else if (closed) [group.status, group.answer] = ['answered', answerFrom(closed, group.party)];
  else if (listDeferral) [group.status, group.answer] = ['deferred', answerFrom(listDeferral, group.party)];
  else if (outcome) [group.status, group.answer] = ['answered', answerFrom(outcome, group.party)];
}

function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}

/** Words any question and its reply share without saying what was asked ("frågan", "arbetsgivaren"). */
const NOT_OWED = new Set(cues.notOwed.map(stem));

/** Whether a promise names something the question asked that the answer did not give: words the two share. */
function owesPart(promise: Statement, answer: Statement, group: Group, statements: Statement[]): boolean {
  const asked = contentStems(group.indexes.map((i) => statements[i].text).join(' '));
  const given = contentStems(answer.text);
  for (const word of contentStems(promise.text)) if (asked.has(word) && !given.has(word) && !NOT_OWED.has(word)) return true;
  return false;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * Resolves the items of one raised list against the reply after it: the other side's statements up to `end`, close
 * to the list. Each reply sentence answers the items it shares most words with; when no sentence shares words with
 * any item, the whole reply answers every item.
 */
function resolveRaisedList(items: Group[], statements: Statement[], end: number): void {
  const owner = items[0].party;
  const last = items[items.length - 1].indexes[0];
  const reply = statements
    .slice(last + 1, end)
    .filter((s) => s.party !== owner && s.paragraph <= statements[last].paragraph + RESPONSE_REACH);
  const itemWords = items.map((g) => contentStems(statements[g.indexes[0]].text));
  const assigned: Statement[][] = items.map(() => []);
  for (const r of reply) {
    const words = contentStems(r.text);
    const scores = itemWords.map((w) => shared(w, words));
    const best = Math.max(...scores);
    if (best > 0) scores.forEach((n, k) => n === best && assigned[k].push(r));
  }
  const specific = assigned.some((a) => a.length > 0);
  items.forEach((g, k) => {
    const responses = specific ? assigned[k] : reply;
    if (responses.length === 0) return;
    const deferral = responses.find((r) => defers(r.text));
    g.status = deferral ? 'deferred' : 'answered';
    g.answer = answerFrom(deferral ?? responses[0], g.party);
  });
}

/** Whether only the asking party speaks between two groups (so one response serves both). */
function adjacent(a: Group, b: Group, statements: Statement[]): boolean {
  const between = statements.slice(a.indexes[a.indexes.length - 1] + 1, b.indexes[0]);
  return a.party === b.party && between.every((s) => !s.explicit || s.party === a.party);
}

/**
 * The question as quoted: its sentences, preceded by the sentence before a bare request ("… i balans. Mer info
 * önskas.") and followed by same-party sentences of the paragraph up to the response ("Mer info önskas. Se sid 20.").
 */
function questionText(g: Group, statements: Statement[]): string {
  const first = g.indexes[0];
  // An item of a raised list is quoted alone, without its enumerator.
  if (g.raisedList !== null) return statements[first].text.replace(/^(?:\d{1,2}[.)]|\p{Ll}\))\s+/u, '');
  const last = g.indexes[g.indexes.length - 1];
  const parts = g.indexes.map((i) => statements[i].text);
  if (g.list !== null) parts[0] = withoutEnumerator(parts[0]);
  const before = statements[first - 1];
  const bare = statements[first].text.split(/\s+/).length <= BARE_REQUEST_WORDS;
  if (bare && before && before.paragraph === statements[first].paragraph && !askingOf(before) && !responseOf(before, g.party)) {
    parts.unshift(before.text);
  }
  for (let i = last + 1; i < statements.length; i++) {
    const s = statements[i];
    if (s.paragraph !== statements[last].paragraph || askingOf(s) || responseOf(s, g.party) || (s.explicit && s.party !== g.party)) break;
    parts.push(s.text);
  }
  return parts.join(' ');
}

export function findSectionQuestions(section: SectionStatements): Question[] {
  if (section.procedural) return [];
  const { statements } = section;
  const groups = buildGroups(section);
  groups.forEach((g, k) => {
    if (g.raisedList === null) resolve(g, statements, groups[k + 1]?.indexes[0] ?? statements.length);
  });
  for (const intro of new Set(groups.map((g) => g.raisedList))) {
    if (intro === null) continue;
    const items = groups.filter((g) => g.raisedList === intro);
    const after = groups[groups.indexOf(items[items.length - 1]) + 1];
    resolveRaisedList(items, statements, after?.indexes[0] ?? statements.length);
  }
  // Questions put one after another and answered together share the answer that follows the last of them.
  for (let k = groups.length - 2; k >= 0; k--) {
    const [g, next] = [groups[k], groups[k + 1]];
    if (g.raisedList !== null || next.raisedList !== null) continue;
    if (g.status === 'unanswered' && adjacent(g, next, statements)) [g.status, g.answer] = [next.status, next.answer];
  }
  return groups
    .filter((g) => g.asking !== 'raise' || g.status !== 'unanswered')
    .map((g) => ({
      section: section.number,
      party: g.party,
      text: questionText(g, statements),
      kind: g.kind,
      status: g.status,
      answer: g.answer,
      page: statements[g.indexes[0]].page,
    }));
}

export function findQuestions(sections: SectionStatements[]): Question[] {
  return sections.flatMap(findSectionQuestions);
}
