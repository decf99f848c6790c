// The monitor's inputs and its day rows and pupil-year totals as counted in memory (issue 16; whole-refresh.ts
// counts them). The definitions are the SQL of src/db/monitor.repository.ts (ABSENT_HALF_DAYS): a row counts when
// its code counts as absent, its half-day is a school half-day of its school's calendar, and it falls within the
// pupil's enrolment in that school in that school year; it is counted under its official code. Integer keys only:
// a register row is (pupil, school, slot = day number × 2 + 1 for PM, code index).

export interface AggregateCode {
  code: string;
  countsAsAbsent: boolean;
  /** The official Discimus code an internal code is counted under; null: itself. */
  mapsTo: string | null;
}

export interface AggregateEnrolment {
  pupilId: number;
  schoolId: number;
  /** `YYYY-YYYY`. */
  schoolYear: string;
  /** Day numbers (civil-date.ts); until null = open. */
  from: number;
  until: number | null;
}

export interface SchoolHalfDays {
  schoolId: number;
  /** The school half-days of its calendar as slots: day number × 2 (+1 for PM). */
  slots: readonly number[];
}

export interface DayRow {
  schoolId: number;
  schoolYear: string;
  /** Day number (civil-date.ts). */
  day: number;
  half: 'AM' | 'PM';
  code: string;
  halfDays: number;
}

export interface PupilYearRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  /** An official code, or `*` for every absent code together. */
  code: string;
  halfDays: number;
}
