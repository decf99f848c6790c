// Benchmark: the monitor on PostgreSQL over 1,200,000 pupils / ~20,000,000 absence half-days (generateLargeColumnar):
// the full refresh, the region dashboard after it, and the incremental refresh after a one-day import of one school.
// Set-up loads organisations, calendars, pupils, enrolments and the register with COPY directly, bypassing the
// import validation (the import has its own benchmark); signals are synthesised in SQL from the year totals
// (B5_CLB, ABSENT_10, B30, P30, half of them handled) instead of running the engine over 1.2M pupils.
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { groupDashboard } from '../src/app/monitor/monitor.service.ts';
import { refreshMonitorAfterImport, refreshMonitorFully } from '../src/app/monitor/monitor-refresh.ts';
import { regionReport } from '../src/app/monitor/region-report.service.ts';
import { tempDir, writeTemp } from '../src/app/temp-files.ts';
import type { Sql } from '../src/db/database.ts';
import { generateLargeColumnar, LARGE_LEVELS, OPEN_ENROLMENT } from '../src/demo/generate-large.ts';
import { expandPreset } from '../src/domain/calendar.ts';
import { presetFor } from '../src/domain/calendar-presets.ts';
import { dayNumber, fromDayNumber } from '../src/domain/half-day.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { machine, writeResults } from './results.ts';

const SCHOOL_YEAR = '2025-2026';
const TODAY = '2026-06-30';

const log = (m: Record<string, unknown>) => console.log(JSON.stringify({ benchmark: 'monitor', ...m }));

/** Yields COPY text in chunks of many lines (one await per chunk, not per row). */
function* chunked(rows: Iterable<string>, size = 20_000): Generator<string> {
  let parts: string[] = [];
  for (const row of rows) {
    parts.push(row);
    if (parts.length >= size) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length > 0) yield parts.join('');
}

async function copy(
  db: { transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> },
  table: string,
  columns: string[],
  rows: Iterable<string>,
) {
  await db.transaction((tx) =>
    tx.copyIn(
      table,
      columns,
      (async function* () {
        yield* chunked(rows);
      })(),
    ),
  );
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, Number(((performance.now() - start) / 1000).toFixed(3))];
};

