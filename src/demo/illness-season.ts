// When illness strikes: a seasonal weight per school day with winter waves peaking December–February.
import { dayNumber } from '../domain/civil-date.ts';
import type { Random } from './random.ts';
import type { SchoolYearDays } from './school-days.ts';

/** Relative chance that an illness starts on a school day of this month (index 1–12). */
const MONTH_WEIGHT = [0, 1.6, 1.5, 1.0, 0.8, 0.6, 0.5, 0.4, 0.4, 0.5, 0.7, 1.0, 1.4];

/**
 * Cumulative start weights per school day (for `Random.weightedIndex`): the month's weight plus two
 * flu waves, one centred in December and one between mid-January and mid-February, placed by `random`.
 */
export function illnessStartWeights(year: SchoolYearDays, random: Random): Float64Array {
  const startYear = Number(year.schoolYear.slice(0, 4));
  const december = dayNumber(`${startYear}-12-01`);
  const waves = [december + random.int(2, 18), december + random.int(45, 75)];
  const cumulative = new Float64Array(year.dayNumbers.length);
  let total = 0;
  for (let day = 0; day < year.dayNumbers.length; day++) {
    const dayNumber = year.dayNumbers[day] as number;
    const month = year.months[year.dayStart[day] as number] as number;
    let weight = MONTH_WEIGHT[month] ?? 1;
    for (const centre of waves) {
      const distance = (dayNumber - centre) / 8;
      weight += 2.2 * Math.exp(-distance * distance);
    }
    total += weight;
    cumulative[day] = total;
  }
  return cumulative;
}
