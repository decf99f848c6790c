// Tests for the large benchmark generator: sizes, skew, validity, and lazy and columnar forms agreeing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ABSENCE_CODES, isAbsentCode } from '../domain/absence-codes.ts';
import { expandPreset, SchoolCalendar } from '../domain/calendar.ts';
import { presetFor } from '../domain/calendar-presets.ts';
import { dayNumber, fromDayNumber, halfDayIndex } from '../domain/half-day.ts';
import { generateLarge, generateLargeColumnar, LARGE_LEVELS, OPEN_ENROLMENT } from './generate-large.ts';

const calendar = new SchoolCalendar(expandPreset(presetFor('basis', '2025-2026') ?? (undefined as never)));

describe('generateLarge', () => {
  it('yields the requested number of pupils, spread over schools of about 2,000', () => {
    const data = generateLarge({ seed: 1, pupils: 10_000 });
    expect(data.schools).toHaveLength(5);
    const pupils = [...data.pupils()];
    expect(pupils).toHaveLength(10_000);
    expect(new Set(pupils.map((p) => p.pupilId)).size).toBe(10_000);
    expect(data.schools.reduce((total, s) => total + s.pupilCount, 0)).toBe(10_000);
    for (const school of data.schools) {
      const members = pupils.filter((p) => p.schoolIndex === school.index);
      expect(members).toHaveLength(school.pupilCount);
      expect(members.every((p) => p.schoolId === school.institutionNumber)).toBe(true);
      const levels = new Set(members.map((p) => p.level));
      if (school.calendarLevel === 'basis') expect([...levels].sort()).toEqual(['kleuter', 'lager']);
      else expect([...levels]).toEqual(['secundair']);
    }
    expect(generateLarge({ pupils: 900, schools: 3 }).schools.map((s) => s.pupilCount)).toEqual([300, 300, 300]);
  });

  it('is deterministic and lazy: the same seed yields the same rows, another seed others', () => {
    const first = [...generateLarge({ seed: 5, pupils: 300 }).register()];
    expect([...generateLarge({ seed: 5, pupils: 300 }).register()]).toEqual(first);
    expect([...generateLarge({ seed: 6, pupils: 300 }).register()]).not.toEqual(first);
    const data = generateLarge({ seed: 5, pupils: 300 });
    expect([...data.pupilsWithRegister()].flatMap((p) => p.register)).toEqual(first);
    const iterator = generateLarge({ seed: 5, pupils: 2_000_000_000 }).register();
    expect(iterator.next().done).toBe(false); // nothing is built up front
  });

  it('writes register rows on school half-days within the enrolment, sorted and without duplicates', () => {
    const data = generateLarge({ seed: 3, pupils: 4000 });
    const enrolments = new Map([...data.pupils()].map((p) => [p.pupilId, p]));
    let previous = '';
    for (const row of data.register()) {
      const pupil = enrolments.get(row.pupilId);
      expect(pupil).toBeDefined();
      if (!pupil) continue;
      expect(calendar.isSchoolHalfDay(row.date, row.half)).toBe(true);
      expect(row.date >= pupil.enrolledFrom).toBe(true);
      if (pupil.enrolledUntil) expect(row.date <= pupil.enrolledUntil).toBe(true);
      expect(ABSENCE_CODES.some((c) => c.code === row.code)).toBe(true);
      const key = `${row.pupilId}|${row.date}|${row.half}`;
      expect(key > previous).toBe(true);
      previous = key;
      if (row.code === 'A') expect(pupil.level).toBe('kleuter');
    }
  });
});

