// The official Flemish school holidays of any school year, derived from the decree's rules (docs/calendar.md).
import type { HolidayPeriod } from './calendar.ts';
import { addDays, type IsoDate, weekday } from './half-day.ts';

const iso = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday of a year (Gregorian calendar, the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The Monday of the ISO week (Monday–Sunday) that contains `date`. */
const mondayOf = (date: IsoDate): IsoDate => addDays(date, 1 - weekday(date));
const isWeekday = (date: IsoDate): boolean => weekday(date) <= 5;
const period = (name: string, from: IsoDate, until: IsoDate): HolidayPeriod => ({ name, from, until });

/**
 * The holidays of the school year starting in September of `startYear`, by the rules of the Besluit van de
 * Vlaamse Regering van 17 april 1991 (as amended): one week in autumn and spring, two at Christmas and Easter.
 * Public holidays on a weekend are left out (they free no school day).
 */
export function flemishHolidays(startYear: number): HolidayPeriod[] {
  const endYear = startYear + 1;
  const holidays: HolidayPeriod[] = [];

  // Herfstvakantie: the week of 1 November; when 1 November is a Sunday, the week after.
  const allSaints = iso(startYear, 11, 1);
  const autumn = weekday(allSaints) === 7 ? addDays(allSaints, 1) : mondayOf(allSaints);
  holidays.push(period('herfstvakantie', autumn, addDays(autumn, 6)));
  const armistice = iso(startYear, 11, 11);
  if (isWeekday(armistice) && armistice > addDays(autumn, 6)) {
    holidays.push(period('wapenstilstand', armistice, armistice));
  }

  // Kerstvakantie: two weeks from the Monday before Christmas; from the Monday after when Christmas is on a weekend.
  const christmas = iso(startYear, 12, 25);
  const winter = weekday(christmas) >= 6 ? addDays(christmas, 8 - weekday(christmas)) : mondayOf(christmas);
  holidays.push(period('kerstvakantie', winter, addDays(winter, 13)));

  // Krokusvakantie: the week of Ash Wednesday (46 days before Easter).
  const easter = easterSunday(endYear);
  const spring = addDays(easter, -48);
  holidays.push(period('krokusvakantie', spring, addDays(spring, 6)));

  // Paasvakantie: two weeks from the first Monday of April; from the Monday after Easter when Easter is in March;
  // from the second Monday before Easter when Easter is after 15 April. Easter Monday is always free.
  const firstOfApril = iso(endYear, 4, 1);
  const firstMondayOfApril = addDays(firstOfApril, (8 - weekday(firstOfApril)) % 7);
  const easterMonday = addDays(easter, 1);
  const eastertide =
    easter < firstOfApril ? easterMonday : easter > iso(endYear, 4, 15) ? addDays(easter, -13) : firstMondayOfApril;
  const eastertideEnd = addDays(eastertide, 13);
  const lastEasterDay = [easterMonday, eastertideEnd].sort()[1] as IsoDate; // ISO dates sort as text
  holidays.push(period('paasvakantie', eastertide, lastEasterDay));

  const labourDay = iso(endYear, 5, 1);
  if (isWeekday(labourDay)) holidays.push(period('dag van de arbeid', labourDay, labourDay));
  const ascension = addDays(easter, 39);
  holidays.push(period('O.L.H.-Hemelvaart en brugdag', ascension, addDays(ascension, 1)));
  const whitMonday = addDays(easter, 50);
  holidays.push(period('pinkstermaandag', whitMonday, whitMonday));
  return holidays.sort((x, y) => x.from.localeCompare(y.from));
}
