// Use case: recompute the signals of some pupils of a school (after an import) and store what changed.
import type { Sql } from '../../db/database.ts';
import { insertNewSignals } from '../../db/new-signals.repository.ts';
import { calendarOfSchool } from '../../db/school.repository.ts';
import { type ComputedSignalRow, clearSignals, loadRecomputeState, writeSignals } from '../../db/signal.repository.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { buildEngineInput, type CompiledCalendar, compileCalendar, evaluateTable } from '../../domain/rules/index.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { activeCatalog } from './active-catalog.ts';
import { CHECKED_CODES, certificateSignalsOf } from './certificate-signals.ts';
import { columnsWithin, engineInputFromColumns, recordsWithCodes } from './register-columns-input.ts';
import { firstDayOf, pupilRecordsOf, yearSignalRows } from './signal-rows.ts';

/** From this many signals, all new, the write skips the upsert (small recomputes keep one statement). */
const NEW_SIGNALS_COPY_ROWS = 2_000;

/** Compiled calendars per school, reused while the school's calendar_version is unchanged. */
const calendarCache = new Map<number, { version: number; calendar: CompiledCalendar }>();

async function schoolCalendar(tx: Sql, schoolId: number, version: number): Promise<CompiledCalendar> {
  const cached = calendarCache.get(schoolId);
  if (cached?.version === version) return cached.calendar;
  const calendar = compileCalendar('school', await calendarOfSchool(tx, schoolId));
  calendarCache.set(schoolId, { version, calendar });
  return calendar;
}

export interface RecomputeResult {
  evaluatedPupils: number;
  written: number;
  cleared: number;
}

/**
 * Evaluates the catalog for the given pupils in every school year they are enrolled in (as of `today`, or the
 * last day of a past school year) and writes only the differences with what is stored.
 */
export async function recomputeSignals(
  tx: Sql,
  schoolId: number,
  pupilIds: readonly number[],
  today: string,
  options: {
    /**
     * Started after the stored state was loaded and awaited before the changes are written: database work that
     * does not depend on the signals (the monitor's register scan) runs while Node evaluates the catalog.
     */
    whileEvaluating?: () => Promise<unknown>;
    /**
     * The pupils' whole register, when the caller holds it (a school's first import: the rows it just wrote are
     * all there is). Saves reading it back; rows outside the span the load would read are left out the same way.
     */
    register?: RegisterColumns;
  } = {},
): Promise<RecomputeResult> {
  if (pupilIds.length === 0) return { evaluatedPupils: 0, written: 0, cleared: 0 };
  const phase = phaseTimer('signals');
  // One connection inside a transaction: one round trip loads everything.
  const {
    enrolments,
    register: loadedRegister,
    priorRegister,
    stored,
    calendarVersion,
  } = await loadRecomputeState(tx, schoolId, pupilIds, today, options.register === undefined);
  if (enrolments.length === 0) return { evaluatedPupils: 0, written: 0, cleared: 0 };
  // A first import's rows as columns (no object per row), cut to the span the load would read.
  const columns = options.register ? columnsWithin(options.register, firstDayOf(enrolments), today) : undefined;
  // A school changer's previous school year at another school (docs/decisions/0035): rarely any rows. With columns,
  // the records are only the rows the certificate checks read (Z and D) and those.
  const ownRecords = columns ? recordsWithCodes(columns, CHECKED_CODES) : loadedRegister;
  const registerRecords = priorRegister.length === 0 ? ownRecords : [...ownRecords, ...priorRegister];
  const years = [...new Set(enrolments.map((e) => e.schoolYear))].sort();
  const calendar = await schoolCalendar(tx, schoolId, calendarVersion);
  phase('load');
  const alongside = options.whileEvaluating?.();
  // Its failure surfaces at the await below; until then the evaluation runs without yielding.
  alongside?.catch(() => {});
  const catalog = activeCatalog();
  const storedByKey = new Map(stored.map((s) => [`${s.pupilId}|${s.schoolYear}|${s.ruleId}`, s]));
  const seen = new Set<string>();
  const rows: ComputedSignalRow[] = [];
  // A school's first import with nothing stored for its pupils: every signal is new. Each school year's signals
  // then stream into one COPY as they are built (new-signals.repository.ts), so PostgreSQL stores them while Node
  // builds the fingerprints and sentences of the next ones.
  const fresh = columns !== undefined && stored.length === 0;
  let freshWritten = 0;
  for (const schoolYear of years) {
    const year = parseSchoolYearId(schoolYear);
    if (!year) continue;
    const asOf = today < year.lastDay ? today : year.lastDay;
    const pupils = pupilRecordsOf(enrolments, schoolYear);
    const enrolled = new Set(pupils.map((p) => p.pupilId));
    const input = columns
      ? engineInputFromColumns(pupils, calendar, columns, priorRegister)
      : buildEngineInput({
          pupils,
          register: registerRecords.filter((r) => enrolled.has(r.pupilId)),
          calendars: [calendar],
        });
    const table = evaluateTable(input, catalog, asOf);
    // The certificate rules (catalog kind `certificate`): the engine does not see certificates (issue 14).
    const certificates = await certificateSignalsOf(tx, schoolId, catalog, pupils, registerRecords, year, asOf);
    const computed = yearSignalRows(schoolId, schoolYear, table, certificates, (pupilId, ruleId) => {
      // Nothing stored (a first import): no key to look up or remember.
      if (stored.length === 0) return undefined;
      const key = `${pupilId}|${schoolYear}|${ruleId}`;
      seen.add(key);
      return storedByKey.get(key);
    });
    if (fresh) {
      const count = table.length + certificates.length;
      await insertNewSignals(tx, count, computed);
      freshWritten += count;
    } else for (const row of computed) rows.push(row);
  }
  phase('evaluate');
  await alongside;
  phase('wait for the work alongside');
  const evaluatedYears = new Set(years);
  const cleared = stored
    .filter((s) => s.holds && evaluatedYears.has(s.schoolYear) && !seen.has(`${s.pupilId}|${s.schoolYear}|${s.ruleId}`))
    .map((s) => s.id);
  // Every signal new (e.g. a large import for pupils without signals): one COPY per table.
  if (rows.length >= NEW_SIGNALS_COPY_ROWS && rows.every((r) => r.event === 'detected'))
    await insertNewSignals(tx, rows.length, rows);
  else await writeSignals(tx, rows);
  await clearSignals(tx, cleared);
  phase('write');
  return {
    evaluatedPupils: new Set(enrolments.map((e) => e.pupilId)).size,
    written: rows.length + freshWritten,
    cleared: cleared.length,
  };
}
