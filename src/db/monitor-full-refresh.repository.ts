// The monitor's full refresh in the database (issue 16): empties every aggregate table and drops its indexes,
// reads the enrolments with their pupils, writes what WholeMonitorRefresh counted with COPY, adds the signal
// cells (the one figure the register does not give), and rebuilds the indexes. Everything in the caller's
// transaction: readers wait on the TRUNCATE's lock and never see a half refresh.

import { fromDayNumber } from '../domain/civil-date.ts';
import type { DayRow, PupilYearRow } from '../domain/monitor/aggregates.ts';
import type {
  CellRow,
  HomeTimeRow,
  PossibleDayRow,
  PupilCodeRow,
  ThuiszitterCellRow,
  WholeRefreshEnrolment,
} from '../domain/monitor/whole-refresh.ts';
import { phaseTimer } from '../phase-timer.ts';
import { dayOrNull, eachBinaryTuple, int4OrNull, int8, textOrNull } from './binary-copy.ts';
import type { Sql } from './database.ts';
import { literalConditions } from './monitor.repository.ts';
import {
  CELL_ROWS,
  copyRowsInto,
  DAY_ROWS,
  HOME_TIME_ROWS,
  POSSIBLE_DAY_ROWS,
  PUPIL_CODE_ROWS,
  PUPIL_YEAR_ROWS,
  THUISZITTER_CELL_ROWS,
} from './monitor-copy-rows.ts';

/** The aggregate tables and their indexes, as migrations 0007 and 0025 define them. */
const INDEXES: { table: string; drop: string; create: string }[] = [
  {
    table: 'monitor_day',
    drop: 'ALTER TABLE monitor_day DROP CONSTRAINT monitor_day_pkey; DROP INDEX monitor_day_year_idx',
    create: `ALTER TABLE monitor_day ADD CONSTRAINT monitor_day_pkey PRIMARY KEY (school_id, date, half, code);
             CREATE INDEX monitor_day_year_idx ON monitor_day (school_id, school_year)`,
  },
  {
    table: 'monitor_pupil_year',
    drop: 'ALTER TABLE monitor_pupil_year DROP CONSTRAINT monitor_pupil_year_pkey',
    create:
      'ALTER TABLE monitor_pupil_year ADD CONSTRAINT monitor_pupil_year_pkey PRIMARY KEY (school_id, school_year, pupil_id, code)',
  },
  {
    table: 'monitor_cell',
    drop: 'ALTER TABLE monitor_cell DROP CONSTRAINT monitor_cell_pkey',
    create:
      'ALTER TABLE monitor_cell ADD CONSTRAINT monitor_cell_pkey PRIMARY KEY (school_id, school_year, dimension, key, code)',
  },
  {
    table: 'monitor_home_time',
    drop: 'ALTER TABLE monitor_home_time DROP CONSTRAINT monitor_home_time_pkey',
    create:
      'ALTER TABLE monitor_home_time ADD CONSTRAINT monitor_home_time_pkey PRIMARY KEY (school_id, school_year, pupil_id)',
  },
  {
    table: 'monitor_pupil_code',
    drop: 'ALTER TABLE monitor_pupil_code DROP CONSTRAINT monitor_pupil_code_pkey',
    create:
      'ALTER TABLE monitor_pupil_code ADD CONSTRAINT monitor_pupil_code_pkey PRIMARY KEY (school_id, school_year, pupil_id, code)',
  },
  {
    table: 'monitor_possible_day',
    drop: 'ALTER TABLE monitor_possible_day DROP CONSTRAINT monitor_possible_day_pkey',
    create:
      'ALTER TABLE monitor_possible_day ADD CONSTRAINT monitor_possible_day_pkey PRIMARY KEY (school_id, school_year, date, half)',
  },
  {
    table: 'thuiszitter_cell',
    drop: 'ALTER TABLE thuiszitter_cell DROP CONSTRAINT thuiszitter_cell_pkey',
    create:
      'ALTER TABLE thuiszitter_cell ADD CONSTRAINT thuiszitter_cell_pkey PRIMARY KEY (school_id, school_year, dimension, key)',
  },
];

/**
 * Empties every monitor aggregate without its indexes (locked until the transaction ends): the rows come back
 * with COPY and each index is built once, by one sort, instead of millions of single B-tree inserts. The commit
 * does not wait for its WAL to reach the disk: a crash right after it loses a refresh that can be run again.
 */
export async function emptyMonitorForWholeRefresh(tx: Sql): Promise<void> {
  await tx.exec(`TRUNCATE ${INDEXES.map((i) => i.table).join(', ')};
                 SET LOCAL maintenance_work_mem = '512MB';
                 SET LOCAL synchronous_commit = off;
                 ${INDEXES.map((i) => i.drop).join(';\n')}`);
}

