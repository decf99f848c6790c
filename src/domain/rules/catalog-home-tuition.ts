// The numbers of the entitlement to education for sick pupils (issue 14) as data with their sources, documented
// in docs/rules.md ("Home tuition entitlement"). Read by src/domain/medical/entitlement.ts; no number of its own.
export const HOME_TUITION_RULES = {
  toah: {
    /** Langdurig ziek: more than 21 calendar days in a row absent through illness (weekends, holidays count). */
    longIllnessDays: 21,
    /** Chronisch ziek: every 9 half-days of absence (not necessarily consecutive) give 4 lestijden. */
    chronicHalfDays: 9,
    hoursPerWeek: 4,
    /** The school must organise it within this distance: gewoon / buitengewoon onderwijs (further: optional). */
    distanceKm: { gewoon: 10, buitengewoon: 20 },
    source:
      'sources.md §2.7 (vlaanderen.be TOAH; jabbeke.be, samentegenschooluitval-wvl.be; muco.be, rozemarijn.org); seed 000 l. 28–31; seed 001 l. 577–591',
  },
  sio: {
    /** At least 4 weeks or 36 half-days per year of absence through illness. */
    weeks: 4,
    halfDays: 36,
    /** From the 3rd kleuterklas: pupils aged 5 or more. */
    minimumAge: 5,
    source: 'sources.md §2.8 (vlaanderen.be SIO; bednet.be); seed 001 l. 577–591',
  },
} as const;
