// What the protocols talk about, per topic: the employer's information sentences, the unions' statements and
// the subjects of their questions, in the word forms and compounds real protocols use (korttidssjukfrånvaron,
// friskfaktorsinventering, hot- och våldssituationer …). `{unit}` is replaced by one of the förvaltning's
// verksamheter. Keep each topic's words out of the other topics' sentences (no "nyrekrytering" under heltid, no
// "skyddsombuden" under sjukfrånvaro, no "omställning" under the new law): the truth counts a sentence for the
// topic it was written for, and analytics tests compare what the parser tags with it.

/** The taxonomy ids of the shared protocol contract. */
export const TAXONOMY = [
  'hot och våld', 'friskfaktorer', 'sjukfrånvaro', 'arbetsmiljö/SAM', 'budget/ekonomi', 'samverkan',
  'kompetensförsörjning/utbildning', 'heltid/anställningsformer', 'informationssäkerhet', 'organisationsförändring',
] as const;

/** Subjects outside the taxonomy that appear only late in the period (what "emerging subjects" must find). */
export const EMERGING = ['nya socialtjänstlagen', 'AI-verktyg'] as const;

export type TopicId = (typeof TAXONOMY)[number] | (typeof EMERGING)[number];

/** The kind of agenda item a topic is most naturally discussed under. */
export type SectionRole = 'info' | 'workenv' | 'economy' | 'competence' | 'other';

export interface Subject {
  /** Indirect question after "undrar"/"frågar" (starts with om/hur/när/vilka …). */
  ask: string;
  /** Noun phrase restating the subject in a later meeting ("frågan om …", "redovisning av …"). */
  noun: string;
  /** Clauses after "svarar att". */
  answers: readonly string[];
}

export interface TopicVocabulary {
  id: TopicId;
  role: SectionRole;
  info: readonly string[];
  /** Union statements, written after the party name ("Vision lyfter att …"). */
  statements: readonly string[];
  subjects: readonly Subject[];
}

