// `aanwezig export register`: the canonical register.csv of a school, to stdout or a file (XLSX when it ends in .xlsx).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { AppError } from '../app/errors.ts';
import { exportRegisterCsv, exportRegisterXlsx } from '../app/register-export.service.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { CliError, resolveSchool } from './school-option.ts';

export async function exportCommand(
  what: string,
  options: { school?: string; from?: string; until?: string; out?: string },
): Promise<void> {
  if (what !== 'register') {
    console.error(`Unknown export "${what}": use register.`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase();
  try {
    await migrate(db);
    const schoolId = await resolveSchool(db, options.school);
    if (options.out?.toLowerCase().endsWith('.xlsx')) {
      const write = await exportRegisterXlsx(db, SYSTEM_ACTOR, schoolId, options);
      await write(createWriteStream(options.out));
    } else {
      const csv = Readable.from(exportRegisterCsv(db, SYSTEM_ACTOR, schoolId, options));
      await pipeline(csv, options.out ? createWriteStream(options.out) : process.stdout);
    }
  } catch (error) {
    if (!(error instanceof CliError || error instanceof AppError)) throw error;
    console.error(error instanceof AppError ? error.messages.en : error.message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
