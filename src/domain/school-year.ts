// School years run 1 September – 31 August; every count restarts on 1 September (rules catalog).
import type { IsoDate } from './half-day.ts';

export interface SchoolYear {
  /** e.g. `2025-2026` */
  id: string;
  startYear: number;
  firstDay: IsoDate;
  lastDay: IsoDate;
}

export function schoolYearOf(date: IsoDate): SchoolYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return schoolYearStarting(month >= 9 ? year : year - 1);
}

export function schoolYearStarting(startYear: number): SchoolYear {
  return {
    id: `${startYear}-${startYear + 1}`,
    startYear,
    firstDay: `${startYear}-09-01`,
    lastDay: `${startYear + 1}-08-31`,
  };
}

export function parseSchoolYearId(id: string): SchoolYear | null {
  const m = /^(\d{4})-(\d{4})$/.exec(id.trim());
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return schoolYearStarting(Number(m[1]));
}

export function previousSchoolYear(year: SchoolYear): SchoolYear {
  return schoolYearStarting(year.startYear - 1);
}
