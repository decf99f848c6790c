// Use case: import a pupils, register or calendar file into a school — all-or-nothing, idempotent.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { PendingIndexBuilds } from '../../db/bulk-load.ts';
import type { Database } from '../../db/database.ts';
import {
  completeImportBatch,
  createImportBatch,
  type ImportBatchRow,
  listImportBatches,
  prepareImportTransaction,
} from '../../db/import-batch.repository.ts';
import { findColumnMapping, saveColumnMapping } from '../../db/import-mapping.repository.ts';
import { ANALYZE_REGISTER_QUICKLY } from '../../db/monitor.repository.ts';
import { mergeStagedPupils, pupilIdsOfSchool } from '../../db/pupil.repository.ts';
import { mergeStagedRegister } from '../../db/register.repository.ts';
import { findSchool, type SchoolRow } from '../../db/school.repository.ts';
import { type SchoolYear, schoolYearOf } from '../../domain/school-year.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { requireAccess } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { notFound } from '../errors.ts';
import { FirstImportCounts } from '../monitor/first-import-counts.ts';
import { type MonitorRefresh, startMonitorRefresh } from '../monitor/monitor-refresh.ts';
import { FirstImportSignals, type ReadAlongside } from '../signals/first-import-signals.ts';
import { recomputeSignals } from '../signals/recompute-signals.ts';
import { mergeStagedCalendar, stageCalendarFile } from './calendar-import.ts';
import { COLUMNS_OF_KIND, type ColumnMapping, type ColumnMatch, headerSignature, mapColumns } from './columns.ts';
import { ImportRejected, problem } from './import-problem.ts';
import { type ImportKind, type ImportResult, NothingChanged } from './import-result.ts';
import { stagePupilsFile } from './pupils-import.ts';
import { stageRegisterFile } from './register-import.ts';
import { openTabularFile, type TabularFile, UnreadableFile } from './tabular-file.ts';

export interface ImportRequest {
  schoolId: number;
  kind: ImportKind;
  /** Path of the file on disk (uploads are streamed to a temporary file first). */
  path: string;
  fileName?: string;
  /** For pupils: the school year of the enrolments; default the school year of today. */
  schoolYear?: SchoolYear;
  today?: string;
  /**
   * The user's column mapping (field → header as in the file). It wins over the Dutch and canonical headers and is
   * remembered for the school, kind and header once the import succeeds; without one, a remembered mapping for
   * this header is used.
   */
  mapping?: ColumnMapping;
}

export async function importFile(db: Database, actor: Actor, request: ImportRequest): Promise<ImportResult> {
  requireAccess(actor, 'import.run', { schoolId: request.schoolId });
  const detail = { kind: request.kind, fileName: request.fileName ?? basename(request.path) };
  try {
    const header: { labels: string[]; names: string[] } = { labels: [], names: [] };
    const result = await runImport(db, actor, request, header);
    if (request.mapping && Object.keys(request.mapping).length > 0)
      await rememberMapping(db, actor, request, header, result);
    await recordAudit(db, actor, {
      action: 'import.run',
      organisationId: request.schoolId,
      pupilIds: result.changedPupilIds,
      detail: {
        ...detail,
        status: result.status,
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
      },
    });
    return result;
  } catch (error) {
    if (error instanceof ImportRejected) {
      await recordAudit(db, actor, {
        action: 'import.run',
        organisationId: request.schoolId,
        detail: { ...detail, status: 'rejected', problems: error.problems.length },
      });
    }
    throw error;
  }
}

