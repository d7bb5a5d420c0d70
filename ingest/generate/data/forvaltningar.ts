// The förvaltningar the generator writes protocols for: the hand-described Stockholm ones first (each with its
// own letterhead, agenda habit, party spellings and verksamheter), then Stockholm's other förvaltningar and
// other cities' stadsdelsförvaltningar, which `--protocols N` draws on when a benchmark needs more.
import type { SpellingStyle, Union } from './parties.ts';

export type AgendaStyle = 'district' | 'subnumbered' | 'paragraph';
export type NumberingStyle = 'plain' | 'dot' | 'mixed' | 'paragraph';

export interface ForvaltningSpec {
  /** Canonical short name, as the parser reports it ("Hägersten-Älvsjö", "Socialförvaltningen"). */
  name: string;
  /** Letterhead text at the top of every page. */
  letterhead: string;
  slug: string;
  kind: 'stadsdel' | 'fack';
  /** Unions that usually attend, and those usually listed under Förhinder. */
  unions: readonly Union[];
  usuallyAbsent: readonly Union[];
  /** Verksamheter the statements talk about ("inom hemtjänsten"); no topic words in them ("ekonomiskt bistånd"). */
  units: readonly string[];
  places: readonly string[];
  agenda: AgendaStyle;
  numbering: NumberingStyle;
  spelling: SpellingStyle;
  /** Whether the letterhead carries the date ("Protokoll 2024-03-12") or just "Protokoll". */
  headerDate: boolean;
  /** Whether an address block is printed at the foot of every page. */
  addressFooter: string | null;
  /** Whether answers name the manager who gives them ("Magnus Borgsten svarar …") rather than "Arbetsgivaren". */
  namedAnswers: boolean;
}

const DISTRICT_UNITS = ['hemtjänsten', 'förskolan', 'individ- och familjeomsorgen', 'äldreboendena', 'försörjningsstödet', 'LSS-boendena', 'socialpsykiatrin', 'parkleken'];
const DISTRICT_UNIONS: readonly Union[] = ['Vision', 'Kommunal', 'Akademikerförbundet SSR', 'Saco', 'Sveriges Lärare', 'Ledarna'];

