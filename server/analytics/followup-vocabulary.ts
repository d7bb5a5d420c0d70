// What tells us that a later meeting takes up an earlier question: the agenda items where open questions are
// carried (Kvarvarande frågor, Balanslista …), the phrases that point back to an earlier meeting, and the
// phrases that push an answer further. Regular expressions over normalised (lower-case) text; extend freely.

/** Agenda items that carry questions from earlier meetings. */
export const FOLLOW_UP_SECTION_TITLES: RegExp[] = [
  /kvar(varande|stående|stående frågor)/, // "Kvarvarande frågor från föregående möte", "Kvarstående frågor"
  /balans\s*lista/, // "Balanslista", "Balanslistan"
  /uppföljning av (föregående|förra|tidigare)/, // "Uppföljning av föregående protokoll"
  /föregående (protokoll|möte)/, // "Föregående protokoll"
  /återkoppling/, // "Återkoppling på frågor"
  /föranmälda frågor/, // a deferred question is often registered again here
];

/** Phrases that point back to an earlier meeting or an earlier question. */
export const REFERENCE_CUES: RegExp[] = [
  /(föregående|förra|tidigare|senaste) (möte|mötet|förvaltningsgrupp|förvaltningsgruppen|samverkan|protokoll)/,
  /(fråga|frågan|frågor|frågorna) (från|som ställdes|ställd|ställdes) (vid|på|i)? ?(föregående|förra|tidigare)/,
  /kvar(varande|stående) fråg/,
  /balanslistan/,
  /återkoppla(r|de|t)?\b|återkoppling/,
  /(utlovat|utlovade|lovade) (svar|återkoppling)/,
  /som (arbetsgivaren|förvaltningen) (lovade|utlovade|skulle) återkomma/,
  /svar på (den |de |sin |sina )?(tidigare |föregående )?fråg/,
  /\bsedan (förra|föregående) (mötet|möte)/,
  /tidigare (frågat|ställt|lyft|efterfrågat|önskat)/, // "Vision har tidigare frågat om …"
  /påminner om/, // "Kommunal påminner om sin fråga från den 12 mars …"
  /fråga från den \d/,
];

/** Phrases that record the answer as still to come: the question stays open in that meeting. */
export const DEFERRAL_CUES: RegExp[] = [
  /återkommer/,
  /kvarstår/,
  /kvarstående/,
  /lämnas (som )?(öppen|kvar|kvarstående)/,
  /tar med sig/,
  /förs (vidare )?till/,
  /besvaras (vid|på|till) (nästa|kommande)/,
  /(inte|ej) (klart|klar|besvarad|besvarat) (ännu|än)/,
  /bordläggs/,
];

/** Phrases that record an answer inside the same statement that restates the question. */
export const ANSWER_CUES: RegExp[] = [
  /svara(r|de)\b/,
  /\bsvar(et)?:/,
  /redogör|redogjorde/,
  /informera(r|de) om att/,
  /besvara(des|t)\b/,
];

/** Words every question and answer uses ("undrar", "fråga", party names): they say nothing about the subject. */
export const NOT_SUBJECT_WORDS: ReadonlySet<string> = new Set([
  'undrar', 'undrade', 'frågar', 'frågade', 'fråga', 'frågan', 'frågor', 'frågorna', 'önskar', 'önskade', 'önskas',
  'mer', 'info', 'information', 'informerar', 'informerade', 'svarar', 'svarade', 'svar', 'svaret', 'återkommer',
  'återkoppling', 'återkopplar', 'föregående', 'förra', 'tidigare', 'möte', 'mötet', 'förvaltningsgrupp',
  'förvaltningsgruppen', 'kvarvarande', 'kvarstående', 'balanslista', 'balanslistan', 'nästa', 'tog', 'upp', 'lyfter',
  'lyfte', 'vill', 'veta', 'arbetsgivaren', 'arbetsgivarens', 'förvaltningen', 'vision', 'kommunal', 'saco', 'ssr',
  'akademikerförbundet', 'sveriges', 'lärare', 'ledarna', 'vårdförbundet', 'skolledare', 'akavia', 'föranmäld',
  'föranmälde', 'föranmälda', 'föranmält', 'redogör', 'redogjorde', 'besvaras', 'besvarar', 'besvarade', 'se', 'sid',
  // How a question is put or taken up again: "ställer frågan", "påminner om sin fråga", "gällande", "frågar igen".
  'ställer', 'ställde', 'påminner', 'påminde', 'gällande', 'angående', 'avseende', 'fortfarande', 'igen', 'hänt',
  'all', 'alla',
  // Dates in restatements ("sin fråga från den 13 maj") are no subject.
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december',
]);

/** How each party is written in running text, to tell which party an answer in a follow-up item concerns. */
export const PARTY_MENTIONS: Record<string, RegExp> = {
  Vision: /\bvisions?\b/,
  Kommunal: /\bkommunals?\b/,
  'Akademikerförbundet SSR': /\bssrs?\b|akademikerförbundet/,
  Saco: /\bsacos?\b|\bakavias?\b/,
  'Sveriges Lärare': /sveriges lärare|svergies lärare|lärarförbundet|lärarnas riksförbund/,
  Ledarna: /\bledarnas?\b/,
  Vårdförbundet: /vårdförbundets?/,
  'Sveriges Skolledare': /sveriges skolledare|skolledarna/,
};
