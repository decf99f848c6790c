// The certificate signals straight from register columns (a school's first import, in its worker) equal those of
// the same rows as records, with and without certificates, exam periods, rows on days without school and the same
// half-day twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../domain/civil-date.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { type PupilRecord, VLAANDEREN_CATALOG } from '../../domain/rules/index.ts';
import { BASIS_HALF_DAYS } from '../../domain/rules/test-fixtures.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { type CertificateState, certificateSignalsFrom, certificateSignalsFromColumns } from './certificate-signals.ts';
import { certificateRowsFromColumns } from './register-columns-input.ts';

const YEAR = parseSchoolYearId('2025-2026');
const HALF_DAYS = BASIS_HALF_DAYS.filter((h) => h.date >= '2025-08-20');
const SCHOOL_HALF_DAYS = BASIS_HALF_DAYS.filter((h) => h.schoolDay).map((h) => ({ date: h.date, half: h.half }));
const LEVELS = ['secundair', 'lager', 'kleuter', undefined] as const;
const PUPILS = 6;

const pupils: PupilRecord[] = Array.from({ length: PUPILS }, (_, p) => ({
  pupilId: String(100 + p),
  calendarId: 'school',
  birthDate: '2012-03-04',
  level: LEVELS[p % LEVELS.length],
  enrolledFrom: '2025-09-01',
  enrolledUntil: null,
}));

/**
 * Mostly Z and D, dense in a window of 80 half-days (so that spells form), on school and other half-days; the same
 * pupil and half-day may come twice.
 */
const rowsArbitrary = fc
  .tuple(
    fc.integer({ min: 0, max: HALF_DAYS.length - 80 }),
    fc.array(
      fc.record({
        pupil: fc.integer({ min: 0, max: PUPILS - 1 }),
        at: fc.integer({ min: 0, max: 79 }),
        code: fc.constantFrom('Z', 'Z', 'Z', 'D', 'B', 'P'),
      }),
      { minLength: 20, maxLength: 300, size: 'max' },
    ),
  )
  .map(([offset, rows]) => rows.map((r) => ({ ...r, at: r.at + offset })));

const dateArbitrary = fc.integer({ min: 0, max: HALF_DAYS.length - 1 }).map((i) => HALF_DAYS[i]?.date as string);

const certificateArbitrary = fc.record({
  pupil: fc.integer({ min: 0, max: PUPILS - 1 }),
  from: dateArbitrary,
  days: fc.integer({ min: 0, max: 40 }),
  fromHalf: fc.constantFrom(null, 'PM' as const),
  toHalf: fc.constantFrom(null, 'AM' as const),
  dixit: fc.boolean(),
  doubt: fc.boolean(),
  outcome: fc.constantFrom(null, 'geldig' as const, 'niet-geldig' as const, 'onduidelijk' as const),
});

function columnsOf(rows: { pupil: number; at: number; code: string }[]): RegisterColumns {
  return {
    length: rows.length,
    pupil: Int32Array.from(rows, (r) => 100 + r.pupil),
    slot: Int32Array.from(rows, (r) => {
      const halfDay = HALF_DAYS[r.at] as (typeof HALF_DAYS)[number];
      return dayNumber(halfDay.date) * 2 + (halfDay.half === 'PM' ? 1 : 0);
    }),
    code: Uint8Array.from(rows, (r) => COLUMN_CODES.indexOf(r.code)),
  };
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('certificate signals from register columns', () => {
  it('are the signals of the same rows as records', () => {
    if (!YEAR) throw new Error('school year');
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.array(certificateArbitrary, { maxLength: 4 }),
        fc.array(fc.tuple(dateArbitrary, fc.integer({ min: 0, max: 14 })), { maxLength: 2 }),
        fc.constantFrom('2025-11-15', '2026-06-30', '2025-09-01', '2026-03-02'),
        fc.boolean(),
        (rows, certificates, exams, asOf, twice) => {
          // A pupil enrolled twice in the year comes twice.
          const enrolled = twice ? [...pupils, pupils[1] as PupilRecord] : pupils;
          const state: CertificateState = {
            certificates: certificates.map((c, id) => ({
              id: id + 1,
              pupilId: 100 + c.pupil,
              from: c.from,
              fromHalf: c.fromHalf,
              to: plusDays(c.from, c.days),
              toHalf: c.toHalf,
              dixit: c.dixit,
              doubt: c.doubt,
              outcome: c.outcome,
            })) as CertificateState['certificates'],
            examPeriods: exams.map(([from, days]) => ({ from, to: plusDays(from, days) })),
            schoolHalfDays: SCHOOL_HALF_DAYS,
          };
          const columns = columnsOf(rows);
          const expected = certificateSignalsFrom(
            state,
            VLAANDEREN_CATALOG,
            enrolled,
            certificateRowsFromColumns(columns, YEAR, asOf),
            YEAR,
            asOf,
          );
          expect(certificateSignalsFromColumns(state, VLAANDEREN_CATALOG, enrolled, columns, YEAR, asOf)).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds what it should: D half-days, a long spell, a spell in the exams, notes over the limit', () => {
    if (!YEAR) throw new Error('school year');
    const school = SCHOOL_HALF_DAYS.filter((h) => h.date >= '2025-09-01');
    const at = (i: number) => HALF_DAYS.findIndex((h) => h.date === school[i]?.date && h.half === school[i]?.half);
    // Pupil 100 (secundair): a spell of 10 half-days in an exam period and 2 D half-days; pupil 101: 5 short spells.
    const rows = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ pupil: 0, at: at(i), code: 'Z' })),
      ...[20, 21].map((i) => ({ pupil: 0, at: at(i), code: 'D' })),
      ...[30, 40, 50, 60, 70].map((i) => ({ pupil: 1, at: at(i), code: 'Z' })),
    ];
    const state: CertificateState = {
      certificates: [],
      examPeriods: [{ from: school[0]?.date as string, to: school[3]?.date as string }],
      schoolHalfDays: SCHOOL_HALF_DAYS,
    };
    const signals = certificateSignalsFromColumns(
      state,
      VLAANDEREN_CATALOG,
      pupils,
      columnsOf(rows),
      YEAR,
      '2026-06-30',
    );
    expect(signals.map((s) => [s.pupilId, s.ruleId, s.evidence])).toEqual([
      ['100', 'CERT_MISSING', { 'd-uncovered': 2, 'z-too-long': 10, 'exam-period': 4 }],
      ['101', 'CERT_MISSING', { 'notes-over-limit': 1 }],
    ]);
    // The sentence from the rule's template (catalog-vlaanderen.ts), with the first date in Belgian form.
    const first = String(school[0]?.date).split('-').reverse().join('/');
    expect(signals[0]?.explanation).toEqual({
      nl: `Geen (geldig) medisch attest: 2 × halve dagen D zonder attest; 10 × ziekteperiode langer dan een briefje van de ouders dekt; 4 × ziek tijdens de examens zonder attest; eerste op ${first}`,
      en: `No (valid) medical certificate: 2 × D half-days without a certificate; 10 × illness spell longer than a parents’ note covers; 4 × ill during exams without a certificate; first on ${first}`,
    });
  });
});