export async function benchMonitor(options: { pupils: number }) {
  if (!process.env.DATABASE_URL) {
    console.error('bench monitor: set DATABASE_URL (the region dashboard target is on PostgreSQL).');
    return;
  }
  const t = await createTestDatabase('postgres');
  const { db } = t;
  try {
    const [data, generateSeconds] = await timed(async () =>
      generateLargeColumnar({ pupils: options.pupils, schoolYear: SCHOOL_YEAR }),
    );
    log({
      phase: 'generate',
      pupils: data.pupilCount,
      registerRows: data.rowCount,
      schools: data.schools.length,
      seconds: generateSeconds,
    });

    const [, setupSeconds] = await timed(async () => {
      await db.exec('ALTER SEQUENCE organisation_id_seq RESTART WITH 1000000');
      await db.query(
        `INSERT INTO organisation (id, kind, name, institution_number, calendar_level)
         SELECT i, 'school', 'School ' || n, n, l FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s (n, l, i)`,
        [data.schools.map((s) => s.institutionNumber), data.schools.map((s) => s.calendarLevel)],
      );
      await db.query("INSERT INTO organisation (id, kind, name) VALUES (999999, 'region', 'Benchmarkregio')");
      await db.query(
        'INSERT INTO region_school (region_id, school_id) SELECT 999999, id FROM organisation WHERE kind = $1',
        ['school'],
      );
      const calendars = Object.fromEntries(
        (['basis', 'secundair'] as const).map((level) => {
          const preset = presetFor(level, SCHOOL_YEAR);
          if (!preset) throw new Error(`no preset ${level}`);
          return [level, expandPreset(preset)];
        }),
      );
      await copy(
        db,
        'calendar_half_day',
        ['school_id', 'date', 'half', 'school_day', 'source'],
        (function* () {
          for (const school of data.schools)
            for (const h of calendars[school.calendarLevel] ?? [])
              yield `${school.index + 1}\t${h.date}\t${h.half}\t${h.schoolDay ? 't' : 'f'}\tpreset\n`;
        })(),
      );
      const p = data.pupils;
      await copy(
        db,
        'pupil',
        ['id', 'school_id', 'external_id', 'first_name', 'last_name', 'birth_date'],
        (function* () {
          for (let i = 0; i < data.pupilCount; i++)
            yield `${i + 1}\t${(p.school[i] as number) + 1}\tL${i}\tVoornaam\tNaam${i}\t${fromDayNumber(p.birthDay[i] as number)}\n`;
        })(),
      );
      await db.exec("SELECT setval('pupil_id_seq', (SELECT max(id) FROM pupil))");
      await copy(
        db,
        'enrolment',
        ['pupil_id', 'school_id', 'school_year', 'level', 'grade', 'class_name', 'enrolled_from', 'enrolled_until'],
        (function* () {
          for (let i = 0; i < data.pupilCount; i++) {
            const until = p.enrolledUntil[i] as number;
            const grade = p.grade[i] as number;
            yield `${i + 1}\t${(p.school[i] as number) + 1}\t${SCHOOL_YEAR}\t${LARGE_LEVELS[p.level[i] as number]}\t${grade}\t${grade}${String.fromCharCode(65 + (i % 8))}\t${fromDayNumber(p.enrolledFrom[i] as number)}\t${until === OPEN_ENROLMENT ? '\\N' : fromDayNumber(until)}\n`;
          }
        })(),
      );
      // The register without its indexes while loading, then indexed as the migrations define it.
      await db.exec(
        'ALTER TABLE register_entry DROP CONSTRAINT register_entry_pkey; DROP INDEX register_entry_school_date_idx',
      );
      const dates = new Map<number, string>();
      const dateOf = (day: number) => {
        let date = dates.get(day);
        if (!date) {
          date = fromDayNumber(day);
          dates.set(day, date);
        }
        return date;
      };
      await copy(
        db,
        'register_entry',
        ['pupil_id', 'date', 'half', 'school_id', 'code'],
        (function* () {
          for (let r = 0; r < data.rowCount; r++) {
            const pupil = data.pupilIndex[r] as number;
            const slot = data.slot[r] as number;
            yield `${pupil + 1}\t${dateOf(slot >> 1)}\t${slot & 1 ? 'PM' : 'AM'}\t${(p.school[pupil] as number) + 1}\t${data.codes[data.codeId[r] as number]}\n`;
          }
        })(),
      );
      await db.exec(
        'ALTER TABLE register_entry ADD PRIMARY KEY (pupil_id, date, half); CREATE INDEX register_entry_school_date_idx ON register_entry (school_id, date)',
      );
      await db.exec('ANALYZE');
    });
    log({ phase: 'load with COPY (bypassing import validation)', seconds: setupSeconds });

    const [counts, refreshSeconds] = await timed(() => refreshMonitorFully(db));
    log({ phase: 'full refresh', ...counts, seconds: refreshSeconds });

    // Signals synthesised from the year totals, so the dashboard's signal queries have realistic volume.
    const [, signalSeconds] = await timed(async () => {
      await db.exec(`
        INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                            explanation_nl, explanation_en, status, handled_at)
        SELECT y.school_id, y.pupil_id, y.school_year, r.rule_id, DATE '2025-11-03' + (y.pupil_id % 120)::int, '[]', 'bench', '', '',
               CASE WHEN y.pupil_id % 2 = 0 THEN 'handled' ELSE 'new' END,
               CASE WHEN y.pupil_id % 2 = 0 THEN TIMESTAMPTZ '2025-11-03' + ((y.pupil_id % 120) + (y.pupil_id % 17)) * INTERVAL '1 day' END
        FROM monitor_pupil_year y
        JOIN (VALUES ('B', 5, 'B5_CLB'), ('B', 30, 'B30'), ('P', 30, 'P30'), ('*', 10, 'ABSENT_10')) AS r (code, n, rule_id)
          ON r.code = y.code AND y.half_days >= r.n`);
      await db.exec('ANALYZE signal');
      await refreshMonitorFully(db);
    });
    const [[{ signals } = { signals: 0 }]] = [
      await db.query<{ signals: number }>('SELECT count(*)::int AS signals FROM signal'),
    ];
    log({ phase: 'signals synthesised + second full refresh', signals, seconds: signalSeconds });

    const regionTimes: number[] = [];
    let regionCells = 0;
    for (let run = 0; run < 5; run++) {
      const [response, seconds] = await timed(() =>
        groupDashboard(db, SYSTEM_ACTOR, 'region', 999999, SCHOOL_YEAR, TODAY),
      );
      regionTimes.push(seconds);
      regionCells = response.dashboard.series.week.length;
      if (run === 0)
        log({
          phase: 'region dashboard (first)',
          schools: response.scope.schoolCount,
          enrolled: response.dashboard.enrolled.current,
          weeks: regionCells,
          seconds,
        });
    }
    log({ phase: 'region dashboard (5 runs)', seconds: regionTimes });

    // The thuiszitters report of the region (issue 15): every figure from precomputed cells (target ≤ 2 s).
    const reportTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      const [report, seconds] = await timed(() => regionReport(db, SYSTEM_ACTOR, { regionId: 999999, asOf: TODAY }));
      reportTimes.push(seconds);
      if (run === 0) log({ phase: 'region report (first)', sections: report.sections.length, seconds });
    }
    log({ phase: 'region report (5 runs)', seconds: reportTimes });

    // A one-day import of one school: one pupil in 20 of school 2 absent (B) on both halves of one day, through
    // the real import (validation, merge, signals recompute, monitor refresh).
    const school = data.schools[1];
    if (!school) throw new Error('no school');
    const schoolId = school.index + 1;
    const day = '2026-03-03';
    const lines = ['pupil_id,date,half,code'];
    const dayNo = dayNumber(day);
    for (let i = school.firstPupil; i < school.firstPupil + school.pupilCount; i += 20) {
      const enrolled =
        (data.pupils.enrolledFrom[i] as number) <= dayNo && dayNo <= (data.pupils.enrolledUntil[i] as number);
      if (enrolled) lines.push(`L${i},${day},AM,B`, `L${i},${day},PM,B`);
    }
    const file = writeTemp(tempDir('aanwezig-bench-'), 'one-day.csv', `${lines.join('\n')}\n`);
    const [result, importSeconds] = await timed(() =>
      importFile(db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: join(file), today: TODAY }),
    );
    log({
      phase: 'one-day import of one school (validation, merge, signals, monitor refresh)',
      rows: result.rows,
      changedPupils: result.changedPupilIds.length,
      seconds: importSeconds,
    });

    // The monitor refresh of that import on its own: same delta, same pupils, in a transaction that is rolled back.
    const refreshTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const seconds = await db
        .transaction(async (tx) => {
          const start = performance.now();
          await refreshMonitorAfterImport(tx, schoolId, 'register', result.changedPupilIds, [day]);
          const elapsed = Number(((performance.now() - start) / 1000).toFixed(3));
          throw Object.assign(new Error('rollback'), { elapsed });
        })
        .catch((error: { elapsed?: number }) => {
          if (error.elapsed === undefined) throw error;
          return error.elapsed;
        });
      refreshTimes.push(seconds);
    }
    log({ phase: 'incremental monitor refresh after the one-day import (3 runs)', seconds: refreshTimes });

    const [, afterSeconds] = await timed(() => groupDashboard(db, SYSTEM_ACTOR, 'region', 999999, SCHOOL_YEAR, TODAY));
    const sorted = [...regionTimes].sort((a, b) => a - b);
    return writeResults('monitor', {
      machine: machine(),
      engine: 'PostgreSQL 15 server',
      setup:
        'organisations, calendars, pupils, enrolments and register loaded with COPY directly (import validation bypassed); signals synthesised in SQL from the year totals',
      data: {
        pupils: data.pupilCount,
        registerRows: data.rowCount,
        schools: data.schools.length,
        schoolYear: SCHOOL_YEAR,
        signals,
        ...counts,
      },
      measurements: {
        loadSeconds: setupSeconds,
        fullRefreshSeconds: refreshSeconds,
        regionDashboardSeconds: regionTimes,
        regionDashboardMedianSeconds: sorted[2],
        regionDashboardAfterImportSeconds: afterSeconds,
        oneDayImportSeconds: importSeconds,
        oneDayImportRows: result.rows,
        incrementalRefreshSeconds: refreshTimes,
        regionReportSeconds: reportTimes,
      },
      targets: { regionDashboardSeconds: 1, incrementalRefreshSeconds: 1, regionReportSeconds: 2 },
    });
  } finally {
    // BENCH_KEEP_DATABASE=1 leaves the database for EXPLAIN (its name is printed).
    if (process.env.BENCH_KEEP_DATABASE === '1') console.error(`kept database: ${JSON.stringify(t.env)}`);
    else await t.drop();
  }
}
