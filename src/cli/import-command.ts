// `aanwezig import pupils|register|calendar FILE`: import with an English problem report on stderr.

import { statSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { AppError } from '../app/errors.ts';
import { importFile } from '../app/import/import.service.ts';
import { ImportRejected } from '../app/import/import-problem.ts';
import { IMPORT_KINDS, type ImportKind } from '../app/import/import-result.ts';
import { evaluatedInWorker, prewarmFirstImportWorker } from '../app/signals/first-import-signals.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { parseSchoolYearId } from '../domain/school-year.ts';
import { CliError, resolveSchool } from './school-option.ts';

export async function importCommand(
  kind: string,
  file: string,
  options: { school?: string; schoolYear?: string; map?: string[] },
): Promise<void> {
  if (!IMPORT_KINDS.includes(kind as ImportKind)) fail(`Unknown kind "${kind}": use ${IMPORT_KINDS.join(', ')}.`);
  const mapping = parseMapOptions(options.map ?? []);
  const schoolYear = options.schoolYear ? parseSchoolYearId(options.schoolYear) : undefined;
  if (schoolYear === null) fail(`"${options.schoolYear}" is not a school year (YYYY-YYYY).`);
  // A school's first large register is evaluated in a worker thread: it starts while the database opens.
  if (kind === 'register' && evaluatedInWorker(fileSize(file)))
    prewarmFirstImportWorker({ keep: false }).catch(() => {});
  const db = await openDatabase();
  try {
    await migrate(db);
    const schoolId = await resolveSchool(db, options.school);
    const result = await importFile(db, SYSTEM_ACTOR, {
      schoolId,
      kind: kind as ImportKind,
      path: file,
      schoolYear,
      mapping,
    });
    for (const w of result.warnings)
      console.error(`warning: row ${w.row ?? '-'}, column ${w.column ?? '-'}: ${w.messages.en}`);
    if (result.status === 'unchanged') console.log(`Nothing changed: ${result.rows} rows were already imported.`);
    else
      console.log(
        `Imported ${result.rows} rows: ${result.inserted} new, ${result.updated} updated (import ${result.importId}).`,
      );
  } catch (error) {
    if (error instanceof ImportRejected) {
      for (const p of error.problems) {
        console.error(`${file}: row ${p.row ?? '-'}, column ${p.column ?? '-'}: ${p.messages.en}`);
      }
      if (error.columns) {
        console.error(`The file's columns: ${error.columns.headers.map((h) => `"${h}"`).join(', ')}.`);
        console.error(
          `Map the missing fields with --map FIELD=HEADER (required: ${error.columns.required.join(', ')}; ` +
            `optional: ${error.columns.optional.join(', ')}).`,
        );
      }
      console.error(`Rejected: ${error.problems.length} problem(s); nothing was imported.`);
      process.exitCode = 2;
    } else if (error instanceof AppError || error instanceof CliError) {
      console.error(error instanceof AppError ? error.messages.en : error.message);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await db.close();
  }
}

/** `--map field=header` options as a mapping; undefined when none were given. */
function parseMapOptions(values: readonly string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const field = value.slice(0, equals).trim();
    const header = value.slice(equals + 1).trim();
    if (equals < 1 || !field || !header) fail(`--map "${value}": write it as FIELD=HEADER, e.g. pupil_id=Stamnummer.`);
    mapping[field] = header;
  }
  return mapping;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The file's size in bytes; 0 when it cannot be read (the import then says why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