export const TOPICS: readonly TopicVocabulary[] = [
  {
    id: 'hot och våld', role: 'workenv',
    info: [
      'Arbetsgivaren informerar om två våldsincidenter inom {unit} under månaden där medarbetare har hotats av brukare.',
      'Rutinen för hot och våld har reviderats och ska gås igenom på samtliga APT under våren.',
      'Säkerhetssamordnaren redogör för antalet anmälda hot- och våldssituationer, som har ökat jämfört med samma period förra året.',
      'Larmknappar och överfallslarm har setts över inom {unit} efter den senaste våldsincidenten.',
    ],
    statements: [
      'lyfter att medarbetarna inom {unit} upplever en ökad hotbild och att hot- och våldsrisker måste bedömas innan hembesök.',
      'framhåller att genomgången av rutinen för hot och våld behöver ges till alla nyanställda.',
    ],
    subjects: [
      {
        ask: 'hur många hot- och våldsincidenter som har anmälts inom {unit} det senaste halvåret',
        noun: 'antalet anmälda hot- och våldsincidenter inom {unit}',
        answers: ['elva händelser har anmälts i IA och att samtliga har följts upp av närmaste chef', 'antalet våldsincidenter har minskat något sedan rutinen infördes'],
      },
      {
        ask: 'när den reviderade rutinen för hot och våld ska börja gälla',
        noun: 'tidplanen för den nya rutinen mot hot och våld',
        answers: ['rutinen börjar gälla den första i nästa månad och presenteras på APT', 'rutinen mot hot och våld är beslutad och finns på intranätet'],
      },
      {
        ask: 'om arbetsgivaren avser att kartlägga ensamarbete kopplat till hot och våld inom {unit}',
        noun: 'kartläggningen av ensamarbete och våldsrisker inom {unit}',
        answers: ['kartläggningen av ensamarbetet görs under kvartalet', 'en sådan kartläggning av hot- och våldsrisker genomfördes i höstas och uppdateras nu'],
      },
    ],
  },
  {
    id: 'friskfaktorer', role: 'workenv',
    info: [
      'Arbetet med friskfaktorer fortsätter och varje enhet ska välja två friskfaktorer att arbeta med under året.',
      'Friskfaktorplaneraren från Suntarbetsliv presenterades och chefer uppmanas att använda den tillsammans med de fackliga ombuden.',
      'En friskfaktorsinventering har genomförts inom {unit} och resultatet visar styrkor i ledarskap och delaktighet.',
    ],
    statements: [
      'ser positivt på arbetet med friskfaktorer men vill att de fackliga organisationerna involveras tidigare.',
      'menar att friskfaktorerna behöver kopplas till enheternas handlingsplaner.',
    ],
    subjects: [
      {
        ask: 'om arbetsgivaren tänkt göra en friskfaktorsinventering inom hela förvaltningen',
        noun: 'en förvaltningsövergripande friskfaktorsinventering',
        answers: ['inventeringen av friskfaktorer genomförs i samband med medarbetarenkäten', 'varje avdelning gör en egen inventering av friskfaktorerna under hösten'],
      },
      {
        ask: 'vilka friskfaktorer förvaltningen har valt att prioritera',
        noun: 'förvaltningens prioriterade friskfaktorer',
        answers: ['förvaltningen prioriterar friskfaktorerna kommunikativt ledarskap och tydlig organisation'],
      },
    ],
  },
  {
    id: 'sjukfrånvaro', role: 'workenv',
    info: [
      'Sjukfrånvaron för perioden redovisades och ligger på 7,8 procent för förvaltningen.',
      'Korttidssjukfrånvaron har ökat inom {unit} medan den långa sjukfrånvaron är stabil.',
      'Arbetsgivaren redogör för sjukfrånvarostatistiken per avdelning och rehabiliteringsärenden som pågår.',
      'Sjukskrivningarna inom {unit} är fortsatt höga och chefer får stöd av HR i rehabiliteringsarbetet.',
    ],
    statements: [
      'lyfter att den höga sjukfrånvaron inom {unit} hänger ihop med för lite återhämtning mellan passen.',
      'vill att analysen av sjukfrånvaron görs tillsammans med de fackliga organisationerna.',
    ],
    subjects: [
      {
        ask: 'hur korttidssjukfrånvaron har utvecklats inom {unit} under året',
        noun: 'utvecklingen av korttidssjukfrånvaron inom {unit}',
        answers: ['korttidssjukfrånvaron har minskat något men ligger fortfarande över stadens snitt', 'sjukfrånvaron inom enheten har sjunkit till 6,9 procent'],
      },
      {
        ask: 'vilka åtgärder som vidtas för att minska sjukfrånvaron inom {unit}',
        noun: 'åtgärderna mot den höga sjukfrånvaron inom {unit}',
        answers: ['tidiga samtal vid upprepad sjukfrånvaro och stöd från företagshälsovården införs', 'en handlingsplan mot sjukfrånvaron tas fram tillsammans med HR'],
      },
    ],
  },
  {
    id: 'arbetsmiljö/SAM', role: 'workenv',
    info: [
      'Den årliga uppföljningen av det systematiska arbetsmiljöarbetet, SAM, har genomförts på samtliga enheter.',
      'Skyddsronderna inom {unit} är genomförda och handlingsplaner är upprättade i ILS.',
      'Arbetsgivaren informerar om antalet tillbud och arbetsskador som anmälts i IA under perioden.',
      'Den organisatoriska och sociala arbetsmiljön inom {unit} följs upp efter medarbetarenkäten.',
    ],
    statements: [
      'påpekar att skyddsombuden inte alltid bjuds in till skyddsronderna.',
      'lyfter att arbetsmiljön inom {unit} är ansträngd med hög arbetsbelastning.',
    ],
    subjects: [
      {
        ask: 'om skyddsombuden kan få ta del av uppföljningen av SAM för varje enhet',
        noun: 'skyddsombudens tillgång till SAM-uppföljningen per enhet',
        answers: ['uppföljningen av arbetsmiljöarbetet finns i ILS och skyddsombuden får en kopia av underlaget'],
      },
      {
        ask: 'hur många tillbud som inte har slutförts i IA',
        noun: 'antalet ej slutförda tillbudsanmälningar i IA',
        answers: ['fjorton anmälningar är inte klarmarkerade och cheferna har fått påminnelse', 'samtliga tillbud är nu slutförda i IA'],
      },
      {
        ask: 'när arbetsmiljökursen för chefer och skyddsombud hålls under året',
        noun: 'den gemensamma arbetsmiljökursen för chefer och skyddsombud',
        answers: ['arbetsmiljökursen hålls i två steg, digitalt i vår och på plats i höst'],
      },
    ],
  },
  {
    id: 'budget/ekonomi', role: 'economy',
    info: [
      'Månadsprognosen visar ett underskott på 12 miljoner kronor, främst inom {unit}.',
      'Arbetsgivaren går igenom budgeten för nästa år och de besparingar som krävs för en ekonomi i balans.',
      'Prognosen efter åtgärder pekar mot ett nollresultat vid årets slut.',
      'Ekonomichefen redovisar utfallet per avdelning och kostnaderna för inhyrd personal.',
    ],
    statements: [
      'är oroliga för att besparingarna i budgeten drabbar bemanningen inom {unit}.',
      'vill att konsekvenserna av budgetneddragningarna analyseras innan beslut.',
    ],
    subjects: [
      {
        ask: 'hur underskottet inom {unit} ska hanteras i budgeten',
        noun: 'hanteringen av underskottet inom {unit}',
        answers: ['underskottet hanteras genom vakanshållning och minskade inköp', 'en åtgärdsplan för ekonomin i balans tas fram under kvartalet'],
      },
      {
        ask: 'vilka besparingar som planeras i nästa års budget',
        noun: 'planerade besparingar i budgeten för nästa år',
        answers: ['besparingarna gäller främst lokaler och administration', 'budgeten innebär inga neddragningar av personal'],
      },
    ],
  },
  {
    id: 'samverkan', role: 'other',
    info: [
      'Uppföljningen av samverkansöverenskommelsen pågår och samverkansgrupperna ska lämna synpunkter på samverkan före sommaren.',
      'Årshjulet för samverkan gicks igenom och förslaget till mötestider för samverkansgrupperna nästa år presenterades.',
      'Arbetsgivaren informerar om att de lokala samverkansgrupperna inom {unit} ska ses över så att samverkan sker närmare verksamheten.',
    ],
    statements: [
      'anser att samverkan på förvaltningsgruppen fungerar bra men att handlingarna behöver skickas ut tidigare.',
      'önskar samverkan på enhetsnivå inom {unit} eftersom samverkansgrupperna är för stora.',
    ],
    subjects: [
      {
        ask: 'om handlingarna till samverkansmötena kan skickas ut en vecka innan mötet',
        noun: 'utskicket av handlingar inför samverkansmötena',
        answers: ['handlingarna publiceras i Meetings torsdagen före samverkansmötet'],
      },
      {
        ask: 'när utvärderingen av samverkansavtalet ska genomföras',
        noun: 'utvärderingen av samverkansavtalet',
        answers: ['utvärderingen av samverkan görs i maj tillsammans med de fackliga organisationerna'],
      },
    ],
  },
  {
    id: 'kompetensförsörjning/utbildning', role: 'competence',
    info: [
      'Kompetensförsörjningsplanen för {unit} presenterades med fokus på rekrytering av socionomer och undersköterskor.',
      'En ny introduktionsutbildning för nyanställda startar i höst.',
      'Arbetsgivaren redogör för personalomsättningen och svårigheterna att rekrytera till {unit}.',
    ],
    statements: [
      'lyfter att kompetensutvecklingen inom {unit} har stått still på grund av tidsbrist.',
      'framför att rekryteringsläget är svårt och att erfarna medarbetare slutar.',
    ],
    subjects: [
      {
        ask: 'hur arbetsgivaren planerar att rekrytera till de vakanta tjänsterna inom {unit}',
        noun: 'rekryteringen till vakanta tjänster inom {unit}',
        answers: ['rekryteringskampanjen startar nästa månad i samarbete med stadens rekryteringsenhet', 'fyra av sex tjänster är nu tillsatta'],
      },
      {
        ask: 'om medarbetare inom {unit} kommer att erbjudas kompetensutveckling i SIP-samordning',
        noun: 'kompetensutvecklingen i SIP för medarbetare inom {unit}',
        answers: ['egna utbildningar i SIP anordnas under hösten för alla handläggare'],
      },
    ],
  },
  {
    id: 'heltid/anställningsformer', role: 'info',
    info: [
      'Andelen timavlönade inom {unit} redovisades uppdelat per verksamhet.',
      'Heltid som norm gäller vid nyanställning och medarbetare som ofrivilligt arbetar deltid erbjuds högre sysselsättningsgrad.',
      'Antalet visstidsanställningar har minskat och fler har fått tillsvidareanställning.',
    ],
    statements: [
      'lyfter att många timavlönade inom {unit} vill ha tillsvidareanställning.',
      'menar att heltid som norm inte efterlevs vid nyanställning.',
    ],
    subjects: [
      {
        ask: 'hur många medarbetare inom {unit} som ofrivilligt arbetar deltid',
        noun: 'antalet ofrivilligt deltidsanställda inom {unit}',
        answers: ['nio medarbetare har anmält önskemål om heltid och erbjuds utökad sysselsättningsgrad'],
      },
      {
        ask: 'om heltid är norm eller en möjlighet vid nyanställning',
        noun: 'heltid som norm vid nyanställning',
        answers: ['heltid är norm vid nyanställning och tjänster annonseras på heltid'],
      },
    ],
  },
  {
    id: 'informationssäkerhet', role: 'info',
    info: [
      'Arbetsgivaren informerar om ett phishingförsök som riktats mot medarbetare och påminner om informationssäkerheten.',
      'En ny rutin för hantering av personuppgifter och informationssäkerhet har tagits fram.',
      'Webbkursen i informationssäkerhet är obligatorisk för alla medarbetare och ska vara genomförd före årets slut.',
    ],
    statements: [
      'påpekar att kraven på informationssäkerhet gör det svårt att arbeta mobilt inom {unit}.',
    ],
    subjects: [
      {
        ask: 'hur personuppgiftsincidenten inom {unit} har hanterats',
        noun: 'hanteringen av personuppgiftsincidenten inom {unit}',
        answers: ['incidenten är anmäld till IMY och berörda medarbetare har informerats'],
      },
      {
        ask: 'om tvåfaktorsinloggningen kommer att gälla även för vikarier',
        noun: 'tvåfaktorsinloggning för all personal',
        answers: ['alla medarbetare får inloggning med tvåfaktor under våren enligt stadens informationssäkerhetskrav'],
      },
    ],
  },
  {
    id: 'organisationsförändring', role: 'info',
    info: [
      'Arbetsgivaren informerar om den planerade omorganisationen där {unit} delas i två enheter.',
      'Organisationsförändringen inom {unit} har analyserats och MBL-förhandling sker i nästa månad.',
      'Sammanslagningen av avdelningarna genomförs vid årsskiftet.',
    ],
    statements: [
      'är kritiska till att omorganisationen inom {unit} genomförs så snabbt.',
      'vill att medarbetarna görs delaktiga i organisationsförändringen.',
    ],
    subjects: [
      {
        ask: 'hur medarbetarna inom {unit} berörs av omorganisationen',
        noun: 'omorganisationens konsekvenser för medarbetarna inom {unit}',
        answers: ['ingen medarbetare blir övertalig och alla erbjuds placering i den nya organisationen'],
      },
      {
        ask: 'när konsekvensanalysen av organisationsförändringen ska presenteras',
        noun: 'konsekvensanalysen inför organisationsförändringen',
        answers: ['konsekvensanalysen av den nya organisationen presenteras vid MBL-förhandlingen'],
      },
    ],
  },
  {
    id: 'nya socialtjänstlagen', role: 'info',
    info: [
      'Arbetsgivaren informerar om förberedelserna inför nya socialtjänstlagen som träder i kraft den 1 juli 2025.',
      'Förberedelserna inför nya socialtjänstlagen pågår och en projektgrupp har tillsatts inom {unit}.',
      'Nya socialtjänstlagen innebär ett större fokus på förebyggande arbete och kunskapsbaserad socialtjänst.',
    ],
    statements: [
      'lyfter att arbetet med att införa nya socialtjänstlagen går snabbt och att handläggarna behöver tid för att sätta sig in i lagen.',
    ],
    subjects: [
      {
        ask: 'hur medarbetarna inom {unit} ska förberedas inför nya socialtjänstlagen',
        noun: 'förberedelserna inför nya socialtjänstlagen inom {unit}',
        answers: ['genomgångar av nya socialtjänstlagen hålls på varje APT under hösten'],
      },
    ],
  },
  {
    id: 'AI-verktyg', role: 'info',
    info: [
      'Staden inför AI-verktyget Copilot för handläggare och en pilot startar inom {unit}.',
      'Arbetsgivaren informerar om riktlinjer för användning av AI-verktyg i dokumentationen.',
      'En kartläggning av vilka AI-verktyg som används i verksamheterna har gjorts.',
    ],
    statements: [
      'vill att AI-verktygen utvärderas innan de införs inom {unit}.',
    ],
    subjects: [
      {
        ask: 'om AI-verktygen får användas för att skriva utredningar inom {unit}',
        noun: 'användningen av AI-verktyg vid utredningar inom {unit}',
        answers: ['AI-verktyg får användas som stöd men aldrig med känsliga uppgifter om brukare'],
      },
    ],
  },
];

export function topicVocabulary(id: TopicId): TopicVocabulary {
  const found = TOPICS.find((t) => t.id === id);
  if (!found) throw new Error(`unknown topic ${id}`);
  return found;
}
