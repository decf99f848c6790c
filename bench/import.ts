// Benchmark: parse, validate and store 1,000,000 register rows on PGlite and on PostgreSQL (rows/s).

import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { byteReading } from '../src/app/import/csv-bytes.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { prewarmFirstImportWorker } from '../src/app/signals/first-import-signals.ts';
import { tempDir } from '../src/app/temp-files.ts';
import { expandPreset } from '../src/domain/calendar.ts';
import { presetFor } from '../src/domain/calendar-presets.ts';
import { parseSchoolYearId } from '../src/domain/school-year.ts';
import { takePhaseTimings } from '../src/phase-timer.ts';
import { schoolWithPupils } from '../src/testing/fixtures.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { machine, writeResults } from './results.ts';

const CODES = ['B', 'Z', 'Z', 'Z', 'D', 'P', 'R'];

async function writeLines(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** A large school whose register has `rows` rows spread over the school half-days of 2025-2026. */
function* registerLines(rows: number, pupils: number): Iterable<string> {
  const preset = presetFor('secundair', '2025-2026');
  if (!preset) throw new Error('missing preset');
  const slots = expandPreset(preset).filter((h) => h.schoolDay);
  yield 'pupil_id,date,half,code,note\n';
  const perPupil = Math.ceil(rows / pupils);
  if (perPupil > slots.length) throw new Error('too many rows per pupil');
  let written = 0;
  for (let p = 0; p < pupils && written < rows; p++) {
    const stride = Math.max(1, Math.floor(slots.length / perPupil));
    for (let i = 0; i < perPupil && written < rows; i++) {
      const slot = slots[(i * stride + p) % slots.length];
      if (!slot) continue;
      yield `P${p},${slot.date},${slot.half},${CODES[(p + i) % CODES.length]},\n`;
      written++;
    }
  }
}

/**
 * Rows of the last school half-day for every third pupil that registerLines left without a row on it (a Z each):
 * the half-day a year-to-date export adds the next day.
 */
function* nextHalfDayLines(rows: number, pupils: number): Iterable<string> {
  const preset = presetFor('secundair', '2025-2026');
  if (!preset) throw new Error('missing preset');
  const slots = expandPreset(preset).filter((h) => h.schoolDay);
  const last = slots.length - 1;
  const slot = slots[last];
  if (!slot) throw new Error('no school half-day');
  const perPupil = Math.ceil(rows / pupils);
  const stride = Math.max(1, Math.floor(slots.length / perPupil));
  for (let p = 0; p < pupils; p += 3) {
    let taken = false;
    for (let i = 0; i < perPupil && !taken; i++) taken = (i * stride + p) % slots.length === last;
    if (!taken) yield `P${p},${slot.date},${slot.half},Z,\n`;
  }
}

/** "Parse, validate and store": the import's own phases, without the signals and monitor recompute after them. */
function storeSecondsOf(phases: ReturnType<typeof takePhaseTimings>): number {
  return (
    phases
      // A first import builds the register's indexes at the end, with the signals' ('bulk load'): counted here.
      .filter((p) => p.label === 'register import' || p.label === 'register merge' || p.label === 'bulk load')
      .reduce((sum, p) => sum + p.ms, 0) / 1000
  );
}

function pupilsCsv(pupils: number): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class'];
  for (let p = 0; p < pupils; p++)
    lines.push(`P${p},Voornaam${p},Achternaam${p},2010-05-05,secundair,${(p % 6) + 1},${(p % 6) + 1}A`);
  return `${lines.join('\n')}\n`;
}

