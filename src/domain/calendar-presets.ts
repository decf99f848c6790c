// Flemish school calendar presets (official holidays per school year); sources in docs/calendar.md.
import type { CalendarPreset, HolidayPeriod } from './calendar.ts';
import { flemishHolidays } from './flemish-holidays.ts';
import { parseSchoolYearId } from './school-year.ts';

const SOURCE =
  'Besluit van de Vlaamse Regering van 17 april 1991 betreffende de organisatie van het schooljaar in het basisonderwijs en in het secundair onderwijs; onderwijs.vlaanderen.be "Schoolvakanties"';

const HOLIDAYS: Record<string, readonly HolidayPeriod[]> = {
  '2024-2025': [
    { name: 'herfstvakantie', from: '2024-10-28', until: '2024-11-03' },
    { name: 'wapenstilstand', from: '2024-11-11', until: '2024-11-11' },
    { name: 'kerstvakantie', from: '2024-12-23', until: '2025-01-05' },
    { name: 'krokusvakantie', from: '2025-03-03', until: '2025-03-09' },
    { name: 'paasvakantie', from: '2025-04-07', until: '2025-04-21' },
    { name: 'dag van de arbeid', from: '2025-05-01', until: '2025-05-01' },
    { name: 'O.L.H.-Hemelvaart en brugdag', from: '2025-05-29', until: '2025-05-30' },
    { name: 'pinkstermaandag', from: '2025-06-09', until: '2025-06-09' },
  ],
  '2025-2026': [
    { name: 'herfstvakantie', from: '2025-10-27', until: '2025-11-02' },
    { name: 'wapenstilstand', from: '2025-11-11', until: '2025-11-11' },
    { name: 'kerstvakantie', from: '2025-12-22', until: '2026-01-04' },
    { name: 'krokusvakantie', from: '2026-02-16', until: '2026-02-22' },
    { name: 'paasvakantie', from: '2026-04-06', until: '2026-04-19' },
    { name: 'dag van de arbeid', from: '2026-05-01', until: '2026-05-01' },
    { name: 'O.L.H.-Hemelvaart en brugdag', from: '2026-05-14', until: '2026-05-15' },
    { name: 'pinkstermaandag', from: '2026-05-25', until: '2026-05-25' },
  ],
  '2026-2027': [
    { name: 'herfstvakantie', from: '2026-11-02', until: '2026-11-08' },
    { name: 'wapenstilstand', from: '2026-11-11', until: '2026-11-11' },
    { name: 'kerstvakantie', from: '2026-12-21', until: '2027-01-03' },
    { name: 'krokusvakantie', from: '2027-02-08', until: '2027-02-14' },
    { name: 'paasvakantie', from: '2027-03-29', until: '2027-04-11' },
    { name: 'O.L.H.-Hemelvaart en brugdag', from: '2027-05-06', until: '2027-05-07' },
    { name: 'pinkstermaandag', from: '2027-05-17', until: '2027-05-17' },
  ],
};

/** Last school day before the summer holiday (zomervakantie starts on 1 July). */
const LAST_DAY: Record<string, string> = {
  '2024-2025': '2025-06-30',
  '2025-2026': '2026-06-30',
  '2026-2027': '2027-06-30',
};

const RULES_SOURCE =
  'Derived by the rules of the Besluit van de Vlaamse Regering van 17 april 1991 (src/domain/flemish-holidays.ts); check against onderwijs.vlaanderen.be "Schoolvakanties"';

function presetsFor(schoolYear: string, holidays = HOLIDAYS[schoolYear] ?? [], source = SOURCE): CalendarPreset[] {
  const startYear = Number(schoolYear.slice(0, 4));
  const base = {
    schoolYear,
    firstDay: `${startYear}-09-01`,
    lastDay: LAST_DAY[schoolYear] ?? `${startYear + 1}-06-30`,
    freeWednesdayAfternoon: true,
    source,
  };
  return [
    { ...base, id: `vlaanderen-basis-${schoolYear}`, level: 'basis', holidays },
    { ...base, id: `vlaanderen-secundair-${schoolYear}`, level: 'secundair', holidays },
  ];
}

export const CALENDAR_PRESETS: readonly CalendarPreset[] = Object.keys(HOLIDAYS).flatMap((year) => presetsFor(year));

export function findCalendarPreset(id: string): CalendarPreset | undefined {
  return CALENDAR_PRESETS.find((p) => p.id === id);
}

/** The preset for a level and school year: `kleuter`/`lager` use the basis calendar. */
export function presetFor(level: 'basis' | 'secundair', schoolYear: string): CalendarPreset | undefined {
  return CALENDAR_PRESETS.find((p) => p.level === level && p.schoolYear === schoolYear);
}

/**
 * The calendar of any school year for a level: the shipped preset when there is one, otherwise the official
 * holidays derived by the decree's rules (`vlaanderen-<level>-<year>`, with a source saying so).
 */
export function calendarPresetFor(level: 'basis' | 'secundair', schoolYear: string): CalendarPreset | undefined {
  const shipped = presetFor(level, schoolYear);
  if (shipped) return shipped;
  const year = parseSchoolYearId(schoolYear);
  if (!year) return undefined;
  return presetsFor(year.id, flemishHolidays(year.startYear), RULES_SOURCE).find((p) => p.level === level);
}
