// Benchmark (c): incremental signal recompute for one 2,000-pupil school after importing one day.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { createSchool } from '../src/app/school.service.ts';
import { recomputeSignals } from '../src/app/signals/recompute-signals.ts';
import { tempDir } from '../src/app/temp-files.ts';
import { generateLarge } from '../src/demo/generate-large.ts';
import { pupilsCsvLines, registerCsvLines, writeLines } from '../src/demo/write-csv.ts';
import { parseSchoolYearId } from '../src/domain/school-year.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';

const DAY = '2026-03-10';
const TODAY = '2026-03-20';
/** Runs before measuring, so the JIT has compiled the engine as in a long-running server. */
const WARM_UP = 3;
const REPEATS = 9;

export async function benchSignalsIncremental(options: { pupils: number }) {
  const dir = tempDir('aanwezig-bench-signals-');
  const data = generateLarge({ seed: 7, pupils: options.pupils, schools: 1, schoolYear: '2025-2026' });
  const school = data.schools[0];
  if (!school) throw new Error('no school');
  const register = [...data.register()].filter((r) => r.date <= TODAY);
  await writeLines(join(dir, 'pupils.csv'), pupilsCsvLines(data.pupils()));
  await writeLines(join(dir, 'baseline.csv'), registerCsvLines(register.filter((r) => r.date !== DAY)));
  const day = register.filter((r) => r.date === DAY);
  await writeLines(join(dir, 'day.csv'), registerCsvLines(day));
  const engines: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  const measurements = [];
  for (const engine of engines) {
    const t = await createTestDatabase(engine);
    try {
      const schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
        name: school.name,
        institutionNumber: school.institutionNumber,
        calendarLevel: school.calendarLevel,
      });
      const schoolYear = parseSchoolYearId('2025-2026') ?? undefined;
      await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'pupils',
        path: join(dir, 'pupils.csv'),
        schoolYear,
        today: TODAY,
      });
      await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: join(dir, 'baseline.csv'),
        today: TODAY,
      });
      const ids = await t.db.query<{ id: number; externalId: string }>(
        'SELECT id::int AS id, external_id AS "externalId" FROM pupil WHERE school_id = $1',
        [schoolId],
      );
      const idOf = new Map(ids.map((p) => [p.externalId, p.id]));
      const dayPupils = [...new Set(day.map((r) => idOf.get(r.pupilId) as number))];
      // The recompute alone: the day's rows are written, signals recomputed for exactly those pupils, rolled back.
      const times: number[] = [];
      let written = 0;
      for (let i = 0; i < WARM_UP + REPEATS; i++) {
        await t.db
          .transaction(async (tx) => {
            await tx.query(
              `INSERT INTO register_entry (pupil_id, date, half, school_id, code)
               SELECT * FROM unnest($1::bigint[], $2::date[], $3::text[], $4::bigint[], $5::text[])`,
              [
                day.map((r) => idOf.get(r.pupilId)),
                day.map((r) => r.date),
                day.map((r) => r.half),
                day.map(() => schoolId),
                day.map((r) => r.code),
              ],
            );
            const start = performance.now();
            const result = await recomputeSignals(tx, schoolId, dayPupils, TODAY);
            if (i >= WARM_UP) times.push(performance.now() - start);
            written = result.written;
            throw new Error('rollback');
          })
          .catch((error) => {
            if ((error as Error).message !== 'rollback') throw error;
          });
      }
      times.sort((a, b) => a - b);
      const importStart = performance.now();
      const imported = await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: join(dir, 'day.csv'),
        today: TODAY,
      });
      const importMs = performance.now() - importStart;
      const m = {
        benchmark: 'signals-incremental',
        engine,
        schoolPupils: options.pupils,
        registerRowsBefore: register.length - day.length,
        dayRows: day.length,
        pupilsRecomputed: dayPupils.length,
        signalsWritten: written,
        recomputeMedianMs: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(2)),
        recomputeMinMs: Number((times[0] ?? 0).toFixed(2)),
        wholeDayImportMs: Number(importMs.toFixed(1)),
        importedRows: imported.rows,
        targetMs: 20,
      };
      console.log(JSON.stringify(m));
      measurements.push(m);
    } finally {
      await t.drop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return measurements;
}
