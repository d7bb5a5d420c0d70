// Words that are never an emerging subject however often they occur: calendar words that rise and fall with
// the season of the latest period, party names, and the formulae every protocol repeats. Extend freely;
// entries are lower-case words, matched after normalisation.

/** Month and weekday names: a December quarter mentions "december" and "januari" more, which is no subject. */
const CALENDAR = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december',
  'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag',
  'vecka', 'veckan', 'vt', 'ht', 'våren', 'hösten', 'sommaren', 'vintern', 'jul', 'julen', 'påsk', 'påsken',
];

/** Parties and their usual spellings: who speaks is not what is spoken about. */
const PARTIES = [
  'arbetsgivaren', 'arbetsgivarens', 'arbetsgivarsidan', 'ag', 'vision', 'visions', 'kommunal', 'kommunals',
  'akademikerförbundet', 'ssr', 'ssrs', 'saco', 'sacos', 'akavia', 'lärare', 'ledarna', 'vårdförbundet', 'skolledare',
  'fackliga', 'facket', 'fackförbunden', 'organisationerna',
];

/** Words of the meeting formulae ("Mötet öppnas", "Protokollet justeras", "besvaras vid nästa möte"). */
const FORMULAE = [
  'protokoll', 'protokollet', 'protokollets', 'justerare', 'justeras', 'justering', 'dagordning', 'dagordningen',
  'mötet', 'möte', 'mötets', 'öppnas', 'avslutas', 'avslutades', 'förvaltningsgrupp', 'förvaltningsgruppen',
  'föregående', 'nästa', 'punkt', 'punkten', 'bilaga', 'bilagan', 'sida', 'sid', 'se', 'enligt', 'information',
  'informerar', 'informerade', 'undrar', 'frågar', 'frågade', 'fråga', 'frågan', 'frågor', 'svarar', 'svarade',
  'återkommer', 'önskar', 'mer', 'info', 'syntetiskt', 'syntetisk', 'påminner', 'kvarstår', 'kvarstående', 'tidigare',
];

export const NEVER_EMERGING: ReadonlySet<string> = new Set([...CALENDAR, ...PARTIES, ...FORMULAE]);

/**
 * Endings of Swedish word forms that are not nouns — passive verb forms ("används", "görs", "finns", "planeras",
 * "genomförts"), present participles ("pågående", "kommande") and adjectives or adverbs ("viktigt", "tydliga",
 * "ekonomiska"): a single word ending so is something done or said about a subject, not the subject. Phrases
 * keep such words ("nya socialtjänstlagen"). Plural nouns (-ar, -er) are subjects, so those endings are not here.
 */
export const NOT_NOUN_ENDINGS: readonly string[] = ['ds', 'rs', 'ns', 'ts', 'as', 'ande', 'ende', 'igt', 'iga', 'ligen', 'iskt', 'iska'];

/** Nouns that end like a verb form all the same. Extend freely. */
export const NOUNS_DESPITE_ENDING: ReadonlySet<string> = new Set([
  'plats', 'kurs', 'resurs', 'status', 'fokus', 'campus', 'kris', 'pris', 'turnus', 'gas',
]);

/**
 * Endings a first word of a two-word subject cannot have. In a noun phrase the first word modifies the second
 * ("nya socialtjänstlagen", "digitala verktyg"); a definite noun ("staden", "arbetet", "enheterna") or a verb in
 * the present tense ("fortsätter", "pågår") first makes a clause ("staden pågår", "fortsätter arbetet").
 */
export const NOT_MODIFIER_ENDINGS: readonly string[] = ['en', 'et', 'na', 'r'];
