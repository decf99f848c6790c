// Property tests: a valid register survives export → import; arbitrary bytes never crash or write.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCounts } from '../../db/register.repository.ts';
import { ABSENCE_CODES } from '../../domain/absence-codes.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { pupilsCsv, schoolHalfDays2025 } from '../../testing/register-files.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { exportRegisterCsv } from '../register-export.service.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';

const PUPILS = 20;
const slots = schoolHalfDays2025();

const registerArbitrary = fc.uniqueArray(
  fc.record({
    pupil: fc.nat(PUPILS - 1),
    slot: fc.nat(slots.length - 1),
    code: fc.constantFrom(...ABSENCE_CODES.map((c) => c.code)),
    note: fc.option(
      fc.string({ maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0),
      { nil: '' },
    ),
  }),
  { selector: (r) => `${r.pupil}|${r.slot}`, maxLength: 60, size: 'max' },
);

async function exportText(db: TestDatabase['db'], schoolId: number) {
  let text = '';
  for await (const chunk of exportRegisterCsv(db, SYSTEM_ACTOR, schoolId)) text += chunk;
  return text;
}

describe('import properties (PGlite)', () => {
  let t: TestDatabase;
  let counter = 0;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
  });
  afterAll(async () => t?.drop());

  it('a valid register round-trips through export and import', async () => {
    await fc.assert(
      fc.asyncProperty(registerArbitrary, async (rows) => {
        counter++;
        const source = await schoolWithPupils(t.db, pupilsCsv(PUPILS), { institutionNumber: `S${counter}` });
        const target = await schoolWithPupils(t.db, pupilsCsv(PUPILS), { institutionNumber: `T${counter}` });
        const csv = [
          'pupil_id,date,half,code,note',
          ...rows.map((r) => {
            const slot = slots[r.slot] as (typeof slots)[number];
            const note = r.note.includes(',') || r.note.includes('"') ? `"${r.note.replace(/"/g, '""')}"` : r.note;
            return `L${r.pupil},${slot.date},${slot.half},${r.code},${note}`;
          }),
        ].join('\n');
        if (rows.length > 0) {
          await importFile(t.db, SYSTEM_ACTOR, {
            schoolId: source,
            kind: 'register',
            path: writeTemp(dir, `s${counter}.csv`, csv),
          });
        }
        const exported = await exportText(t.db, source);
        expect(exported.trim().split('\n')).toHaveLength(rows.length + 1);
        const result = await importFile(t.db, SYSTEM_ACTOR, {
          schoolId: target,
          kind: 'register',
          path: writeTemp(dir, `e${counter}.csv`, exported),
        });
        expect(result.status).toBe(rows.length > 0 ? 'applied' : 'unchanged');
        expect(await exportText(t.db, target)).toEqual(exported);
      }),
      { numRuns: 25 },
    );
  });

  it('arbitrary bytes give a clear rejection, never a crash or a partial write', async () => {
    const schoolId = await schoolWithPupils(t.db, pupilsCsv(PUPILS), { institutionNumber: 'BYTES' });
    const header = Buffer.from('pupil_id,date,half,code\n');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array(Buffer.concat([header, b]))),
          fc
            .uint8Array({ maxLength: 500 })
            .map((b) => new Uint8Array(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), b]))),
        ),
        async (bytes) => {
          counter++;
          const before = await registerCounts(t.db);
          const path = writeTemp(dir, `bytes${counter}.bin`, Buffer.from(bytes));
          try {
            const result = await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
            // Only a file that happens to hold no data rows can pass, and then nothing changes.
            expect(result.status).toBe('unchanged');
          } catch (error) {
            expect(error).toBeInstanceOf(ImportRejected);
            const problems = (error as ImportRejected).problems;
            expect(problems.length).toBeGreaterThan(0);
            for (const p of problems) expect(p.messages.nl.length + p.messages.en.length).toBeGreaterThan(10);
          }
          expect(await registerCounts(t.db)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
