// Long or repeated preventive suspensions (issue 15): a figure of the monitor and the region report, as data with
// its source like the engine's catalog. Seed 004 l. 7854–7905 ("Preventieve schorsing blijft zorgenkind"):
// schools use preventive suspension as a sanction, choose the maximum duration at once, or suspend on every
// pile-up of small incidents, so that pupils sit at home long. The Commissioner asks for a separate code so its
// use can be monitored (l. 7938–7945, 13195–13199); Aanwezig keeps the internal code Y for it.
import type { ParameterOrigin } from './catalog-types.ts';

export const SUSPENSION_RULES = {
  /** A run of preventive suspension (code Y) of at least this many school half-days. */
  PREVENTIVE_SUSPENSION_LONG: {
    id: 'PREVENTIVE_SUSPENSION_LONG',
    // 10 school days: the maximum length of one preventive suspension in Flemish regulation (it may be extended
    // once while the disciplinary inquiry runs); seed 004 l. 7878–7885 warns against choosing the maximum at once.
    params: { halfDays: 20 },
    parameters: { halfDays: { origin: 'product-default', min: 2, max: 200, integer: true } as ParameterOrigin },
    source: 'seed 004 l. 7854–7890; maximum 10 school days (regulation on discipline, Codex Secundair Onderwijs)',
  },
  /** At least this many separate runs of preventive suspension in one school year. */
  PREVENTIVE_SUSPENSION_REPEATED: {
    id: 'PREVENTIVE_SUSPENSION_REPEATED',
    params: { spells: 2 },
    parameters: { spells: { origin: 'product-default', min: 2, max: 20, integer: true } as ParameterOrigin },
    source: 'seed 004 l. 7892–7905 (preventief schorsen bij een opeenstapeling van kleine incidenten)',
  },
} as const;