/**
 * The current snapshot of the caller's transaction, for other connections to read the same register, and the
 * register's size in blocks (to split its scan between them).
 */
export async function exportRegisterSnapshot(tx: Sql): Promise<{ snapshot: string; blocks: number }> {
  const [row] = await tx.query<{ snapshot: string; blocks: number }>(
    `SELECT pg_export_snapshot() AS snapshot,
            (pg_relation_size('register_entry') / current_setting('block_size')::int)::int AS blocks`,
  );
  if (!row) throw new Error('no snapshot');
  return row;
}

/** Makes a transaction that has run nothing yet read the snapshot another one exported (exportRegisterSnapshot). */
export async function useSnapshot(tx: Sql, snapshot: string): Promise<void> {
  if (!/^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i.test(snapshot)) throw new Error(`invalid snapshot ${snapshot}`);
  await tx.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET TRANSACTION SNAPSHOT '${snapshot}'`);
}

/**
 * Every enrolment (of one school when `schoolId` is given: a school's first import) with its pupil's birth date and
 * identity hash, with integer days.
 */
export async function eachEnrolmentWithPupil(
  tx: Sql,
  enrolment: (e: WholeRefreshEnrolment) => void,
  schoolId?: number,
): Promise<void> {
  if (schoolId !== undefined && !Number.isSafeInteger(schoolId)) throw new Error(`invalid school id ${schoolId}`);
  const ofSchool = schoolId === undefined ? '' : ` WHERE school_id = ${schoolId}`;
  // Two table reads joined here by pupil id: cheaper for the database than joining 1.2M rows itself.
  // Pupil ids are dense in practice: an array by id, a map beyond.
  let byId = new Int32Array(1 << 20).fill(-1);
  const beyond = new Map<number, number>();
  const pupilIndex = {
    set(id: number, index: number) {
      if (id >= 0 && id < 1 << 26) {
        if (id >= byId.length) {
          const grown = new Int32Array(Math.max(id + 1, byId.length * 2)).fill(-1);
          grown.set(byId);
          byId = grown;
        }
        byId[id] = index;
      } else beyond.set(id, index);
    },
    get(id: number): number | undefined {
      const index = id >= 0 && id < byId.length ? (byId[id] as number) : (beyond.get(id) ?? -1);
      return index < 0 ? undefined : index;
    },
  };
  const birthDates: string[] = [];
  const identities: (string | null)[] = [];
  const dates = new Map<number, string>();
  const pupils =
    schoolId === undefined
      ? tx.copyOut('pupil', ['id', 'birth_date', 'identity_hash'], 'binary')
      : tx.copyOut(
          `(SELECT id, birth_date, identity_hash FROM pupil WHERE id IN (SELECT pupil_id FROM enrolment${ofSchool}))`,
          [],
          'binary',
        );
  await eachBinaryTuple(pupils, 3, (row) => {
    const day = dayOrNull(row, 1) as number;
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      dates.set(day, date);
    }
    pupilIndex.set(int8(row, 0), birthDates.push(date) - 1);
    identities.push(textOrNull(row, 2));
  });
  const columns = [
    'pupil_id',
    'school_id',
    'school_year',
    'enrolled_from',
    'enrolled_until',
    'level',
    'grade',
    'class_name',
    'carried_over_b',
  ];
  await eachBinaryTuple(
    schoolId === undefined
      ? tx.copyOut('enrolment', columns, 'binary')
      : tx.copyOut(`(SELECT ${columns.join(', ')} FROM enrolment${ofSchool})`, [], 'binary'),
    9,
    (row) => {
      const pupilId = int8(row, 0);
      const pupil = pupilIndex.get(pupilId);
      if (pupil === undefined) throw new Error(`enrolment of unknown pupil ${pupilId}`);
      enrolment({
        pupilId,
        schoolId: int8(row, 1),
        schoolYear: textOrNull(row, 2) as string,
        from: dayOrNull(row, 3) as number,
        until: dayOrNull(row, 4),
        level: textOrNull(row, 5) as string,
        grade: int4OrNull(row, 6),
        className: textOrNull(row, 7),
        carriedOverB: int4OrNull(row, 8),
        birthDate: birthDates[pupil] as string,
        identityHash: identities[pupil] ?? null,
      });
    },
  );
}

/**
 * Adds the signal cells (holding signals per rule: the one cell the register does not give) and the refresh time,
 * of every school or of one school's school years (its first import, which counted the other cells in memory).
 */
export async function addSignalCells(tx: Sql, school?: { schoolId: number; schoolYears: readonly string[] }) {
  const scope = {
    schoolId: school?.schoolId ?? null,
    schoolYears: school?.schoolYears ?? null,
    dates: null,
    pupilIds: null,
  };
  const own = literalConditions(scope, { school: 'school_id', year: 'school_year' });
  const ownSchool = literalConditions({ ...scope, schoolYears: null }, { school: 'id', year: 'school_year' });
  await tx.exec(`INSERT INTO monitor_cell (school_id, school_year, dimension, key, code, value)
                 SELECT school_id, school_year, 'signal', rule_id, '*', count(*)::int FROM signal WHERE holds${own}
                 GROUP BY 1, 2, 4;
                 INSERT INTO monitor_refresh (school_id, refreshed_at)
                 SELECT id, now() FROM organisation WHERE kind = 'school'${ownSchool}
                 ON CONFLICT (school_id) DO UPDATE SET refreshed_at = excluded.refreshed_at`);
}

/** Holding signals per school year and rule ("year|rule" → count), counted by the caller. */
export type SignalCellCounts = ReadonlyMap<string, number>;

/**
 * addSignalCells for one school with counts the caller holds (a first import: the signals it wrote, which the
 * worker counted, plus those the school held before), for `schoolYears`, and the refresh time.
 */
export async function writeSignalCells(
  tx: Sql,
  school: { schoolId: number; schoolYears: readonly string[] },
  counts: SignalCellCounts,
): Promise<void> {
  const years: string[] = [];
  const rules: string[] = [];
  const values: number[] = [];
  const inScope = new Set(school.schoolYears);
  for (const [key, value] of counts) {
    const [year, rule] = key.split('|') as [string, string];
    if (!inScope.has(year) || value === 0) continue;
    years.push(year);
    rules.push(rule);
    values.push(value);
  }
  await tx.query(
    `INSERT INTO monitor_cell (school_id, school_year, dimension, key, code, value)
     SELECT $1, year, 'signal', rule, '*', value FROM unnest($2::text[], $3::text[], $4::int[]) AS c(year, rule, value)`,
    [school.schoolId, years, rules, values],
  );
  await tx.query(
    `INSERT INTO monitor_refresh (school_id, refreshed_at) VALUES ($1, now())
     ON CONFLICT (school_id) DO UPDATE SET refreshed_at = excluded.refreshed_at`,
    [school.schoolId],
  );
}

export interface WholeMonitorTables {
  days: Iterable<DayRow>;
  pupilYears: Iterable<PupilYearRow>;
  cells: Iterable<CellRow>;
  homeTime: Iterable<HomeTimeRow>;
  pupilCodes: Iterable<PupilCodeRow>;
  possibleDays: Iterable<PossibleDayRow>;
  thuiszitterCells: Iterable<ThuiszitterCellRow>;
}

/**
 * Writes the counted tables into the emptied aggregates (emptyMonitorForWholeRefresh), adds the signal cells and
 * the refresh time of every school, rebuilds the indexes and gives the planner statistics for the readers.
 */
export async function writeWholeMonitor(tx: Sql, tables: WholeMonitorTables): Promise<void> {
  const phase = phaseTimer('monitor full refresh write');
  await copyRowsInto(tx, DAY_ROWS, tables.days);
  phase('day rows');
  await copyRowsInto(tx, PUPIL_YEAR_ROWS, tables.pupilYears);
  phase('pupil years');
  await copyRowsInto(tx, CELL_ROWS, tables.cells);
  await addSignalCells(tx);
  phase('cells');
  await copyRowsInto(tx, HOME_TIME_ROWS, tables.homeTime);
  phase('time at home');
  await copyRowsInto(tx, PUPIL_CODE_ROWS, tables.pupilCodes);
  phase('pupil codes');
  await copyRowsInto(tx, POSSIBLE_DAY_ROWS, tables.possibleDays);
  phase('possible days');
  await copyRowsInto(tx, THUISZITTER_CELL_ROWS, tables.thuiszitterCells);
  phase('thuiszitter cells');
  await tx.exec(INDEXES.map((i) => i.create).join(';\n'));
  phase('indexes');
  // Statistics for the readers of the dashboard tables, and for the per-pupil tables: a school's next import reads
  // them by key, and its refresh analyses a table it finds without statistics (decision 0045), which would make the
  // first import after a full refresh pay for it (~0.5 s for 1,200,000 pupils).
  await tx.exec(
    'ANALYZE monitor_day, monitor_pupil_year, monitor_cell, thuiszitter_cell, monitor_home_time, monitor_pupil_code, monitor_possible_day',
  );
  phase('analyze');
}
