// The parties the index keeps a per-party field for, so a party filter means "this party said the matching
// words" rather than "this party spoke somewhere in the section". Mirrors the Party union in ingest/model.ts.
import type { Party } from '../../ingest/model.ts';

export const PARTIES = [
  'Arbetsgivaren',
  'Vision',
  'Kommunal',
  'Akademikerförbundet SSR',
  'Saco',
  'Sveriges Lärare',
  'Ledarna',
  'Vårdförbundet',
  'Sveriges Skolledare',
] as const satisfies readonly Party[];

export function isParty(value: string): value is Party {
  return (PARTIES as readonly string[]).includes(value);
}