export async function benchImport(options: { rows: number; pupils: number }) {
  const dir = tempDir('aanwezig-bench-');
  const registerPath = join(dir, 'register.csv');
  await writeLines(registerPath, registerLines(options.rows, options.pupils));
  // BENCH_ENGINES=postgres (or pglite) measures one engine only.
  // BENCH_ROW_STREAM=1 reads the register through the row stream (papaparse) instead of its bytes (csv-bytes.ts).
  if (process.env.BENCH_ROW_STREAM === '1') byteReading.enabled = false;
  const engines = (process.env.BENCH_ENGINES?.split(',') ??
    (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'])) as ('pglite' | 'postgres')[];
  const measurements = [];
  for (const engine of engines) {
    const dataDir = engine === 'pglite' ? join(dir, 'pglite') : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const t = await createTestDatabase(engine, { dataDir });
    try {
      const schoolId = await schoolWithPupils(t.db, pupilsCsv(options.pupils), { schoolYear: '2025-2026' });
      process.env.AANWEZIG_PROFILE ??= 'collect';
      // As a running server (and `aanwezig import register`) has it: the signals worker is loaded ahead. No spare
      // afterwards: the later imports measured here do not use one.
      await prewarmFirstImportWorker({ keep: false });
      takePhaseTimings();
      const start = performance.now();
      const result = await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: registerPath });
      const seconds = (performance.now() - start) / 1000;
      // "Parse, validate and store": the import's own phases, without the signals and monitor recompute that run
      // in the same transaction afterwards.
      const phases = takePhaseTimings();
      const storeSeconds = storeSecondsOf(phases);
      // Everything after the store: the signals and the monitor refresh overlap (the monitor's register scan runs
      // in the database while Node evaluates the signals), so their phase times do not add up.
      const derivedSeconds = seconds - storeSeconds;
      const again = performance.now();
      const reimport = await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: registerPath,
      });
      const reimportSeconds = (performance.now() - again) / 1000;
      // The next day of a school software's year-to-date export, right after the school's first import: the same
      // file with one more half-day of rows. They concern more pupils than a narrow refresh takes, so the monitor is
      // refreshed for the whole school (decision 0045: 124 s before, when the first import's tables had no statistics).
      const nextDayPath = join(dir, 'next-day.csv');
      await writeLines(nextDayPath, [
        ...registerLines(options.rows, options.pupils),
        ...nextHalfDayLines(options.rows, options.pupils),
      ]);
      const nextStart = performance.now();
      const nextDay = await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: nextDayPath });
      const nextDaySeconds = (performance.now() - nextStart) / 1000;
      // The same file into a second school whose register already holds one of its half-days: the path of every
      // later import (staging table, delta against the register, then the write), not the first-import path.
      const second = await schoolWithPupils(t.db, pupilsCsv(options.pupils), {
        schoolYear: '2025-2026',
        institutionNumber: '000002',
      });
      const seedPath = join(dir, 'one-row.csv');
      const [header, first] = registerLines(1, options.pupils);
      await writeLines(seedPath, [header as string, first as string]);
      await importFile(t.db, SYSTEM_ACTOR, { schoolId: second, kind: 'register', path: seedPath });
      takePhaseTimings();
      const existing = await importFile(t.db, SYSTEM_ACTOR, { schoolId: second, kind: 'register', path: registerPath });
      const existingSeconds = storeSecondsOf(takePhaseTimings());
      const m = {
        benchmark: 'import',
        engine,
        storage: engine === 'pglite' ? 'PGlite on disk' : 'PostgreSQL 15 server',
        rows: result.rows,
        inserted: result.inserted,
        parseValidateStoreSeconds: Number(storeSeconds.toFixed(3)),
        rowsPerSecond: Math.round(result.rows / storeSeconds),
        signalsAndMonitorSeconds: Number(derivedSeconds.toFixed(3)),
        // Where the time after the store goes (the signals and the monitor's scan overlap, so these do not add up).
        phases: phases
          .filter((p) => p.label !== 'register import' && p.label !== 'register merge')
          .map((p) => ({
            step: `${p.label}: ${p.phase}`,
            seconds: Number((p.ms / 1000).toFixed(3)),
            // When the step ended, from the start of the import: shows which steps overlap.
            endedAt: Number(((p.at - start) / 1000).toFixed(3)),
          })),
        wholeImportSeconds: Number(seconds.toFixed(3)),
        wholeImportRowsPerSecond: Math.round(result.rows / seconds),
        reimportStatus: reimport.status,
        reimportSeconds: Number(reimportSeconds.toFixed(3)),
        existingRegister: {
          note: 'same file into a school whose register already holds one of its half-days (staging + delta path)',
          inserted: existing.inserted,
          parseValidateStoreSeconds: Number(existingSeconds.toFixed(3)),
          rowsPerSecond: Math.round(existing.rows / existingSeconds),
        },
        nextDayOfYearToDateExport: {
          note: 'the same file with one more half-day of rows, right after the first import (whole-school refresh)',
          inserted: nextDay.inserted,
          pupils: nextDay.changedPupilIds.length,
          wholeImportSeconds: Number(nextDaySeconds.toFixed(3)),
        },
        target: engine === 'postgres' ? 200_000 : 50_000,
      };
      console.log(JSON.stringify(m));
      measurements.push(m);
    } finally {
      await t.drop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  void parseSchoolYearId;
  return writeResults('import', { machine: machine(), data: options, measurements });
}
