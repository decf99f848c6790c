// Whether a sick pupil is entitled to TOAH (tijdelijk onderwijs aan huis) and to Bednet/SIO (synchroon
// internetonderwijs), and from when, computed from the register's illness half-days (Z, D) and the recorded
// certificates. Numbers: HOME_TUITION_RULES (src/domain/rules/catalog-home-tuition.ts, with sources).
import { addDays, dayNumber, type IsoDate } from '../civil-date.ts';
import type { Half } from '../half-day.ts';
import { HOME_TUITION_RULES } from '../rules/catalog-home-tuition.ts';
import { type CertificateFacts, certificateCovers, type RegisterHalfDay, zSpells } from './certificates.ts';

/** Codes of absence through illness: a parents' note or a certificate (D is reported as Z). */
const ILLNESS_CODES = new Set(['Z', 'D']);

export interface EntitlementInput {
  /** The school year's register rows up to today. */
  register: readonly RegisterHalfDay[];
  /** The school calendar's school half-days, sorted. */
  schoolHalfDays: readonly { date: IsoDate; half: Half }[];
  certificates: readonly CertificateFacts[];
  /** A specialist's note says the illness is chronic (recurring treatment over more than 6 months). */
  chronic: boolean;
  /** Distance from the school to where the pupil stays, null when not known. */
  distanceKm: number | null;
  specialEducation: boolean;
  birthDate: IsoDate;
  today: IsoDate;
}

export interface Entitlement {
  entitled: boolean;
  /** The first day the entitlement holds. */
  from: IsoDate | null;
  /** long: a long illness; chronic: chronic illness half-days; weeks / half-days (SIO). */
  basis: 'long' | 'chronic' | 'weeks' | 'half-days' | null;
}

export interface TuitionEntitlements {
  toah: Entitlement & {
    /** Times 9 chronic illness half-days built up (each gives 4 lestijden). */
    chronicBlocks: number;
    /** null: distance unknown; false: beyond the limit, so the school may (not must) organise it. */
    withinDistance: boolean | null;
    distanceLimitKm: number;
  };
  sio: Entitlement;
  /** Calendar days of the longest illness period (register spells joined with certificates). */
  longestIllnessDays: number;
  illnessHalfDays: number;
}

/** Illness periods (from, to) as calendar-day numbers: Z/D spells and covering certificates, merged. */
function illnessPeriods(input: EntitlementInput): [number, number][] {
  const periods: [number, number][] = [];
  const register = input.register.filter((r) => ILLNESS_CODES.has(r.code.toUpperCase()));
  const marked = register.map((r) => ({ ...r, code: 'Z' }));
  for (const s of zSpells(marked, input.schoolHalfDays))
    periods.push([dayNumber(s.first.date), dayNumber(s.last.date)]);
  for (const c of input.certificates) if (certificateCovers(c)) periods.push([dayNumber(c.from), dayNumber(c.to)]);
  periods.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of periods) {
    const last = merged[merged.length - 1];
    // Touching or overlapping periods are one illness (the day after the end continues it).
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Completed years of age on a date. */
function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

const isoOf = (day: number, reference: IsoDate) => addDays(reference, day - dayNumber(reference));

export function tuitionEntitlements(input: EntitlementInput): TuitionEntitlements {
  const { toah, sio } = HOME_TUITION_RULES;
  const periods = illnessPeriods(input);
  const longest = periods.reduce((m, [a, b]) => Math.max(m, b - a + 1), 0);
  const illness = input.register
    .filter((r) => ILLNESS_CODES.has(r.code.toUpperCase()))
    .sort((a, b) => (a.date === b.date ? a.half.localeCompare(b.half) : a.date.localeCompare(b.date)));

  // TOAH after more than 21 calendar days: from day 22 of the first such period.
  const long = periods.find(([a, b]) => b - a + 1 > toah.longIllnessDays);
  const longFrom = long ? isoOf(long[0] + toah.longIllnessDays, input.today) : null;
  // Chronic: from the 9th illness half-day.
  const chronicBlocks = input.chronic ? Math.floor(illness.length / toah.chronicHalfDays) : 0;
  const chronicFrom = chronicBlocks > 0 ? (illness[toah.chronicHalfDays - 1]?.date ?? null) : null;
  const toahFrom = [longFrom, chronicFrom].filter((d): d is string => d !== null).sort()[0] ?? null;
  const limit = input.specialEducation ? toah.distanceKm.buitengewoon : toah.distanceKm.gewoon;

  // SIO: at least 4 weeks in a row, or 36 illness half-days in the year; aged 5 or more.
  const weeksDays = sio.weeks * 7;
  const weeks = periods.find(([a, b]) => b - a + 1 >= weeksDays);
  const weeksFrom = weeks ? isoOf(weeks[0] + weeksDays - 1, input.today) : null;
  const halfDaysFrom = illness.length >= sio.halfDays ? (illness[sio.halfDays - 1]?.date ?? null) : null;
  const oldEnough = ageOn(input.birthDate, input.today) >= sio.minimumAge;
  const sioFrom = oldEnough
    ? ([weeksFrom, halfDaysFrom].filter((d): d is string => d !== null).sort()[0] ?? null)
    : null;

  return {
    toah: {
      entitled: toahFrom !== null,
      from: toahFrom,
      basis: toahFrom === null ? null : toahFrom === longFrom ? 'long' : 'chronic',
      chronicBlocks,
      withinDistance: input.distanceKm === null ? null : input.distanceKm <= limit,
      distanceLimitKm: limit,
    },
    sio: {
      entitled: sioFrom !== null,
      from: sioFrom,
      basis: sioFrom === null ? null : sioFrom === weeksFrom ? 'weeks' : 'half-days',
    },
    longestIllnessDays: longest,
    illnessHalfDays: illness.length,
  };
}
