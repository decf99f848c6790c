// Test helpers for the rules engine: real Flemish calendars from the presets and a compact way to state registers.
import { expandPreset, SchoolCalendar } from '../calendar.ts';
import { presetFor } from '../calendar-presets.ts';
import { addDays, type Half, type HalfDay, type IsoDate } from '../half-day.ts';
import type { RuleCatalog } from './catalog-types.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import { buildEngineInput, type EngineInput, type PupilRecord, type RegisterRecord } from './engine-input.ts';
import { resolveCatalogOrThrow } from './resolve-catalog.ts';
import { evaluate, type Signal } from './signals.ts';

/** Primary-school calendar (free Wednesday afternoons) for 2024-2025 and 2025-2026, from the presets. */
export const BASIS_HALF_DAYS = ['2024-2025', '2025-2026'].flatMap((year) => {
  const preset = presetFor('basis', year);
  if (!preset) throw new Error(`no preset for ${year}`);
  return expandPreset(preset);
});

export const BASIS = new SchoolCalendar(BASIS_HALF_DAYS);
export const CALENDARS = [{ id: 'basis', halfDays: BASIS_HALF_DAYS }];

/** The `count` school half-days from `from` on (inclusive), in order; fewer when the calendar ends first. */
export function schoolHalfDaysFrom(from: IsoDate, count: number): HalfDay[] {
  const out: HalfDay[] = [];
  for (let date = from; out.length < count; date = addDays(date, 1)) {
    if (date > '2026-08-31') return out;
    for (const half of ['AM', 'PM'] as const) {
      if (out.length < count && BASIS.isSchoolHalfDay(date, half)) out.push({ date, half });
    }
  }
  return out;
}

/** School days (dates with a school half-day) from `from` on. */
export function schoolDaysFrom(from: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let date = from; out.length < count; date = addDays(date, 1)) {
    if (BASIS.isSchoolHalfDay(date, 'AM') || BASIS.isSchoolHalfDay(date, 'PM')) out.push(date);
  }
  return out;
}

export function rows(pupilId: string, code: string, halfDays: readonly HalfDay[]): RegisterRecord[] {
  return halfDays.map((h) => ({ pupilId, date: h.date, half: h.half, code }));
}

export function row(pupilId: string, date: IsoDate, half: Half, code: string): RegisterRecord {
  return { pupilId, date, half, code };
}

export interface Scenario {
  pupils?: readonly (Partial<PupilRecord> & { pupilId: string })[];
  register: readonly RegisterRecord[];
  asOf: IsoDate;
  catalog?: RuleCatalog;
  overrides?: Record<string, Record<string, number | boolean>>;
}

export function inputOf(scenario: Pick<Scenario, 'pupils' | 'register'>): EngineInput {
  const ids = new Set(scenario.register.map((r) => r.pupilId));
  const pupils: PupilRecord[] = (scenario.pupils ?? [...ids].map((pupilId) => ({ pupilId }))).map((p) => ({
    calendarId: 'basis',
    ...p,
  }));
  for (const id of ids) if (!pupils.some((p) => p.pupilId === id)) pupils.push({ pupilId: id, calendarId: 'basis' });
  return buildEngineInput({ pupils, register: scenario.register, calendars: CALENDARS });
}

export function signalsOf(scenario: Scenario): Signal[] {
  const catalog = resolveCatalogOrThrow(scenario.catalog ?? VLAANDEREN_CATALOG, scenario.overrides ?? {});
  return evaluate(inputOf(scenario), catalog, scenario.asOf);
}

/** The signal of one rule for one pupil, or undefined. */
export function find(signals: readonly Signal[], ruleId: string, pupilId = 'p1'): Signal | undefined {
  return signals.find((s) => s.ruleId === ruleId && s.pupilId === pupilId);
}

export function ruleIds(signals: readonly Signal[], pupilId = 'p1'): string[] {
  return signals.filter((s) => s.pupilId === pupilId).map((s) => s.ruleId);
}
