// `aanwezig monitor report --lop ID`: the LOP's view of exclusions from the command line, in the region report's
// JSON contract (scope kind lop) and as CSV; a bad id, or --lop with --region, exits with status 2.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertLop } from '../db/lop.repository.ts';
import { linkSchool } from '../db/organisation.repository.ts';
import { runCli } from '../testing/cli-process.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir } from '../testing/fixtures.ts';
import { createTestDatabase, testEngines } from '../testing/test-database.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1,An,Claes,2011-02-03,secundair,2,2A
2,Bo,Claes,2011-03-04,secundair,2,2A
`;

describe.each(testEngines())('monitor report --lop on %s', (engine) => {
  it('prints the LOP report as JSON and CSV, and refuses a bad id', async () => {
    const dataDir = engine === 'pglite' ? join(tempDir(), 'pglite') : undefined;
    const target = await createTestDatabase(engine, { dataDir });
    try {
      const school = await schoolWithPupils(target.db, PUPILS, { institutionNumber: '930001' });
      const lop = await insertLop(target.db, 'LOP CLI', 'secundair');
      await linkSchool(target.db, 'lop', lop, school);
      const [first] = await pupilIdsByNumber(target.db, school);
      await target.db.query("UPDATE enrolment SET excluded_on = '2025-11-03' WHERE pupil_id = $1", [first]);
      if (engine === 'pglite') await target.db.close(); // one process per PGlite data directory
      const json = await runCli(['monitor', 'report', '--lop', String(lop), '--as-of', '2026-01-15'], target.env);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.scope).toEqual({ kind: 'lop', id: lop, name: 'LOP CLI', schoolCount: 1, level: 'secundair' });
      const total = report.sections[0].figures.find((f: { id: string }) => f.id === 'exclusion.total');
      expect(total).toMatchObject({ value: null, suppressed: true });
      const csv = await runCli(
        ['monitor', 'report', '--lop', String(lop), '--as-of', '2026-01-15', '--format', 'csv'],
        target.env,
      );
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).toContain(`school.${school}.exclusions,School 930001: definitieve uitsluitingen,<5`);
      const bad = await runCli(['monitor', 'report', '--lop', 'x'], target.env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('"x" is not a LOP id');
      const both = await runCli(['monitor', 'report', '--lop', String(lop), '--region', '1'], target.env);
      expect(both.code).toBe(2);
    } finally {
      if (engine === 'postgres') await target.drop();
    }
  }, 120_000);
});