export const STOCKHOLM: readonly ForvaltningSpec[] = [
  {
    name: 'Hägersten-Älvsjö', letterhead: 'Hägersten-Älvsjö stadsdelsförvaltning', slug: 'hagersten-alvsjo', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet', 'Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Paddan', 'Mötesrum Paddan plan 10 samt via Zoom.', 'Telefonvägen 30, plan 10'],
    agenda: 'district', numbering: 'mixed', spelling: { Saco: 1, 'Akademikerförbundet SSR': 1 }, headerDate: true,
    addressFooter: 'Telefonvägen 30, plan 10, Box 490, 129 04 Hägersten', namedAnswers: false,
  },
  {
    name: 'Skärholmen', letterhead: 'Skärholmens stadsdelsförvaltning', slug: 'skarholmen', kind: 'stadsdel',
    unions: [...DISTRICT_UNIONS, 'Vårdförbundet'], usuallyAbsent: ['Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Stora mötesrummet, Skärholmsvägen', 'Digitalt via Teams', 'Aktrummet'],
    agenda: 'subnumbered', numbering: 'dot', spelling: { Saco: 2, 'Sveriges Lärare': 1 }, headerDate: false,
    addressFooter: null, namedAnswers: true,
  },
  {
    name: 'Farsta', letterhead: 'Farsta stadsdelsförvaltning', slug: 'farsta', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet'], units: DISTRICT_UNITS,
    places: ['Farsta Torg, mötesrum Magelungen', 'Via Teams'], agenda: 'district', numbering: 'dot',
    spelling: { Arbetsgivaren: 1 }, headerDate: true, addressFooter: null, namedAnswers: false,
  },
  {
    name: 'Spånga-Tensta', letterhead: 'Spånga-Tensta stadsdelsförvaltning', slug: 'spanga-tensta', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet', 'Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Tensta allé, konferensrum Järva', 'Lokal Spånga samt Teams'], agenda: 'subnumbered', numbering: 'dot',
    spelling: { 'Akademikerförbundet SSR': 1 }, headerDate: true, addressFooter: null, namedAnswers: true,
  },
  {
    name: 'Socialförvaltningen', letterhead: 'Socialförvaltningen', slug: 'socialforvaltningen', kind: 'fack',
    unions: ['Akademikerförbundet SSR', 'Vision', 'Saco', 'Kommunal', 'Ledarna'], usuallyAbsent: ['Vårdförbundet'],
    units: ['socialjouren', 'barn och unga', 'beroendevården', 'stödboendena', 'enheten för hemlösa'],
    places: ['Swedenborgsgatan 20, sal Lindhagen', 'Via Teams'], agenda: 'paragraph', numbering: 'paragraph',
    spelling: { Saco: 0, 'Akademikerförbundet SSR': 0 }, headerDate: true, addressFooter: null, namedAnswers: false,
  },
  {
    name: 'Äldreförvaltningen', letterhead: 'Äldreförvaltningen', slug: 'aldreforvaltningen', kind: 'fack',
    unions: ['Kommunal', 'Vision', 'Vårdförbundet', 'Akademikerförbundet SSR', 'Saco'], usuallyAbsent: ['Ledarna'],
    units: ['vård- och omsorgsboendena', 'hemtjänsten', 'dagverksamheten', 'äldrecentrum', 'korttidsboendet'],
    places: ['Hantverkargatan 3, sal Kungsholmen', 'Digitalt'], agenda: 'paragraph', numbering: 'paragraph',
    spelling: { Saco: 1 }, headerDate: true, addressFooter: null, namedAnswers: true,
  },
  {
    name: 'Utbildningsförvaltningen', letterhead: 'Utbildningsförvaltningen', slug: 'utbildningsforvaltningen', kind: 'fack',
    unions: ['Sveriges Lärare', 'Sveriges Skolledare', 'Vision', 'Kommunal', 'Saco', 'Ledarna'], usuallyAbsent: ['Akademikerförbundet SSR'],
    units: ['grundskolorna', 'gymnasieskolorna', 'elevhälsan', 'fritidshemmen', 'skolmåltiderna'],
    places: ['Hantverkargatan 2F, sal Rålambshov', 'Via Teams'], agenda: 'district', numbering: 'plain',
    spelling: { 'Sveriges Lärare': 0, Saco: 0 }, headerDate: true, addressFooter: null, namedAnswers: false,
  },
  {
    name: 'Enskede-Årsta-Vantör', letterhead: 'Enskede-Årsta-Vantörs stadsdelsförvaltning', slug: 'enskede-arsta-vantor', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet', 'Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Slakthusområdet, mötesrum Tallkrogen', 'Via Zoom'], agenda: 'district', numbering: 'dot',
    spelling: { Saco: 3, Arbetsgivaren: 1 }, headerDate: true, addressFooter: null, namedAnswers: true,
  },
  {
    name: 'Rinkeby-Kista', letterhead: 'Rinkeby-Kista stadsdelsförvaltning', slug: 'rinkeby-kista', kind: 'stadsdel',
    unions: [...DISTRICT_UNIONS, 'Vårdförbundet'], usuallyAbsent: [], units: DISTRICT_UNITS,
    places: ['Kista Allévägen, rum Husby', 'Teams'], agenda: 'paragraph', numbering: 'paragraph',
    spelling: { 'Akademikerförbundet SSR': 1, Saco: 1 }, headerDate: false, addressFooter: null, namedAnswers: false,
  },
  {
    name: 'Södermalm', letterhead: 'Södermalms stadsdelsförvaltning', slug: 'sodermalm', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Götgatan 83, rum Mariatorget', 'Digitalt via Teams'], agenda: 'subnumbered', numbering: 'dot',
    spelling: {}, headerDate: true, addressFooter: null, namedAnswers: true,
  },
  {
    name: 'Bromma', letterhead: 'Bromma stadsdelsförvaltning', slug: 'bromma', kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet', 'Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Brommaplan, sal Ulvsunda'], agenda: 'district', numbering: 'plain',
    spelling: { Saco: 1 }, headerDate: true, addressFooter: null, namedAnswers: false,
  },
  {
    name: 'Arbetsmarknadsförvaltningen', letterhead: 'Arbetsmarknadsförvaltningen', slug: 'arbetsmarknadsforvaltningen', kind: 'fack',
    unions: ['Vision', 'Akademikerförbundet SSR', 'Saco', 'Kommunal', 'Sveriges Lärare'], usuallyAbsent: ['Ledarna'],
    units: ['jobbtorgen', 'vuxenutbildningen', 'SFI', 'feriejobben'], places: ['Västgötagatan 2, rum Skanstull', 'Teams'],
    agenda: 'paragraph', numbering: 'paragraph', spelling: { 'Akademikerförbundet SSR': 1 }, headerDate: true,
    addressFooter: null, namedAnswers: false,
  },
];

/** Stockholm's other stadsdelsförvaltningar, for archives larger than the hand-described ones. */
const MORE_STOCKHOLM_DISTRICTS = ['Hässelby-Vällingby', 'Kungsholmen', 'Norrmalm', 'Skarpnäck', 'Östermalm'];

