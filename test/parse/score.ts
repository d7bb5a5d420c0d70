// Scores a parsed protocol (the JSON contract) against a hand-labelled gold file, with the metrics of the shared
// accuracy tool: section F1 (number + title overlap), attendee F1, one-to-one question matching by quote overlap
// with recall, precision and status accuracy, and topic F1 over (topic, section) pairs for the named topics.
import type { ContractJson } from '../../ingest/contract.ts';

export interface Gold {
  meeting: { forvaltning: string; date: string | null };
  attendees: { name: string; party: string | null }[];
  sections: { number: string; title: string }[];
  questions: { quote: string; party: string | null; status: string }[];
  topics: Record<string, string[]>;
}

export interface Score {
  forvaltningOk: boolean;
  dateOk: boolean;
  sectionsF1: number;
  attendeesF1: number;
  questionRecall: number;
  questionPrecision: number;
  statusAccuracy: number;
  partyAccuracy: number;
  namedTopicsF1: number;
}

const norm = (s: unknown): string => String(s ?? '').toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
const tokens = (s: string): string[] => norm(s).replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ').filter(Boolean);
const num = (s: string): string => norm(s).replace(/^§\s*/, '').replace(/\.$/, '');
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const PARTY: Record<string, string> = {
  ssr: 'akademikerförbundet ssr', saco: 'saco', 'saco/akavia': 'saco', akavia: 'saco',
  'svergies lärare': 'sveriges lärare', ag: 'arbetsgivaren', arbetsgivare: 'arbetsgivaren',
};
const party = (p: string | null): string | null => (p == null ? null : PARTY[norm(p)] ?? norm(p));

function jaccard(a: string, b: string): number {
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  if (!A.size && !B.size) return 1;
  let shared = 0;
  for (const t of A) if (B.has(t)) shared++;
  return shared / (A.size + B.size - shared);
}

/** Share of `small`'s tokens found in `big`. */
function containment(small: string, big: string): number {
  const S = tokens(small);
  const B = new Set(tokens(big));
  return S.length ? S.filter((t) => B.has(t)).length / S.length : 0;
}

const NAMED_TOPICS = ['hot och våld', 'friskfaktorer', 'sjukfrånvaro'];

export function score(gold: Gold, pred: ContractJson): Score {
  const gm = gold.meeting;
  const pm = pred.meeting;
  const forvaltningOk = !!pm.forvaltning && (norm(pm.forvaltning).startsWith(norm(gm.forvaltning)) || norm(gm.forvaltning).startsWith(norm(pm.forvaltning)));
  const gd = String(gm.date ?? '');
  const pd = String(pm.date ?? '');
  const dateOk = gd.length === 7 ? pd.startsWith(gd) : pd === gd;

  const used = new Set<number>();
  let sectionHits = 0;
  for (const g of gold.sections) {
    const k = pred.sections.findIndex(
      (p, i) => !used.has(i) && num(p.number) === num(g.number) && (jaccard(p.title, g.title) >= 0.5 || containment(g.title, p.title) >= 0.8),
    );
    if (k >= 0) [used.add(k), sectionHits++];
  }
  const sectionsF1 = f1(sectionHits / (pred.sections.length || 1), sectionHits / (gold.sections.length || 1));

  const names = new Set(pred.attendees.map((a) => norm(a.name)));
  const attendeeHits = gold.attendees.filter((a) => names.has(norm(a.name))).length;
  const attendeesF1 = f1(attendeeHits / (pred.attendees.length || 1), attendeeHits / (gold.attendees.length || 1));

  const pairs: [number, number, number][] = [];
  gold.questions.forEach((g, gi) =>
    pred.questions.forEach((p, pi) => {
      const overlap = Math.max(containment(g.quote, p.text), containment(p.text, g.quote) * 0.9);
      if (overlap >= 0.6) pairs.push([overlap, gi, pi]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const goldToPred = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const [, gi, pi] of pairs) if (!goldToPred.has(gi) && !usedPred.has(pi)) [goldToPred.set(gi, pi), usedPred.add(pi)];
  let statusOk = 0;
  let partyOk = 0;
  for (const [gi, pi] of goldToPred) {
    if (norm(pred.questions[pi].status) === norm(gold.questions[gi].status)) statusOk++;
    if (party(pred.questions[pi].party) === party(gold.questions[gi].party)) partyOk++;
  }
  const matched = goldToPred.size;

  const goldTopics = new Set<string>();
  for (const [t, sections] of Object.entries(gold.topics)) for (const s of sections) goldTopics.add(`${norm(t)}|${num(s)}`);
  const predTopics = new Set(pred.topics.map((m) => `${norm(m.topic)}|${num(m.section)}`));
  const named = (x: string): boolean => NAMED_TOPICS.includes(x.split('|')[0]);
  const G = [...goldTopics].filter(named);
  const P = [...predTopics].filter(named);
  const topicHits = G.filter((x) => predTopics.has(x)).length;

  return {
    forvaltningOk,
    dateOk,
    sectionsF1,
    attendeesF1,
    questionRecall: gold.questions.length ? matched / gold.questions.length : 1,
    questionPrecision: pred.questions.length ? matched / pred.questions.length : 0,
    statusAccuracy: matched ? statusOk / matched : 0,
    partyAccuracy: matched ? partyOk / matched : 0,
    namedTopicsF1: G.length + P.length === 0 ? 1 : f1(P.length ? topicHits / P.length : 0, G.length ? topicHits / G.length : 0),
  };
}