async function runImport(
  db: Database,
  actor: Actor,
  request: ImportRequest,
  header: { labels: string[]; names: string[] },
): Promise<ImportResult> {
  const school = await findSchool(db, request.schoolId);
  if (!school) throw notFound({ nl: 'School', en: 'School' });
  const fileName = request.fileName ?? basename(request.path);
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  let file: TabularFile;
  try {
    file = await openTabularFile(request.path);
  } catch (error) {
    throw new ImportRejected([problem(null, null, 'unreadable-file', { reason: (error as Error).message })]);
  }
  header.names = file.header;
  header.labels = file.labels;
  const columns = await resolveColumns(db, school, request, file);
  let firstImport: FirstImportSignals | undefined;
  let counted: Promise<FirstImportCounts> | undefined;
  try {
    return await db.transaction(async (tx) => {
      await prepareImportTransaction(tx);
      const importId = await createImportBatch(tx, {
        schoolId: school.id,
        kind: request.kind,
        fileName,
        userId: actor.userId,
      });
      let staged: Awaited<ReturnType<typeof stageRegisterFile>>;
      // A first import's bulk loads leave their index builds here, for the three rounds below (bulk-load.ts).
      let pendingIndexes: PendingIndexBuilds | undefined;
      /** A first import's monitor refresh, started with the register's index builds. */
      let monitor: MonitorRefresh | undefined;
      let merged: { inserted: number; updated: number; changedPupilIds: number[]; changedDates?: string[] };
      if (request.kind === 'register') {
        // A school's first large register: its signals are evaluated in a worker while the rows go in.
        // The monitor's counts too: loaded before and counted while the rows go in.
        // On PostgreSQL what they need besides the rows is read on another connection while this one takes the rows
        // (PGlite is one connection: there it is read first).
        const read: ReadAlongside =
          db.engine === 'postgres' && !db.withinTransaction ? (work) => db.transaction(work) : (work) => work(tx);
        const fileBytes = statSync(request.path).size;
        firstImport = await FirstImportSignals.begin(tx, read, school.id, today, fileBytes);
        if (firstImport) pendingIndexes = new PendingIndexBuilds(tx);
        const counts = firstImport ? read((sql) => FirstImportCounts.load(sql, school.id)) : undefined;
        counts?.catch(() => {}); // awaited once the file is parsed
        staged = await stageRegisterFile(tx, school.id, file, columns, {
          importId,
          userId: actor.userId,
          fileBytes,
          pendingIndexes,
          // Reads on another connection must be done before the register's lock is taken (bulk-load.ts).
          readsDone: Promise.allSettled([firstImport?.readsDone(), counts]),
          onParsed:
            firstImport && counts
              ? (rows, pupils) => {
                  firstImport?.start(rows, pupils);
                  counted = counts.then((loaded) => loaded.add(rows));
                  counted.catch(() => {}); // awaited by the monitor refresh
                }
              : undefined,
        });
        merged = staged.written ?? (await mergeStagedRegister(tx, importId, school.id, actor.userId));
        if (pendingIndexes && counted) {
          // First round: the register's indexes and statistics, in one script that the database works through while
          // this thread computes and encodes the monitor's rows (the signals worker still evaluates; decision 0044).
          monitor = await startMonitorRefresh(tx, school.id, 'register', merged.changedPupilIds, merged.changedDates, {
            register: staged.register,
            counted,
            pendingIndexes,
            registerAnalyzed: true,
          });
          const building = phaseTimer('bulk load');
          const registerBuilt = pendingIndexes.build({ alone: false, followedBy: ANALYZE_REGISTER_QUICKLY });
          registerBuilt.catch(() => {}); // awaited below
          await monitor.prepare();
          building('monitor rows computed while the register indexes are built');
          await registerBuilt;
          building('indexes and statistics of the register');
        }
      } else if (request.kind === 'pupils') {
        const year = request.schoolYear ?? schoolYearOf(today);
        staged = await stagePupilsFile(tx, school, year, file, { ...columns, defaultLevel: defaultLevel(school) });
        merged = await mergeStagedPupils(tx, school.id);
      } else {
        staged = await stageCalendarFile(tx, school.id, file, columns);
        merged = { ...(await mergeStagedCalendar(tx, school.id, `import:${fileName}`)), changedPupilIds: [] };
      }
      if (merged.inserted + merged.updated === 0) throw new NothingChanged(staged.rows);
      await completeImportBatch(tx, importId, {
        sha256: file.sha256(),
        rows: staged.rows,
        inserted: merged.inserted,
        updated: merged.updated,
      });
      // Signals follow the register in the same transaction: exactly the pupils whose data changed (a calendar
      // change can move every pupil's counts, so then the whole school).
      const affected = request.kind === 'calendar' ? await pupilIdsOfSchool(tx, school.id) : merged.changedPupilIds;
      // The monitor's aggregates follow the register and the signals, in the same transaction. Its register scan
      // does not depend on the signals: the database runs it while Node evaluates them; its cells count the
      // signals, so they come last.
      monitor ??= await startMonitorRefresh(
        tx,
        school.id,
        request.kind,
        merged.changedPupilIds,
        merged.changedDates ?? [],
        { register: staged.register, counted, pendingIndexes },
      );
      let aggregates: Promise<void> | undefined;
      // The worker's signals (the monitor's counts and writes run while it finishes), else the recompute here.
      if (firstImport) aggregates = monitor.aggregates();
      await (aggregates ?? Promise.resolve());
      // Second round: the monitor's indexes (bulk-load.ts), while the signals worker may still evaluate.
      const building = phaseTimer('bulk load');
      if (await pendingIndexes?.build({ alone: false })) building('indexes of the monitor');
      const written = firstImport ? await firstImport.write(tx, affected, pendingIndexes) : undefined;
      if (!written)
        await recomputeSignals(tx, school.id, affected, today, {
          register: staged.register,
          whileEvaluating: () => {
            aggregates ??= monitor.aggregates();
            return aggregates;
          },
        });
      await (aggregates ?? monitor.aggregates());
      await monitor.cells(written?.signalCells);
      // Last round: the signals' indexes. The worker has ended, so PostgreSQL may build them with parallel workers.
      const buildingLast = phaseTimer('bulk load');
      if (await pendingIndexes?.build()) buildingLast('indexes of the signals');
      return {
        status: 'applied' as const,
        importId,
        rows: staged.rows,
        inserted: merged.inserted,
        updated: merged.updated,
        warnings: [...fileNotices(file), ...staged.warnings],
        changedPupilIds: merged.changedPupilIds,
      };
    });
  } catch (error) {
    if (error instanceof NothingChanged) {
      return {
        status: 'unchanged',
        importId: null,
        rows: error.rows,
        inserted: 0,
        updated: 0,
        warnings: fileNotices(file),
        changedPupilIds: [],
      };
    }
    if (error instanceof UnreadableFile) {
      throw new ImportRejected([problem(null, null, 'unreadable-file', { reason: error.message })]);
    }
    throw error;
  } finally {
    await firstImport?.dispose();
  }
}

