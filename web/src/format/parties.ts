// Colours that mark each party across the UI (badges, statement borders, charts). Loosely after the
// organisations' own colours, darkened where needed so white text on them passes WCAG AA (≥ 4.5:1).
import type { Party } from '../api/types.ts';

const PARTY_COLOURS: Record<Party, string> = {
  Arbetsgivaren: '#3d4a5c', // slate: the employer side, neutral on purpose
  Vision: '#a3195b', // Vision's magenta
  Kommunal: '#b8141f', // Kommunal's red
  'Akademikerförbundet SSR': '#00607a', // SSR's petrol blue
  Saco: '#1f4e9c', // Saco's blue
  'Sveriges Lärare': '#5b2a86', // purple
  Ledarna: '#8a4b00', // amber, darkened
  Vårdförbundet: '#006b5a', // Vårdförbundet's teal
  'Sveriges Skolledare': '#4a5d12', // olive
};

const UNKNOWN_PARTY = '#5f6368';

export function partyColour(party: string | null | undefined): string {
  if (!party) return UNKNOWN_PARTY;
  return PARTY_COLOURS[party as Party] ?? UNKNOWN_PARTY;
}

export const PARTIES = Object.keys(PARTY_COLOURS) as Party[];
