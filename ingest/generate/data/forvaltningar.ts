// The förvaltningar the generator writes protocols for: the hand-described Stockholm ones first (each with its
// own letterhead, agenda habit, party spellings and verksamheter), then plain förvaltningar of other
// municipalities that `--protocols N` draws on when a benchmark needs more förvaltningar than Stockholm has.
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

const MUNICIPALITIES = [
  'Solna', 'Sundbyberg', 'Huddinge', 'Nacka', 'Botkyrka', 'Haninge', 'Järfälla', 'Täby', 'Södertälje', 'Uppsala',
  'Västerås', 'Örebro', 'Linköping', 'Norrköping', 'Jönköping', 'Gävle', 'Sundsvall', 'Umeå', 'Luleå', 'Karlstad',
  'Växjö', 'Halmstad', 'Borås', 'Eskilstuna', 'Kalmar', 'Falun', 'Östersund', 'Kristianstad', 'Lund', 'Trollhättan',
];

const MUNICIPAL_DEPARTMENTS = [
  { name: 'Socialförvaltningen', slug: 'social', unions: ['Akademikerförbundet SSR', 'Vision', 'Kommunal', 'Saco'] as Union[], units: ['barn och unga', 'vuxenenheten', 'försörjningsstödet'] },
  { name: 'Vård- och omsorgsförvaltningen', slug: 'vard-omsorg', unions: ['Kommunal', 'Vårdförbundet', 'Vision', 'Akademikerförbundet SSR'] as Union[], units: ['hemtjänsten', 'särskilda boenden', 'hemsjukvården'] },
  { name: 'Utbildningsförvaltningen', slug: 'utbildning', unions: ['Sveriges Lärare', 'Sveriges Skolledare', 'Kommunal', 'Vision'] as Union[], units: ['grundskolan', 'förskolan', 'elevhälsan'] },
  { name: 'Kultur- och fritidsförvaltningen', slug: 'kultur-fritid', unions: ['Vision', 'Kommunal', 'Saco'] as Union[], units: ['biblioteken', 'fritidsgårdarna', 'simhallarna'] },
  { name: 'Stadsbyggnadsförvaltningen', slug: 'stadsbyggnad', unions: ['Saco', 'Vision', 'Ledarna'] as Union[], units: ['bygglovsenheten', 'planenheten', 'lantmäteriet'] },
];

/** Every förvaltning the generator knows, Stockholm's first; `--protocols N` takes them in this order. */
export function forvaltningCatalog(): ForvaltningSpec[] {
  const others: ForvaltningSpec[] = [];
  MUNICIPALITIES.forEach((municipality, i) => {
    for (const dept of MUNICIPAL_DEPARTMENTS) {
      const name = `${dept.name} ${municipality}`;
      others.push({
        name, letterhead: `${municipality} kommun, ${dept.name.toLowerCase()}`,
        slug: `${municipality.toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o')}-${dept.slug}`, kind: 'fack',
        unions: dept.unions, usuallyAbsent: ['Ledarna'], units: dept.units,
        places: ['Stadshuset, sammanträdesrum 2', 'Via Teams'],
        agenda: (['district', 'paragraph', 'subnumbered'] as const)[i % 3],
        numbering: (['dot', 'paragraph', 'dot'] as const)[i % 3],
        spelling: { Saco: i % 4, 'Akademikerförbundet SSR': i % 2 }, headerDate: i % 2 === 0, addressFooter: null,
        namedAnswers: i % 3 === 1,
      });
    }
  });
  return [...STOCKHOLM, ...others];
}