/** A secondary school's pupils are all secundair: its exports need no level column. */
const defaultLevel = (school: SchoolRow) => (school.calendarLevel === 'secundair' ? 'secundair' : undefined);

/**
 * Finds the file's columns: the request's mapping, else the school's remembered one for this header, else the
 * canonical and Dutch headers. When required columns stay missing the file is rejected with what a
 * column-mapping form needs: the file's headers and the fields.
 */
async function resolveColumns(
  db: Database,
  school: SchoolRow,
  request: ImportRequest,
  file: TabularFile,
  // biome-ignore lint/suspicious/noExplicitAny: the three kinds have different field names
): Promise<ColumnMatch<any>> {
  const spec = COLUMNS_OF_KIND[request.kind];
  const defaulted = request.kind === 'pupils' && defaultLevel(school) ? ['level'] : [];
  const mapping =
    request.mapping ??
    (file.header.length > 0
      ? await findColumnMapping(db, {
          schoolId: school.id,
          kind: request.kind,
          headersSignature: headerSignature(file.header),
        })
      : null) ??
    undefined;
  const match = mapColumns(file.header, spec, { mapping, defaulted, labels: file.labels });
  if (match.problems.length === 0) return match;
  if (file.header.length === 0) throw new ImportRejected(match.problems);
  throw new ImportRejected(match.problems, {
    headers: file.labels,
    required: spec.required.filter((name) => !defaulted.includes(name)),
    optional: [...spec.optional, ...defaulted],
    missing: match.missing,
  });
}

/** Remembers the mapping of a successful import for the school, kind and header (audited when it changed). */
async function rememberMapping(
  db: Database,
  actor: Actor,
  request: ImportRequest,
  header: { labels: string[]; names: string[] },
  result: ImportResult,
) {
  const headersSignature = headerSignature(header.names);
  const mapping = request.mapping ?? {};
  const key = { schoolId: request.schoolId, kind: request.kind, headersSignature };
  if (!(await saveColumnMapping(db, key, mapping, actor.userId))) return;
  await recordAudit(db, actor, {
    action: 'import.column-mapping',
    organisationId: request.schoolId,
    detail: { kind: request.kind, headers: header.labels, mapping, importStatus: result.status },
  });
}

/** What the report says about the file as a whole: that a CSV was not UTF-8 and was read as Windows-1252. */
const fileNotices = (file: TabularFile) =>
  file.encoding === 'windows-1252' ? [problem(null, null, 'decoded-as-windows-1252')] : [];

export type ImportListItem = ImportBatchRow;

export async function listImports(db: Database, actor: Actor, schoolId: number): Promise<ImportListItem[]> {
  requireAccess(actor, 'import.list', { schoolId });
  return listImportBatches(db, schoolId);
}
