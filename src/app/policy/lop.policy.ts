// The LOP (lokaal overlegplatform): its view of the exclusions of its schools, aggregates only and suppressed, for
// its own staff (docs/decisions/0037). No pupil-level action names the LOP role.
import { ofOwnOrganisation } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const lopPolicy = {
  /** The exclusions report of a LOP's schools (aggregates, suppressed below MIN_SHOWN_COUNT). */
  'monitor.lop': [allow(['lop-medewerker'], ofOwnOrganisation)],
} satisfies PolicyTable<string>;
