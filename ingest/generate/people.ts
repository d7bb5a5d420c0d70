// The invented people of one förvaltning: employer representatives with roles and union representatives per
// party, drawn once per förvaltning so the same names recur from meeting to meeting as in a real archive.
import type { ForvaltningSpec } from './data/forvaltningar.ts';
import { DEPARTMENT_ROLES, DISTRICT_ROLES, FIRST_NAMES, SURNAMES } from './data/names.ts';
import type { Union } from './data/parties.ts';
import { Random } from './random.ts';

export interface EmployerRep {
  name: string;
  role: string;
}

export interface Staff {
  /** The first one chairs the meeting. */
  employer: EmployerRep[];
  unions: Map<Union, string[]>;
}

export function staffOf(seed: number, spec: ForvaltningSpec): Staff {
  const rng = new Random(seed, spec.slug, 'people');
  const used = new Set<string>();
  const person = (): string => {
    for (;;) {
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
      if (used.has(name)) continue;
      used.add(name);
      return name;
    }
  };
  const roles = spec.kind === 'stadsdel' ? DISTRICT_ROLES : DEPARTMENT_ROLES;
  const employer = [roles[0], ...rng.sample(roles.slice(1), rng.int(5, 8))].map((role) => ({ name: person(), role }));
  const unions = new Map<Union, string[]>();
  for (const union of [...spec.unions, ...spec.usuallyAbsent]) {
    unions.set(union, Array.from({ length: rng.int(1, 3) }, person));
  }
  return { employer, unions };
}
