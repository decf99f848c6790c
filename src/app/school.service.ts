// Use cases for schools: create a school with the Flemish calendar presets, list the schools a user may see.

import type { Database, Sql } from '../db/database.ts';
import {
  findSchoolByInstitutionNumber,
  insertSchool,
  listSchools,
  schoolYearsWithData,
  upsertCalendar,
} from '../db/school.repository.ts';
import { expandPreset } from '../domain/calendar.ts';
import { CALENDAR_PRESETS, calendarPresetFor } from '../domain/calendar-presets.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import { ACTIONS, type Action, can, requireAccess, schoolsWhere } from './access.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

export interface NewSchool {
  name: string;
  institutionNumber: string;
  calendarLevel: 'basis' | 'secundair';
}

/** Creates a school and loads the calendar presets of every school year we ship for its level. */
export async function createSchool(db: Database, actor: Actor, school: NewSchool): Promise<number> {
  if (actor.kind !== 'system') {
    throw new AppError(403, 'forbidden', {
      nl: 'Enkel een beheerder kan scholen aanmaken.',
      en: 'Only an administrator can create schools.',
    });
  }
  return db.transaction(async (tx) => {
    if (await findSchoolByInstitutionNumber(tx, school.institutionNumber)) {
      throw new AppError(409, 'conflict', {
        nl: `Er bestaat al een school met instellingsnummer ${school.institutionNumber}.`,
        en: `A school with institution number ${school.institutionNumber} already exists.`,
      });
    }
    const id = await insertSchool(tx, school);
    await applyCalendarPresets(tx, id, school.calendarLevel);
    return id;
  });
}

export async function applyCalendarPresets(tx: Sql, schoolId: number, level: 'basis' | 'secundair'): Promise<void> {
  for (const preset of CALENDAR_PRESETS.filter((p) => p.level === level)) {
    await upsertCalendar(tx, schoolId, expandPreset(preset), `preset:${preset.id}`);
  }
}

/**
 * Loads the Flemish calendar of school years Aanwezig ships no preset for (derived by the decree's rules), e.g.
 * the current year of a demo made long after the last shipped preset. Shipped years are left as they are.
 */
export async function applyDerivedCalendars(
  db: Database,
  schoolId: number,
  level: 'basis' | 'secundair',
  schoolYears: readonly string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const schoolYear of schoolYears) {
      if (CALENDAR_PRESETS.some((p) => p.level === level && p.schoolYear === schoolYear)) continue;
      const preset = calendarPresetFor(level, schoolYear);
      if (preset) await upsertCalendar(tx, schoolId, expandPreset(preset), `preset:${preset.id}`);
    }
  });
}

export interface SchoolSummary {
  id: number;
  name: string;
  institutionNumber: string | null;
  calendarLevel: 'basis' | 'secundair' | null;
  schoolYears: string[];
  /** The current school year when the school has it, else the newest year before it (or the newest at all). */
  defaultSchoolYear: string;
  /** What the user may do on this school (pupil.list, signal.list, import.list, selfscan.read, monitor.school…). */
  actions: Action[];
}

export async function schoolsVisibleTo(db: Database, actor: Actor, today: string): Promise<SchoolSummary[]> {
  requireAccess(actor, 'school.list');
  const schools = await listSchools(db, schoolsWhere(actor, 'school.read'));
  const current = schoolYearOf(today).id;
  const out: SchoolSummary[] = [];
  for (const s of schools) {
    const years = await schoolYearsWithData(db, s.id);
    out.push({
      ...s,
      schoolYears: years.length > 0 ? years : [current],
      defaultSchoolYear: years.includes(current) ? current : (years.find((y) => y < current) ?? years[0] ?? current),
      actions: ACTIONS.filter((action) => can(actor, action, { schoolId: s.id })),
    });
  }
  return out;
}

/**
 * The school a command-line run works on: the one with this institution number, or the only school there is.
 * Returns the choices instead when there is no such school or more than one; the command words the refusal.
 */
export async function schoolForCommand(
  db: Database,
  institutionNumber: string | undefined,
): Promise<
  { schoolId: number } | { unknown: string } | { choices: { institutionNumber: string | null; name: string }[] }
> {
  if (institutionNumber) {
    const school = await findSchoolByInstitutionNumber(db, institutionNumber);
    return school ? { schoolId: school.id } : { unknown: institutionNumber };
  }
  const schools = await listSchools(db, 'all');
  const only = schools.length === 1 ? schools[0] : undefined;
  return only ? { schoolId: only.id } : { choices: schools };
}
