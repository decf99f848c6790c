// The first import's engine input from register columns equals what buildEngineInput makes from the same rows as
// records, and so do the signals evaluated from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../domain/civil-date.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import {
  buildEngineInput,
  compileCalendar,
  evaluate,
  type PupilRecord,
  type RegisterRecord,
  VLAANDEREN_CATALOG,
} from '../../domain/rules/index.ts';
import { BASIS_HALF_DAYS } from '../../domain/rules/test-fixtures.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { certificateRows } from './certificate-signals.ts';
import {
  certificateRowsFromColumns,
  columnsWithin,
  engineInputFromColumns,
  recordsWithCodes,
} from './register-columns-input.ts';

const CALENDAR = compileCalendar('school', BASIS_HALF_DAYS);
const SCHOOL_HALF_DAYS = BASIS_HALF_DAYS.filter((h) => h.schoolDay && h.date >= '2025-09-01');

function columnsOf(records: readonly RegisterRecord[]): RegisterColumns {
  return {
    length: records.length,
    pupil: Int32Array.from(records, (r) => Number(r.pupilId)),
    slot: Int32Array.from(records, (r) => dayNumber(r.date) * 2 + (r.half === 'PM' ? 1 : 0)),
    code: Uint8Array.from(records, (r) => COLUMN_CODES.indexOf(r.code)),
  };
}

const pupilsOf = (count: number): PupilRecord[] =>
  Array.from({ length: count }, (_, p) => ({
    pupilId: String(100 + p),
    calendarId: 'school',
    birthDate: `201${p % 8}-03-0${(p % 9) + 1}`,
    level: p % 2 ? 'lager' : 'kleuter',
    enrolledFrom: '2025-09-01',
    enrolledUntil: null,
  }));

const registerArbitrary = fc
  .uniqueArray(
    fc.record({
      pupil: fc.integer({ min: 0, max: 7 }),
      at: fc.integer({ min: 0, max: SCHOOL_HALF_DAYS.length - 1 }),
      code: fc.constantFrom('B', 'Z', 'D', 'P', 'R', 'L', 'A'),
    }),
    { selector: (r) => `${r.pupil}|${r.at}`, maxLength: 400 },
  )
  .map((rows) =>
    rows.map((r): RegisterRecord => {
      const halfDay = SCHOOL_HALF_DAYS[r.at] as (typeof SCHOOL_HALF_DAYS)[number];
      return { pupilId: String(100 + r.pupil), date: halfDay.date, half: halfDay.half, code: r.code };
    }),
  );

describe('engine input from register columns', () => {
  it('is the input and gives the signals of the same rows as records (pupils outside the year left out)', () => {
    fc.assert(
      fc.property(registerArbitrary, fc.integer({ min: 1, max: 8 }), (records, enrolled) => {
        const pupils = pupilsOf(enrolled);
        const ids = new Set(pupils.map((p) => p.pupilId));
        // A pupil's rows elsewhere (a school changer) travel as records beside the columns.
        const elsewhere = records.filter((_, i) => i % 9 === 4);
        const own = records.filter((_, i) => i % 9 !== 4);
        const expected = buildEngineInput({
          pupils,
          register: records.filter((r) => ids.has(r.pupilId)),
          calendars: [CALENDAR],
        });
        const actual = engineInputFromColumns(pupils, CALENDAR, columnsOf(own), elsewhere);
        expect(actual.rowStart).toEqual(expected.rowStart);
        expect(actual.rowSlot).toEqual(expected.rowSlot);
        expect(actual.rowCode).toEqual(expected.rowCode);
        expect(evaluate(actual, VLAANDEREN_CATALOG, '2026-06-30')).toEqual(
          evaluate(expected, VLAANDEREN_CATALOG, '2026-06-30'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('cuts columns to a span and turns the rows of some codes back into records', () => {
    fc.assert(
      fc.property(registerArbitrary, (records) => {
        const columns = columnsOf(records);
        const within = columnsWithin(columns, '2025-10-01', '2026-01-31');
        const inside = records.filter((r) => r.date >= '2025-10-01' && r.date <= '2026-01-31');
        expect(recordsWithCodes(within, new Set(COLUMN_CODES))).toEqual(inside);
        expect(recordsWithCodes(columns, new Set(['Z', 'D']))).toEqual(
          records.filter((r) => r.code === 'Z' || r.code === 'D'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("groups the certificate checks' half-days from columns as from the records", () => {
    const year = parseSchoolYearId('2025-2026');
    if (!year) throw new Error('school year');
    fc.assert(
      fc.property(registerArbitrary, fc.constantFrom('2025-11-15', '2026-06-30', '2025-09-01'), (records, asOf) => {
        const fromColumns = certificateRowsFromColumns(columnsOf(records), year, asOf);
        const fromRecords = certificateRows(records, year, asOf);
        expect([...fromColumns]).toEqual([...fromRecords]);
      }),
      { numRuns: 60 },
    );
  });
});
