// Load test of the attention list on PostgreSQL: the real server (one process) on a local port, autocannon in a
// child process, 50 and 200 connections. Run: `DATABASE_URL=… npm run bench -- attention-load [--seconds 20]`.
// `--workers N` serves from `aanwezig serve` with N processes instead.
// One 2,000-pupil school with a whole register (~14,000 holding signals); the first page of 50 per request.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { hashPassword } from '../src/app/auth.service.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { tempDir, writeTemp } from '../src/app/temp-files.ts';
import type { Database } from '../src/db/database.ts';
import { addMembership, insertUser } from '../src/db/user.repository.ts';
import { buildServer } from '../src/http/server.ts';
import { countStatements } from '../src/testing/counted-statements.ts';
import { schoolWithPupils } from '../src/testing/fixtures.ts';
import { signIn } from '../src/testing/http-session.ts';
import { canonicalCsv, pupilsCsv, registerLines } from '../src/testing/register-files.ts';
import { startServe } from '../src/testing/serve-process.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { machine, writeResults } from './results.ts';

const PASSWORD = 'bench-wachtwoord-123';
const autocannonBin = fileURLToPath(new URL('../node_modules/.bin/autocannon', import.meta.url));

/** Runs autocannon in a child process (the server keeps this process's event loop) and returns its JSON. */
function autocannon(url: string, connections: number, seconds: number, cookie: string) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const child = spawn(
      autocannonBin,
      ['-c', String(connections), '-d', String(seconds), '-j', '-H', `cookie:${cookie}`, url],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exit ${code}`))));
  });
}

/**
 * CPU milliseconds (user + system, from /proc) of every PostgreSQL backend connected to the bench database, by
 * process id: PostgreSQL runs on the same machine, so its share per request is part of the cost. Empty where /proc
 * cannot be read.
 */
async function backendCpuMs(db: Database): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // utime + stime, 100 ticks per second
    } catch {
      // PostgreSQL on another machine: not measured
    }
  }
  return cpu;
}

/** Milliseconds of CPU (user + system) per request. */
const cpuMsPer = (used: NodeJS.CpuUsage, requests: number) =>
  Number(((used.user + used.system) / 1000 / Math.max(1, requests)).toFixed(3));

export async function benchAttentionLoad(options: { pupils: number; rows: number; seconds: number; workers: number }) {
  if (!process.env.DATABASE_URL) {
    console.log(JSON.stringify({ benchmark: 'attention-load', skipped: 'needs DATABASE_URL (PostgreSQL)' }));
    return null;
  }
  const t = await createTestDatabase('postgres');
  const dir = tempDir();
  try {
    const schoolId = await schoolWithPupils(t.db, pupilsCsv(options.pupils), { schoolYear: '2025-2026' });
    const path = writeTemp(
      dir,
      'register.csv',
      [...canonicalCsv(registerLines(options.rows, options.pupils))].join(''),
    );
    await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
    const email = 'lbg@bench.test';
    const userId = await insertUser(t.db, { email, displayName: email, passwordHash: await hashPassword(PASSWORD) });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    // Statements the server sends (outside transactions), counted per request: like the CPU, comparable between runs.
    const { db: counted, statements } = countStatements(t.db);
    const app = await buildServer({
      db: counted,
      today: () => '2026-03-01',
      loginRateLimit: { max: 1000, timeWindow: 60_000 },
    });
    try {
      const session = await signIn(app, email, PASSWORD);
      // --workers N: `aanwezig serve` as its own process(es) (AANWEZIG_WORKERS=N) on the same database; the session
      // signed in above is in the database, so every server process accepts it.
      const served =
        options.workers > 0
          ? await startServe({ ...t.env, AANWEZIG_WORKERS: String(options.workers), LOG_LEVEL: 'warn' })
          : null;
      const address = served ? served.url : await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `${address}/api/schools/${schoolId}/attention?schoolYear=2025-2026`;
        const check = await fetch(url, { headers: { cookie: session.headers.cookie as string } });
        const body = (await check.json()) as { total: number; items: unknown[] };
        if (check.status !== 200) throw new Error(`GET ${url}: ${check.status}`);
        const runs = [];
        for (const connections of [50, 200]) {
          // CPU of this process (the server, when it runs in process) per answered request: comparable between runs
          // on a shared machine, where requests per second depend on what else runs.
          const loadBefore = loadavg()[0] as number;
          const cpuBefore = process.cpuUsage();
          const statementsBefore = statements();
          const databaseBefore = await backendCpuMs(t.db);
          const r = (await autocannon(url, connections, options.seconds, session.headers.cookie as string)) as {
            requests: { average: number; total: number };
            latency: { p50: number; p99: number; average: number };
            errors: number;
            timeouts: number;
            non2xx: number;
          };
          const databaseAfter = await backendCpuMs(t.db);
          let databaseMs = 0;
          for (const [pid, ms] of databaseAfter) databaseMs += ms - (databaseBefore.get(pid) ?? 0);
          const run = {
            connections,
            seconds: options.seconds,
            requestsPerSecond: r.requests.average,
            requests: r.requests.total,
            latencyMs: { p50: r.latency.p50, p99: r.latency.p99, average: r.latency.average },
            errors: r.errors,
            timeouts: r.timeouts,
            // The machine's 1-minute load average at the start and end of the run (other work on a shared machine).
            loadAverage: { start: loadBefore, end: loadavg()[0] as number },
            non2xx: r.non2xx,
            ...(served
              ? {}
              : {
                  serverCpuMsPerRequest: cpuMsPer(process.cpuUsage(cpuBefore), r.requests.total),
                  databaseCpuMsPerRequest:
                    databaseAfter.size > 0 ? Number((databaseMs / Math.max(1, r.requests.total)).toFixed(3)) : null,
                  statementsPerRequest: Number(
                    ((statements() - statementsBefore) / Math.max(1, r.requests.total)).toFixed(2),
                  ),
                }),
          };
          console.log(JSON.stringify(run));
          runs.push(run);
        }
        return writeResults(options.workers > 0 ? `attention-load-workers-${options.workers}` : 'attention-load', {
          benchmark: 'attention-list-load',
          machine: machine(),
          note:
            `${options.workers > 0 ? `\`aanwezig serve\` with AANWEZIG_WORKERS=${options.workers} (as of the real today)` : 'One server process (the bench process)'} ` +
            'on PostgreSQL, autocannon as a child process on the same 2-core machine. Targets (issue 16): ' +
            '>= 1,000 req/s and p99 <= 100 ms at 50 connections, no errors at 200.',
          workers: options.workers,
          data: {
            pupils: options.pupils,
            registerRows: options.rows,
            holdingSignals: body.total,
            pageItems: body.items.length,
          },
          runs,
        });
      } finally {
        await served?.stop();
      }
    } finally {
      await app.close();
    }
  } finally {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
