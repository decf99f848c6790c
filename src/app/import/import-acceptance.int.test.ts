import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCounts } from '../../db/register.repository.ts';
import { formatBelgianDate } from '../../domain/half-day.ts';
import { exportedRegister, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { canonicalCsv, pupilsCsv, registerLines } from '../../testing/register-files.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';

async function writeFileFrom(path: string, chunks: Iterable<string>) {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return path;
}

const exported = (t: TestDatabase, schoolId: number) => exportedRegister(t.db, schoolId);

describe.each(testEngines())('import acceptance on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, pupilsCsv(1000));
  });
  afterAll(async () => t?.drop());

  it('rejects a 10,000-row file with 3 bad rows whole, reporting exactly those rows', async () => {
    const lines = [...canonicalCsv(registerLines(10_000, 1000))];
    lines[1500] = 'L5,2025-09-03,PM,B,\n'; // Wednesday afternoon: not a school half-day
    lines[4000] = 'L6,2025-10-06,AM,X,\n'; // unknown code
    lines[9000] = 'NOBODY,2025-10-06,AM,B,\n'; // unknown pupil
    const path = await writeFileFrom(join(dir, 'bad-10k.csv'), lines);
    const before = await registerCounts(t.db);
    const error = (await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path }).catch(
      (e) => e,
    )) as ImportRejected;
    expect(error).toBeInstanceOf(ImportRejected);
    // lines[i] is spreadsheet row i + 1 (the header is row 1)
    expect(error.problems.map((p) => p.row)).toEqual([1501, 4001, 9001]);
    expect(await registerCounts(t.db)).toEqual(before);
  });

  it('imports 200,000 rows; re-importing them changes neither the register nor its history', async () => {
    const path = await writeFileFrom(join(dir, 'r200k.csv'), canonicalCsv(registerLines(200_000, 1000)));
    const result = await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
    expect(result).toMatchObject({ status: 'applied', rows: 200_000, inserted: 200_000 });
    const counts = await registerCounts(t.db);
    expect(counts.entries).toBe(200_000);
    const batches = await t.db.query('SELECT count(*)::int AS n FROM import_batch');
    const again = await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
    expect(again.status).toBe('unchanged');
    expect(await registerCounts(t.db)).toEqual(counts);
    expect(await t.db.query('SELECT count(*)::int AS n FROM import_batch')).toEqual(batches);
  });

  it('semicolons, a BOM and DD/MM/YYYY give the same register as the canonical file', async () => {
    const other = await createTestDatabase(engine);
    try {
      const lines = registerLines(3000, 200);
      const canonicalSchool = await schoolWithPupils(other.db, pupilsCsv(200), {
        institutionNumber: '100001',
      });
      const belgianSchool = await schoolWithPupils(other.db, pupilsCsv(200), { institutionNumber: '100002' });
      const canonical = await writeFileFrom(join(dir, 'canonical.csv'), canonicalCsv(lines));
      const belgian = writeTemp(
        dir,
        'belgian.csv',
        `\uFEFFPupil_ID;Datum_extra;DATE;Half;Code;Note\r\n${lines
          .map(
            (l) =>
              `${l.pupilId};x;${formatBelgianDate(l.date)};${l.half === 'AM' ? 'VM' : 'NM'};${l.code.toLowerCase()};${l.note}`,
          )
          .join('\r\n')}\r\n`,
      );
      await importFile(other.db, SYSTEM_ACTOR, {
        schoolId: canonicalSchool,
        kind: 'register',
        path: canonical,
      });
      const result = await importFile(other.db, SYSTEM_ACTOR, {
        schoolId: belgianSchool,
        kind: 'register',
        path: belgian,
      });
      expect(result.warnings.map((w) => w.column)).toEqual(['Datum_extra']);
      expect(await exported(other, belgianSchool)).toEqual(await exported(other, canonicalSchool));
      expect((await exported(other, canonicalSchool)).split('\n').length).toBe(3000 + 2);
    } finally {
      await other.drop();
    }
  });

  it('an XLSX file gives the same register as the CSV file', async () => {
    const other = await createTestDatabase(engine);
    try {
      const lines = registerLines(2000, 100);
      const csvSchool = await schoolWithPupils(other.db, pupilsCsv(100), { institutionNumber: '200001' });
      const xlsxSchool = await schoolWithPupils(other.db, pupilsCsv(100), { institutionNumber: '200002' });
      await importFile(other.db, SYSTEM_ACTOR, {
        schoolId: csvSchool,
        kind: 'register',
        path: await writeFileFrom(join(dir, 'x.csv'), canonicalCsv(lines)),
      });
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Afwezigheden');
      sheet.addRow(['pupil_id', 'date', 'half', 'code', 'note']);
      // Dates as real spreadsheet dates, as Excel writes them.
      for (const l of lines) sheet.addRow([l.pupilId, new Date(`${l.date}T00:00:00Z`), l.half, l.code, l.note || null]);
      const xlsxPath = join(dir, 'register.xlsx');
      await workbook.xlsx.writeFile(xlsxPath);
      const result = await importFile(other.db, SYSTEM_ACTOR, {
        schoolId: xlsxSchool,
        kind: 'register',
        path: xlsxPath,
      });
      expect(result).toMatchObject({ status: 'applied', rows: 2000 });
      expect(await exported(other, xlsxSchool)).toEqual(await exported(other, csvSchool));
    } finally {
      await other.drop();
    }
  });

  it('a process killed with SIGKILL in the middle of a large import leaves the database as it was', async () => {
    const dataDir = engine === 'pglite' ? join(tempDir(), 'pglite') : undefined;
    const target = await createTestDatabase(engine, { dataDir });
    let killedAt = '';
    try {
      await schoolWithPupils(target.db, pupilsCsv(2000), { institutionNumber: '300001' });
      const before = await registerCounts(target.db);
      const imports = await target.db.query('SELECT count(*)::int AS n FROM import_batch');
      if (engine === 'pglite') await target.db.close(); // PGlite allows one process per data directory
      const path = await writeFileFrom(join(dir, 'kill.csv'), canonicalCsv(registerLines(400_000, 2000)));
      const marker = join(dir, `paused-${engine}`);
      const child = spawn(process.execPath, ['bin/aanwezig.mjs', 'import', 'register', path, '--school', '300001'], {
        env: {
          ...process.env,
          ...target.env,
          AANWEZIG_TEST_PAUSE_AT: 'register-copy',
          AANWEZIG_TEST_PAUSE_MARKER: marker,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // A school's first import writes straight into the register while the file is parsed. The child stops at the
      // named point inside that COPY (rows handed over, the transaction open) and says so; then it is killed.
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const poll = setInterval(() => {
          if (killedAt || !existsSync(marker)) return;
          killedAt = readFileSync(marker, 'utf8');
          child.kill('SIGKILL');
        }, 20);
        child.on('exit', (code, signal) => {
          clearInterval(poll);
          if (signal === 'SIGKILL') resolve();
          else reject(new Error(`exited ${code}: ${stderr}`));
        });
      });
      expect(killedAt).toBe('register-copy');
      const reopened = engine === 'pglite' ? await createTestDatabase('pglite', { dataDir, reopen: true }) : target;
      expect(await registerCounts(reopened.db)).toEqual(before);
      expect(await reopened.db.query('SELECT count(*)::int AS n FROM import_batch')).toEqual(imports);
      if (reopened !== target) await reopened.drop();
    } finally {
      if (engine === 'postgres') await target.drop();
    }
  });
});