/** Stockholm's other fackförvaltningar and kontor, with the verksamheter their protocols talk about. */
const MORE_STOCKHOLM_DEPARTMENTS: readonly { name: string; units: string[]; unions: Union[] }[] = [
  { name: 'Kulturförvaltningen', units: ['Stadsbiblioteket', 'Kulturskolan', 'Stadsarkivet'], unions: ['Vision', 'Saco', 'Kommunal', 'Sveriges Lärare'] },
  { name: 'Idrottsförvaltningen', units: ['simhallarna', 'idrottsplatserna', 'bokningen'], unions: ['Kommunal', 'Vision', 'Saco'] },
  { name: 'Miljöförvaltningen', units: ['miljötillsynen', 'livsmedelskontrollen', 'miljöanalysen'], unions: ['Saco', 'Vision', 'Ledarna'] },
  { name: 'Serviceförvaltningen', units: ['kontaktcenter', 'lönecentrum', 'redovisningscentrum'], unions: ['Vision', 'Saco', 'Kommunal', 'Ledarna'] },
  { name: 'Trafikkontoret', units: ['gatudriften', 'trafikplaneringen', 'parkeringsövervakningen'], unions: ['Saco', 'Vision', 'Kommunal', 'Ledarna'] },
  { name: 'Stadsbyggnadskontoret', units: ['bygglovsavdelningen', 'planavdelningen', 'lantmäteriet'], unions: ['Saco', 'Vision', 'Ledarna'] },
  { name: 'Fastighetskontoret', units: ['förvaltningsavdelningen', 'torghandeln', 'projektavdelningen'], unions: ['Saco', 'Vision', 'Kommunal'] },
  { name: 'Exploateringskontoret', units: ['markavdelningen', 'projektavdelningen'], unions: ['Saco', 'Vision', 'Ledarna'] },
  { name: 'Överförmyndarförvaltningen', units: ['handläggningen', 'granskningen av årsräkningar'], unions: ['Vision', 'Akademikerförbundet SSR', 'Saco'] },
  { name: 'Stadsledningskontoret', units: ['HR-avdelningen', 'kommunstyrelsens kansli', 'digitaliseringsavdelningen'], unions: ['Saco', 'Vision', 'Ledarna'] },
];

/**
 * Stadsdelsförvaltningar of other cities (Göteborg's until 2020, Malmö's until 2013), written the Stockholm way
 * ("Angereds stadsdelsförvaltning") so a parser reads their short name from the letterhead as it does for
 * Stockholm's. Only benchmarks reach them.
 */
const OTHER_CITY_DISTRICTS = [
  'Angered', 'Majorna-Linné', 'Askim-Frölunda-Högsbo', 'Lundby', 'Örgryte-Härlanda', 'Biskopsgården', 'Kortedala',
  'Tynnered', 'Torslanda', 'Backa', 'Rosengård', 'Limhamn-Bunkeflo', 'Kirseberg', 'Fosie', 'Husie', 'Oxie', 'Hyllie',
  'Gottsunda', 'Gränby', 'Sävja', 'Vivalla', 'Brickebacken', 'Ryd', 'Skäggetorp', 'Navestad', 'Hageby', 'Råslätt',
  'Öxnehaga', 'Norrby', 'Hässleholmen', 'Ålidhem', 'Holmsund', 'Sätra', 'Andersberg', 'Araby', 'Nydala',
];

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/[^a-z0-9]+/g, '-');
}

/** "Angered" → "Angereds", "Hässleholmen" → "Hässleholmens"; names ending in s take no extra s. */
function genitive(name: string): string {
  return /[sxz]$/.test(name) ? name : `${name}s`;
}

const AGENDA_CYCLE: readonly [AgendaStyle, NumberingStyle][] = [['district', 'dot'], ['paragraph', 'paragraph'], ['subnumbered', 'dot'], ['district', 'plain']];

function district(name: string, i: number): ForvaltningSpec {
  const [agenda, numbering] = AGENDA_CYCLE[i % AGENDA_CYCLE.length];
  return {
    name, letterhead: `${genitive(name)} stadsdelsförvaltning`, slug: slugOf(name), kind: 'stadsdel',
    unions: DISTRICT_UNIONS, usuallyAbsent: ['Vårdförbundet', 'Sveriges Skolledare'], units: DISTRICT_UNITS,
    places: ['Stadsdelshuset, sammanträdesrum 1', 'Via Teams'], agenda, numbering,
    spelling: { Saco: i % 4, 'Akademikerförbundet SSR': i % 2 }, headerDate: i % 3 !== 2, addressFooter: null,
    namedAnswers: i % 3 === 1,
  };
}

function department(d: (typeof MORE_STOCKHOLM_DEPARTMENTS)[number], i: number): ForvaltningSpec {
  const [agenda, numbering] = AGENDA_CYCLE[(i + 1) % AGENDA_CYCLE.length];
  return {
    name: d.name, letterhead: d.name, slug: slugOf(d.name), kind: 'fack', unions: d.unions, usuallyAbsent: ['Vårdförbundet'],
    units: d.units, places: ['Sammanträdesrummet, plan 4', 'Via Teams'], agenda, numbering,
    spelling: { Saco: i % 3, Arbetsgivaren: i % 2 }, headerDate: true, addressFooter: null, namedAnswers: i % 2 === 0,
  };
}

/** Every förvaltning the generator knows, the hand-described ones first; `--protocols N` takes them in this order. */
export function forvaltningCatalog(): ForvaltningSpec[] {
  return [
    ...STOCKHOLM,
    ...MORE_STOCKHOLM_DISTRICTS.map(district),
    ...MORE_STOCKHOLM_DEPARTMENTS.map(department),
    ...OTHER_CITY_DISTRICTS.map((name, i) => district(name, i + MORE_STOCKHOLM_DISTRICTS.length)),
  ];
}
