// `aanwezig migrate`: apply the committed SQL migrations to the configured database.
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export async function migrateCommand(): Promise<void> {
  const db = await openDatabase();
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await db.close();
  }
}
