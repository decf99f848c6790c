// Benchmark of the attention list's per-request cost, in process: one 2,000-pupil school with a whole register
// (~14,000 holding signals), `listAttention` called in rounds of 50, wall and CPU milliseconds per request.
// Run: `npm run bench -- attention` (PostgreSQL when DATABASE_URL is set, and PGlite).
import { rmSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { listAttention } from '../src/app/signals/attention-list.service.ts';
import { tempDir, writeTemp } from '../src/app/temp-files.ts';
import { schoolWithPupils } from '../src/testing/fixtures.ts';
import { canonicalCsv, pupilsCsv, registerLines } from '../src/testing/register-files.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { machine, writeResults } from './results.ts';

const ROUNDS = 5;
const PER_ROUND = 50;

export async function benchAttention(options: { pupils: number; rows: number }) {
  const engines = (process.env.BENCH_ENGINES?.split(',') ??
    (process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'])) as ('pglite' | 'postgres')[];
  const measurements = [];
  for (const engine of engines) {
    const t = await createTestDatabase(engine);
    const dir = tempDir();
    try {
      const schoolId = await schoolWithPupils(t.db, pupilsCsv(options.pupils), { schoolYear: '2025-2026' });
      const path = writeTemp(
        dir,
        'register.csv',
        [...canonicalCsv(registerLines(options.rows, options.pupils))].join(''),
      );
      await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path });
      const query = { schoolId, schoolYear: '2025-2026' };
      const today = '2026-03-01';
      const first = await listAttention(t.db, SYSTEM_ACTOR, query, today);
      const rounds: { wallMs: number; cpuMs: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        for (let i = 0; i < PER_ROUND; i++) await listAttention(t.db, SYSTEM_ACTOR, query, today);
        const used = process.cpuUsage(cpu);
        rounds.push({
          wallMs: Math.round(((performance.now() - started) / PER_ROUND) * 10) / 10,
          cpuMs: Math.round(((used.user + used.system) / 1000 / PER_ROUND) * 10) / 10,
        });
      }
      const best = rounds.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
      const m = {
        engine,
        pupils: options.pupils,
        registerRows: options.rows,
        holdingSignals: first.total,
        pageItems: first.items.length,
        requestsPerRound: PER_ROUND,
        bestRound: best,
        rounds,
      };
      console.log(JSON.stringify(m));
      measurements.push(m);
    } finally {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return writeResults('attention', {
    benchmark: 'attention-list',
    machine: machine(),
    note:
      'Per-request wall and CPU (this process: the service, the pg/PGlite client, JSON decoding) of listAttention ' +
      'for one school, first page of 50. Before issue 16 (one query reading every signal with its evidence): ' +
      '244 ms wall, 141 ms CPU per request on PostgreSQL for the same school.',
    measurements,
  });
}
