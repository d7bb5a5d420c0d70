// Who says a sentence: an explicit subject at its start ("SSR undrar", "Kommunal tog upp", "Arbetsgivarens svar:"),
// a named person speaking ("Magnus Borgsten svarar" — named managers speak for the employer unless the protocol
// ties the name to a union), or a party right after a speech verb ("… undrar SSR hur …").
import cues from '../data/cues.json' with { type: 'json' };
import partyData from '../data/parties.json' with { type: 'json' };
import type { Party } from '../model.ts';
import { canonicalParty, leadingParty, partiesIn, startsWithUnionCollective } from './parties.ts';
import { partyOfPerson, type Directory } from './people.ts';
import { withoutEnumerator } from './sentences.ts';

export type Speaker = { party: Party | null; person: string | null };

const VERBS = cues.speechVerbs.join('|');
/** "Magnus Borgsten svarar": a first and last name before a speech verb. */
const NAMED = new RegExp(`^(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,2})\\s+(?:${VERBS})(?![\\p{L}])`, 'u');
/**
 * "Fatima Rahimi (Akademikerförbundet SSR) framför …", "Huvudskyddsombudet (Vision) lyfte …": a subject with its
 * party in parentheses before a speech verb speaks for that party.
 */
const PARENTHESISED = new RegExp(`^(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{L}[\\p{L}-]*){0,3})\\s*\\(([^)]{2,40})\\)\\s+(?:${VERBS})(?![\\p{L}])`, 'u');
/**
 * "Stig Holmgren, Kommunal, vill veta …", "Erik Vall, Kommunal, tar upp att …": a name with its party between commas
 * before the predicate speaks for that party, whatever the verb.
 */
const NAME_COMMA_PARTY = /^(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}),\s*([^,]{2,40}),\s+\p{Ll}/u;
/** "Fråga (Kommunal): …", "Svar (Per Håkansson): …": a label naming who asks or answers. */
const LABELLED_WHO = /^(fråga|frågor|svar|kommentar|synpunkt)\s*\(([^)]{2,40})\)\s*:/iu;
const PERSON = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u;
/** A one-word subject before a speech verb ("Förvaltningschefen informerar", "Rektor svarar"). */
const ONE_WORD_SUBJECT = new RegExp(`^(\\p{Lu}[\\p{L}-]*)\\s+(?:${VERBS})(?![\\p{L}])`, 'u');
const EMPLOYER_ROLES: readonly string[] = partyData.employerRoles;

function isEmployerRole(word: string): boolean {
  const lower = word.toLowerCase();
  return EMPLOYER_ROLES.some((role) => lower.endsWith(role));
}

/** "Lars avslutade": a single name speaks only when the protocol's people directory knows it. */
const FIRST_NAME = new RegExp(`^(\\p{Lu}\\p{Ll}+)\\s+(?:${VERBS})(?![\\p{L}])`, 'u');
const AFTER_VERB = new RegExp(`(?<![\\p{L}])(?:${VERBS})\\s+(?:också\\s+|även\\s+)?`, 'giu');
/** "Föranmäld fråga från Kommunal gällande …", "Svar från arbetsgivaren:": the party a question, answer or item comes from. */
const FROM_PARTY = /(?<![\p{L}])(?:fråga|frågor|frågan|svar|svaret|ärende|ärenden|skrivelse)\s+från\s+/iu;
/**
 * "SSR:s fråga om …", "sedan förra mötet återstår Ledarnas fråga om …": a question referred to by its party's
 * genitive belongs to that party, wherever in the sentence it is named.
 */
const GENITIVE_QUESTION = /(?<![\p{L}])((?:\p{L}[\p{L}/-]*\s+)?\p{L}[\p{L}/-]*?)(?::s|s)\s+(?:\p{L}+\s+)?(?:fråga|frågan|frågor|begäran|önskemål)(?![\p{L}])/gu;

function genitiveQuestioner(text: string): Party | null {
  for (const m of text.matchAll(GENITIVE_QUESTION)) {
    const words = m[1].split(/\s+/);
    const party = canonicalParty(m[1]) ?? canonicalParty(words[words.length - 1]);
    if (party) return party;
  }
  return null;
}

/** Leading matter that does not change the subject: page references "(S. 60, 4 stycket)", "Vidare". */
const LEAD_IN = /^(?:\([^)]{0,40}\)\s*|(?:Vidare|Även|Dessutom|Sedan|Slutligen|Därefter),?\s+)/u;

/** The explicit speaker of a sentence, or null when the sentence does not name one. */
export function explicitSpeaker(sentence: string, directory: Directory): Speaker | null {
  // An item of a list ("a. Linnea Sand redogör …") is spoken by whoever its text names.
  const text = withoutEnumerator(sentence).replace(LEAD_IN, '');
  const lead = leadingParty(text);
  if (lead) return { party: lead.party, person: null };
  if (startsWithUnionCollective(text)) return { party: null, person: null };
  const labelled = LABELLED_WHO.exec(text);
  const labelledParty = labelled ? canonicalParty(labelled[2]) : null;
  if (labelled && labelledParty) return { party: labelledParty, person: null };
  if (labelled && PERSON.test(labelled[2].trim())) {
    const person = labelled[2].trim();
    return { party: partyOfPerson(directory, person) ?? 'Arbetsgivaren', person };
  }
  const parenthesised = PARENTHESISED.exec(text);
  const ownParty = parenthesised ? canonicalParty(parenthesised[2]) : null;
  if (parenthesised && ownParty) return { party: ownParty, person: parenthesised[1] };
  const commaParty = NAME_COMMA_PARTY.exec(text);
  const commaOwn = commaParty ? canonicalParty(commaParty[2]) : null;
  if (commaParty && commaOwn) return { party: commaOwn, person: commaParty[1] };
  const named = NAMED.exec(text);
  if (named) return { party: partyOfPerson(directory, named[1]) ?? 'Arbetsgivaren', person: named[1] };
  const subject = ONE_WORD_SUBJECT.exec(text)?.[1];
  if (subject && isEmployerRole(subject)) return { party: 'Arbetsgivaren', person: null };
  const first = FIRST_NAME.exec(text);
  const known = first ? partyOfPerson(directory, first[1]) : null;
  if (first && known) return { party: known, person: first[1] };
  const from = FROM_PARTY.exec(text);
  const fromParty = from ? leadingParty(text.slice(from.index + from[0].length)) : null;
  if (fromParty) return { party: fromParty.party, person: null };
  const genitive = genitiveQuestioner(text);
  if (genitive) return { party: genitive, person: null };
  for (const m of text.matchAll(AFTER_VERB)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    const party = leadingParty(after);
    if (party) return { party: party.party, person: null };
  }
  return null;
}

/** A paragraph that is only a party's name ("Vision:", "Saco/Akavia", "Vision –"): a label for what follows. */
export function partyLabel(text: string): Party | null {
  const bare = text.trim().replace(/[\s:–-]+$/u, '');
  const found = partiesIn(bare);
  if (found.length !== 1 || found[0].index !== 0) return null;
  const lead = leadingParty(bare);
  return lead && lead.length >= bare.length - 1 ? lead.party : null;
}