describe('generateLargeColumnar', () => {
  const columnar = generateLargeColumnar({ seed: 2025, pupils: 60_000 });

  it('averages about 16–17 absence half-days per pupil, skewed: most few, some many', () => {
    const perPupil = Array.from({ length: columnar.pupilCount }, (_, i) => {
      return (columnar.pupils.rowStart[i + 1] as number) - (columnar.pupils.rowStart[i] as number);
    });
    const mean = columnar.rowCount / columnar.pupilCount;
    expect(mean).toBeGreaterThan(15.5);
    expect(mean).toBeLessThan(18);
    perPupil.sort((a, b) => a - b);
    expect(perPupil[Math.floor(perPupil.length / 2)]).toBeLessThan(mean);
    expect(perPupil[Math.floor(perPupil.length * 0.99)]).toBeGreaterThan(80);
    const absent = Array.from(columnar.codeId).filter((id) => isAbsentCode(columnar.codes[id] as string)).length;
    // The rest are A (pre-school children not of compulsory age) and a few L (late, present).
    expect(absent / columnar.rowCount).toBeGreaterThan(0.85);
  });

  it('sorts rows by pupil then slot, inside each pupil’s enrolment', () => {
    const { pupilIndex, slot, pupils } = columnar;
    expect(pupils.rowStart[columnar.pupilCount]).toBe(columnar.rowCount);
    // One assertion over all rows: per-row expect() calls would dominate the test's run time.
    const problems: number[] = [];
    for (let row = 0; row < columnar.rowCount; row++) {
      const pupil = pupilIndex[row] as number;
      const day = (slot[row] as number) >> 1;
      const ordered =
        row === 0 ||
        (pupilIndex[row - 1] as number) < pupil ||
        ((pupilIndex[row - 1] as number) === pupil && (slot[row - 1] as number) < (slot[row] as number));
      const enrolled = day >= (pupils.enrolledFrom[pupil] as number) && day <= (pupils.enrolledUntil[pupil] as number);
      const ownRow = row >= (pupils.rowStart[pupil] as number) && row < (pupils.rowStart[pupil + 1] as number);
      if (!ordered || !enrolled || !ownRow) problems.push(row);
    }
    expect(problems).toEqual([]);
    expect(Array.from(pupils.enrolledUntil).some((d) => d !== OPEN_ENROLMENT)).toBe(true);
    expect(Array.from(pupils.level).every((l) => l < LARGE_LEVELS.length)).toBe(true);
  });

  it('holds exactly the data of the lazy generator', () => {
    const small = generateLargeColumnar({ seed: 9, pupils: 1500 });
    const lazy = generateLarge({ seed: 9, pupils: 1500 });
    const rows = [...lazy.register()];
    expect(rows).toHaveLength(small.rowCount);
    rows.forEach((row, i) => {
      expect(Number(row.pupilId) - 10_000_000).toBe(small.pupilIndex[i]);
      expect(halfDayIndex(row.date, row.half)).toBe(small.slot[i]);
      expect(row.code).toBe(small.codes[small.codeId[i] as number]);
    });
    for (const pupil of lazy.pupils()) {
      expect(dayNumber(pupil.birthDate)).toBe(small.pupils.birthDay[pupil.index]);
      expect(LARGE_LEVELS[small.pupils.level[pupil.index] as number]).toBe(pupil.level);
      expect(small.pupils.grade[pupil.index]).toBe(pupil.grade);
      expect(small.pupils.school[pupil.index]).toBe(pupil.schoolIndex);
      expect(fromDayNumber(small.pupils.enrolledFrom[pupil.index] as number)).toBe(pupil.enrolledFrom);
    }
  });

  it('produces the requested size for large counts', () => {
    const big = generateLargeColumnar({ seed: 1, pupils: 200_000, schoolYear: '2024-2025' });
    expect(big.pupilCount).toBe(200_000);
    expect(big.pupils.school.length).toBe(200_000);
    expect(big.schools).toHaveLength(100);
    expect(big.rowCount / big.pupilCount).toBeGreaterThan(15.5);
    expect((big.slot[0] as number) >> 1).toBeGreaterThanOrEqual(dayNumber('2024-09-01'));
  });
});

describe('generate-large command', () => {
  it('streams pupils.csv and register.csv to a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aanwezig-large-'));
    try {
      const script = join(import.meta.dirname, 'generate-large.ts');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', script, '--pupils', '500', '--schools', '1', '--out', dir, '--seed', '4'],
        { cwd: join(import.meta.dirname, '..', '..') },
      );
      const summary = JSON.parse(stdout) as { pupilRows: number; registerRows: number };
      expect(summary.pupilRows).toBe(500);
      const pupils = (await readFile(join(dir, 'pupils.csv'), 'utf8')).trimEnd().split('\n');
      const register = (await readFile(join(dir, 'register.csv'), 'utf8')).trimEnd().split('\n');
      expect(pupils).toHaveLength(501);
      expect(register).toHaveLength(summary.registerRows + 1);
      expect(register[0]).toBe('pupil_id,date,half,code,note');
      expect(register.length).toBe([...generateLarge({ seed: 4, pupils: 500, schools: 1 }).register()].length + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
