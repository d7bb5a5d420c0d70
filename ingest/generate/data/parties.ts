// How the parties are written in real protocols. Each förvaltning's secretary has a habit (SACO or Saco/Akavia,
// SSR or Akademikerförbundet SSR, AG for the employer), so a spelling style is chosen per förvaltning and kept.
import type { Party } from '../../model.ts';

export type Union = Exclude<Party, 'Arbetsgivaren'>;

/** Spellings seen in the corpus and in other Stockholm protocols, first is the canonical name. */
export const PARTY_SPELLINGS: Record<Party, readonly string[]> = {
  Arbetsgivaren: ['Arbetsgivaren', 'AG', 'Arbetsgivarsidan'],
  Vision: ['Vision'],
  Kommunal: ['Kommunal'],
  'Akademikerförbundet SSR': ['Akademikerförbundet SSR', 'SSR'],
  Saco: ['Saco', 'SACO', 'Saco/Akavia', 'Akavia'],
  'Sveriges Lärare': ['Sveriges Lärare', 'Sveriges lärare'],
  Ledarna: ['Ledarna'],
  Vårdförbundet: ['Vårdförbundet'],
  'Sveriges Skolledare': ['Sveriges Skolledare', 'Sveriges skolledare'],
};

/** A förvaltning's spelling habit: index into PARTY_SPELLINGS per party (0 when not listed). */
export type SpellingStyle = Partial<Record<Party, number>>;

export function spell(party: Party, style: SpellingStyle): string {
  const spellings = PARTY_SPELLINGS[party];
  return spellings[Math.min(style[party] ?? 0, spellings.length - 1)];
}
