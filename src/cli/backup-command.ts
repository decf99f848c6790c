// `aanwezig backup --out FILE` and `aanwezig restore FILE [--force]`: a consistent logical backup of the whole
// database (either engine) and its restore into an empty database or PGlite folder (see src/db/backup.ts).
import { BackupRefused, backupDatabase, restoreDatabase } from '../db/backup.ts';
import { openDatabase } from '../db/database.ts';

export async function backupCommand(options: { out: string }): Promise<void> {
  const db = await openDatabase();
  try {
    const started = performance.now();
    const { tables, rows } = await backupDatabase(db, options.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Backed up ${rows} rows of ${tables} tables (${db.engine}) to ${options.out} in ${seconds} s.`);
  } finally {
    await db.close();
  }
}

export async function restoreCommand(file: string, options: { force?: boolean }): Promise<void> {
  const db = await openDatabase();
  try {
    const { tables, rows, migrated } = await restoreDatabase(db, file, { force: options.force === true });
    console.log(`Restored ${rows} rows of ${tables} tables from ${file} into ${db.engine}.`);
    if (migrated.length > 0) console.log(`Then applied newer migrations: ${migrated.join(', ')}`);
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
