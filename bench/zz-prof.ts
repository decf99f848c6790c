import { SYSTEM_ACTOR } from '/work/wt/attention/src/app/actor.ts';
import { hashPassword } from '/work/wt/attention/src/app/auth.service.ts';
import { importFile } from '/work/wt/attention/src/app/import/import.service.ts';
import { tempDir, writeTemp } from '/work/wt/attention/src/app/temp-files.ts';
import { addMembership, insertUser } from '/work/wt/attention/src/db/user.repository.ts';
import { buildServer } from '/work/wt/attention/src/http/server.ts';
import { schoolWithPupils } from '/work/wt/attention/src/testing/fixtures.ts';
import { signIn } from '/work/wt/attention/src/testing/http-session.ts';
import { canonicalCsv, pupilsCsv, registerLines } from '/work/wt/attention/src/testing/register-files.ts';
import { createTestDatabase } from '/work/wt/attention/src/testing/test-database.ts';
const t = await createTestDatabase('postgres');
try {
  const schoolId = await schoolWithPupils(t.db, pupilsCsv(2000), { schoolYear: '2025-2026' });
  const dir = tempDir();
  const path = writeTemp(dir, 'register.csv', [...canonicalCsv(registerLines(120000, 2000))].join(''));
  await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
  const userId = await insertUser(t.db, { email: 'a@b.test', displayName: 'a', passwordHash: await hashPassword('bench-wachtwoord-123') });
  await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
  const app = await buildServer({ db: t.db, today: () => '2026-03-01', loginRateLimit: { max: 1000, timeWindow: 60000 } });
  const s = await signIn(app, 'a@b.test', 'bench-wachtwoord-123');
  const url = `/api/schools/${schoolId}/attention?schoolYear=2025-2026${process.env.Q ?? ''}`;
  console.log(await t.db.query('SELECT count(*) FROM data_change'));
  for (const q of ['SELECT count(*)::text || max(id)::text FROM data_change', 'SELECT 1']) { const t0 = performance.now(); for (let i = 0; i < 100; i++) await t.db.query(q); console.log(q, ((performance.now() - t0) / 100).toFixed(2)); }
  const stats = new Map<string, [number, number]>();
  const orig = t.db.query.bind(t.db);
  (t.db as any).query = async (q: string, p?: unknown[]) => { const t0 = performance.now(); try { return await orig(q, p); } finally { const k = q.replace(/\s+/g, ' ').slice(0, 70); const e = stats.get(k) ?? [0, 0]; e[0]++; e[1] += performance.now() - t0; stats.set(k, e); } };
  const origTx = t.db.transaction.bind(t.db);
  (t.db as any).transaction = async (fn: any) => { const t0 = performance.now(); try { return await origTx(fn); } finally { const e = stats.get('TX') ?? [0, 0]; e[0]++; e[1] += performance.now() - t0; stats.set('TX', e); } };
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    let len = 0;
    for (let i = 0; i < 200; i++) { const r = await app.inject({ method: 'GET', url, headers: { cookie: s.headers.cookie } }); len = r.body.length; if (r.statusCode !== 200) throw new Error(r.body); }
    console.log('ms/request', ((performance.now() - t0) / 200).toFixed(2), 'bytes', len, process.cpuUsage());
  }
  for (const [k, [n, ms]] of stats) console.log(n, (ms / n).toFixed(2), k);
  await app.close();
} finally { await t.drop(); }
