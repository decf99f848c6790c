// Time at home, whole (issue 15): per pupil and school year, every absent half-day by code, the share of the
// school half-days missed, the spells of absence (the longest, how many) and the spell the pupil is in now.
// Only school half-days count: holidays, weekends and free afternoons neither count as time at home nor break
// a spell (a pupil absent on the Friday before and the Monday after the autumn holiday is in one spell of two
// half-days-per-day, not of eleven calendar days). Seed 004 l. 1244–1250 ("lang deeltijds of voltijds"): a
// child at school one half-day a week is at home most of the time, which only the cumulative count shows.

/** A half-day of the school calendar within the pupil's enrolment. `code`: the absent code, null when present. */
export interface CalendarHalfDay {
  date: string;
  half: 'AM' | 'PM';
  schoolDay: boolean;
  code: string | null;
}

export interface Spell {
  from: { date: string; half: 'AM' | 'PM' };
  until: { date: string; half: 'AM' | 'PM' };
  /** School half-days in the spell. */
  halfDays: number;
}

export interface HomeTime {
  schoolHalfDays: number;
  absentHalfDays: number;
  byCode: Record<string, number>;
  /** absent ÷ school half-days; null without school half-days. */
  share: number | null;
  spells: number;
  longestSpell: number;
  /** The last spell (chronologically), null when never absent. */
  lastSpell: Spell | null;
  /** The spell that runs up to the last school half-day: the pupil is at home now. null: at school then. */
  currentSpell: Spell | null;
}

/** Time at home from the half-days in chronological order (school and non-school; non-school ones are skipped). */
export function homeTime(halfDays: readonly CalendarHalfDay[]): HomeTime {
  let schoolHalfDays = 0;
  let absentHalfDays = 0;
  const byCode: Record<string, number> = {};
  let spells = 0;
  let longestSpell = 0;
  let open: Spell | null = null;
  let last: Spell | null = null;
  for (const h of halfDays) {
    if (!h.schoolDay) continue;
    schoolHalfDays++;
    if (h.code === null) {
      open = null;
      continue;
    }
    absentHalfDays++;
    byCode[h.code] = (byCode[h.code] ?? 0) + 1;
    const at = { date: h.date, half: h.half };
    if (open === null) {
      spells++;
      open = { from: at, until: at, halfDays: 0 };
      last = open;
    }
    open.until = at;
    open.halfDays++;
    longestSpell = Math.max(longestSpell, open.halfDays);
  }
  return {
    schoolHalfDays,
    absentHalfDays,
    byCode,
    share: schoolHalfDays === 0 ? null : absentHalfDays / schoolHalfDays,
    spells,
    longestSpell,
    lastSpell: last === null ? null : { ...last },
    currentSpell: open === null ? null : { ...open },
  };
}

/** School days (two half-days each, rounded up) in a number of school half-days: what "days at home" shows. */
export const schoolDaysOf = (halfDays: number): number => Math.ceil(halfDays / 2);
