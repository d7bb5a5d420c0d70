// Agenda templates in the corpus' layouts. Each item has a role that says what the generator puts under it:
// the topic discussions go to the item whose role suits them, follow-ups of earlier questions to the item the
// förvaltning uses for them (Kvarvarande frågor, Balanslista, Uppföljning av föregående protokoll).
import type { AgendaStyle } from './forvaltningar.ts';

export type ItemRole =
  | 'opening' | 'agenda' | 'adjusters' | 'previous' | 'balance' | 'followups' | 'info' | 'union_info' | 'board'
  | 'theme' | 'quality' | 'competence' | 'economy' | 'workenv' | 'guidelines' | 'preregistered' | 'other' | 'next'
  | 'closing'
  /** A heading that only groups sub-items (Skärholmen's "5. Verksamhetsfrågor"). */
  | 'group';

export interface AgendaItem {
  title: string;
  role: ItemRole;
  /** Sub-items ("5.1 Information"); topic discussions under a role-holding sub-item get their own "5.1.N" items. */
  children?: readonly AgendaItem[];
  /** When true, every topic discussion placed here becomes its own numbered sub-item with a title. */
  itemized?: boolean;
}

export const AGENDAS: Record<AgendaStyle, readonly AgendaItem[]> = {
  // Hägersten-Älvsjö's förvaltningsgrupp (corpus 2024-03-12, 2025-01-14).
  district: [
    { title: 'Mötets öppnande', role: 'opening' },
    { title: 'Godkännande av dagordningen', role: 'agenda' },
    { title: 'Val av justerare', role: 'adjusters' },
    { title: 'Föregående protokoll', role: 'previous' },
    { title: 'Balanslista', role: 'balance' },
    { title: 'Kvarvarande frågor från föregående möte', role: 'followups' },
    { title: 'Övergripande information från arbetsgivaren', role: 'info' },
    { title: 'Övergripande information från de fackliga organisationerna', role: 'union_info' },
    { title: 'Ärenden till nämnden', role: 'board' },
    { title: 'Månadens tema från årshjulet', role: 'theme' },
    { title: 'Kompetensförsörjning, kompetensutveckling', role: 'competence' },
    { title: 'Ekonomi och budget', role: 'economy' },
    { title: 'Skyddskommitté/arbetsmiljökommitté: Arbetsmiljö och hälsa', role: 'workenv' },
    { title: 'Föranmälda frågor', role: 'preregistered' },
    { title: 'Övriga frågor', role: 'other' },
    { title: 'Mötet avslutas', role: 'closing' },
  ],
  // Skärholmen's förvaltningsgrupp (corpus 2025-12): sub-numbered items, one per subject.
  subnumbered: [
    { title: 'Mötet öppnas', role: 'opening' },
    { title: 'Godkännande av dagordning', role: 'agenda' },
    { title: 'Val av sekreterare och justerare', role: 'adjusters' },
    { title: 'Uppföljning av föregående protokoll', role: 'followups' },
    {
      title: 'Verksamhetsfrågor', role: 'group',
      children: [
        { title: 'Information', role: 'info', itemized: true },
        { title: 'Beslut', role: 'theme' },
      ],
    },
    {
      title: 'Arbetsmiljö och personalfrågor', role: 'group',
      children: [{ title: 'Information', role: 'workenv', itemized: true }],
    },
    { title: 'Facklig information', role: 'union_info' },
    { title: 'Genomgång av nämndhandlingar', role: 'board' },
    {
      title: 'Övriga frågor', role: 'other',
      children: [{ title: 'Inkomna frågor från de fackliga organisationerna', role: 'preregistered' }],
    },
    { title: 'Mötet avslutas', role: 'closing' },
  ],
  // A fackförvaltning's FSG with "§" numbering.
  paragraph: [
    { title: 'Mötets öppnande', role: 'opening' },
    { title: 'Val av justerare', role: 'adjusters' },
    { title: 'Fastställande av dagordning', role: 'agenda' },
    { title: 'Föregående protokoll', role: 'previous' },
    { title: 'Balanslista och kvarstående frågor', role: 'followups' },
    { title: 'Information från förvaltningsledningen', role: 'info' },
    { title: 'Ekonomi', role: 'economy' },
    { title: 'Arbetsmiljö och hälsa', role: 'workenv' },
    { title: 'Personal- och kompetensfrågor', role: 'competence' },
    { title: 'Information från de fackliga organisationerna', role: 'union_info' },
    { title: 'Föranmälda frågor', role: 'preregistered' },
    { title: 'Övriga frågor', role: 'other' },
    { title: 'Nästa möte', role: 'next' },
    { title: 'Mötets avslutande', role: 'closing' },
  ],
};

/** Titles of itemized sub-items ("5.1.2 Arbetet med friskfaktorer"), per topic. */
export const ITEM_TITLES: Record<string, string> = {
  'hot och våld': 'Hot och våld',
  friskfaktorer: 'Arbetet med friskfaktorer',
  sjukfrånvaro: 'Sjukfrånvaro',
  'arbetsmiljö/SAM': 'Systematiskt arbetsmiljöarbete',
  'budget/ekonomi': 'Ekonomisk uppföljning',
  samverkan: 'Utvärdering av samverkan',
  'kompetensförsörjning/utbildning': 'Kompetensförsörjning',
  'heltid/anställningsformer': 'Heltid och anställningsformer',
  informationssäkerhet: 'Informationssäkerhet',
  organisationsförändring: 'Organisationsförändring',
  'nya socialtjänstlagen': 'Nya socialtjänstlagen',
  'AI-verktyg': 'AI-verktyg i verksamheten',
};
