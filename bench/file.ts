// `npm run bench -- file`: a pupil file with 5,000 timeline entries (plus a year of register facts and signals)
// served by the HTTP API — the file page, the first and the last page of the timeline — on PGlite and, when
// DATABASE_URL is set, PostgreSQL. Writes bench/results/file.json.
import { performance } from 'node:perf_hooks';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { hashPassword } from '../src/app/auth.service.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { tempDir, writeTemp } from '../src/app/temp-files.ts';
import { addMembership, insertUser } from '../src/db/user.repository.ts';
import { buildServer } from '../src/http/server.ts';
import { schoolWithPupils } from '../src/testing/fixtures.ts';
import { signIn } from '../src/testing/http-session.ts';
import { createTestDatabase, testEngines } from '../src/testing/test-database.ts';
import { machine, writeResults } from './results.ts';

const TODAY = '2026-03-02';
const KINDS = ['pupil-conversation', 'parents-phone', 'care-meeting', 'home-visit', 'clb-consultation', 'naft'];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));
  return { p50: at(0.5), p95: at(0.95), max: at(1), runs: samples.length };
}

export async function benchFile(options: { entries: number; runs: number }) {
  const results = [];
  for (const engine of testEngines()) {
    const t = await createTestDatabase(engine);
    try {
      const schoolId = await schoolWithPupils(
        t.db,
        'pupil_id,first_name,last_name,birth_date,level,grade,class\n9001,Bench,Dossier,2011-01-01,secundair,2,2A\n',
        { institutionNumber: '990001' },
      );
      // A register with an absence on most school days of the year, so register facts and signals exist too.
      const schoolDays = await t.db.query<{ date: string }>(
        `SELECT date FROM calendar_half_day WHERE school_id = $1 AND half = 'AM' AND school_day
           AND date BETWEEN '2025-09-01' AND '2026-02-27' ORDER BY date`,
        [schoolId],
      );
      const days = schoolDays.filter((_, i) => i % 3 === 0).map((d) => `9001,${d.date},AM,B`);
      await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: writeTemp(tempDir(), 'register.csv', `pupil_id,date,half,code\n${days.join('\n')}\n`),
        today: TODAY,
      });
      const [pupil] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [
        schoolId,
      ]);
      const pupilId = pupil?.id as number;
      const userId = await insertUser(t.db, {
        email: 'bench@file.test',
        displayName: 'Bench',
        passwordHash: await hashPassword('bench-wachtwoord-123'),
      });
      await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
      await t.db.query(`INSERT INTO pupil_file (pupil_id, school_id) VALUES ($1, $2)`, [pupilId, schoolId]);
      await t.db.query(
        `INSERT INTO file_entry (pupil_id, school_id, kind, occurred_on, who, what, effect, confidentiality,
                                 author_id, author_role)
         SELECT $1, $2, ($4::text[])[1 + i % array_length($4::text[], 1)], date '2019-09-01' + (i % 2400),
                'Leerlingbegeleider', 'Maatregel nummer ' || i || ': gesprek en afspraken over de afwezigheden.',
                'Effect ' || i, CASE WHEN i % 10 = 0 THEN 'clb' ELSE 'school+clb' END, $5, 'leerlingbegeleider'
         FROM generate_series(1, $3::int) AS i`,
        [pupilId, schoolId, options.entries, KINDS, userId],
      );
      await t.db.query('ANALYZE');
      const app = await buildServer({ db: t.db, today: () => TODAY });
      const session = await signIn(app, 'bench@file.test', 'bench-wachtwoord-123');
      const [counts] = await t.db.query<{ entries: number; register: number; signals: number }>(
        `SELECT (SELECT count(*)::int FROM file_entry WHERE pupil_id = $1) AS entries,
                (SELECT count(*)::int FROM register_entry WHERE pupil_id = $1) AS register,
                (SELECT count(*)::int FROM signal WHERE pupil_id = $1) AS signals`,
        [pupilId],
      );
      const measure = async (url: string) => {
        const samples: number[] = [];
        let total = 0;
        for (let run = 0; run < options.runs + 10; run++) {
          const start = performance.now();
          const response = await app.inject({ method: 'GET', url, headers: session.headers });
          const elapsed = performance.now() - start;
          if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
          total = (response.json() as { total?: number }).total ?? total;
          if (run >= 10) samples.push(elapsed); // the first ten warm up caches and the query planner
        }
        return { url, totalItems: total, ms: stats(samples) };
      };
      const base = `/api/pupils/${pupilId}/file`;
      const timelineTotal = counts ? counts.entries + counts.signals : 0;
      const measurements = [
        await measure(base),
        await measure(`${base}/timeline?limit=50`),
        await measure(`${base}/timeline?limit=50&offset=${Math.max(0, timelineTotal - 50)}`),
        await measure(`${base}/timeline?limit=50&sources=entry`),
        await measure(`${base}/agreements?limit=50`),
      ];
      await app.close();
      for (const m of measurements) console.log(JSON.stringify({ bench: 'file', engine, ...counts, ...m }));
      results.push({ engine, data: counts, measurements });
    } finally {
      await t.drop();
    }
  }
  const worst = Math.max(...results.flatMap((r) => r.measurements.map((m) => m.ms.p95)));
  return writeResults('file', {
    benchmark: 'pupil file served by the HTTP API (app.inject: routing, session, access check, audit row, SQL, JSON)',
    target: 'a file with 5,000 timeline entries served in <= 100 ms (paginated, 50 per page)',
    entries: options.entries,
    machine: machine(),
    results,
    worstP95Ms: worst,
    meetsTarget: worst <= 100,
  });
}
