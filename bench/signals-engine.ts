// Benchmark of the signals engine on synthetic columnar data, compared with the same questions in DuckDB SQL.
// Run: `npx tsx bench/signals-engine.ts [--pupils 300000] [--half-days 5000000] [--no-duckdb] [--out FILE]`.
// Without --pupils it measures both sizes (300,000 pupils / ~5M rows and 1,200,000 pupils / ~20M rows). Every run
// merges its summary into bench/results/signals.json (one object: machine, sizes, engine and DuckDB seconds, ratios).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABSENCE_CODES } from '../src/domain/absence-codes.ts';
import { expandPreset } from '../src/domain/calendar.ts';
import { presetFor } from '../src/domain/calendar-presets.ts';
import { VLAANDEREN_CATALOG } from '../src/domain/rules/catalog-vlaanderen.ts';
import { compileCatalog } from '../src/domain/rules/compiled-catalog.ts';
import { evaluateTable, SignalBuffers, type SignalTable } from '../src/domain/rules/engine.ts';
import { type CompiledCalendar, compileCalendar } from '../src/domain/rules/engine-calendar.ts';
import { createEngineInput, type EngineInput, LEVEL_CODES, NO_DAY } from '../src/domain/rules/engine-input.ts';
import { signalAt } from '../src/domain/rules/signals.ts';
import { machine, writeResults } from './results.ts';

export interface SignalsEngineBenchOptions {
  pupils: number;
  /** Absence half-days (register rows) to generate; default ≈ 16.7 per pupil (5M for 300k pupils). */
  halfDays?: number;
  seed?: number;
  /** Also time materialising every signal (evidence objects and sentences). Default true. */
  materialise?: boolean;
  /** Compare with DuckDB when @duckdb/node-api is installed. Default true. */
  duckdb?: boolean;
  /** Called with each measurement as it is made (the CLI prints one JSON line per measurement). */
  onMeasurement?: (measurement: Record<string, unknown>) => void;
}

const AS_OF = '2026-06-30';
const SCHOOL_YEAR = '2025-2026';

/** Mulberry32: a small, fast, deterministic PRNG, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Code mix of a plausible register: mostly illness, then B, justified and personal reasons, some lateness. */
const CODE_WEIGHTS: Record<string, number> = {
  Z: 45,
  B: 14,
  D: 10,
  R: 8,
  P: 7,
  L: 5,
  H: 3,
  A: 2,
  M: 2,
  U: 1,
  Y: 1,
  T: 0.5,
  C: 0.5,
  J: 1,
};

function codePicker(next: () => number): () => number {
  const ids: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  ABSENCE_CODES.forEach((code, id) => {
    total += CODE_WEIGHTS[code.code] ?? 0;
    ids.push(id);
    cumulative.push(total);
  });
  return () => {
    const x = next() * total;
    let i = 0;
    while ((cumulative[i] as number) < x) i++;
    return ids[i] as number;
  };
}

export interface SyntheticRegister {
  input: EngineInput;
  pupilOfRow: Int32Array;
  generationSeconds: number;
}

/** Generates pupils, two school calendars and a register of about `halfDays` rows, already sorted (fast path). */
export function generateSyntheticRegister(pupils: number, halfDays: number, seed = 20_251_118): SyntheticRegister {
  const started = performance.now();
  const next = random(seed);
  const pickCode = codePicker(next);
  const calendars: CompiledCalendar[] = (['basis', 'secundair'] as const).map((level) => {
    const preset = presetFor(level, SCHOOL_YEAR);
    if (!preset) throw new Error(`no calendar preset for ${level} ${SCHOOL_YEAR}`);
    return compileCalendar(preset.id, expandPreset(preset));
  });
  const schoolSlots = calendars.map((c) => c.schoolSlots);
  const pupilIds = new Array<string>(pupils);
  const pupilCalendar = new Int32Array(pupils);
  const level = new Uint8Array(pupils);
  const birthYear = new Int32Array(pupils);
  const excludedOn = new Int32Array(pupils).fill(NO_DAY);
  const carriedOverB = new Int32Array(pupils);
  const mean = halfDays / pupils;
  // Exponential counts per pupil (most pupils few absences, a long tail), rescaled to hit the requested total.
  const wanted = new Float64Array(pupils);
  let sum = 0;
  for (let p = 0; p < pupils; p++) {
    const w = -Math.log(1 - next()) * mean;
    wanted[p] = w;
    sum += w;
  }
  const scale = halfDays / sum;
  const capacity = Math.ceil(halfDays * 1.02) + pupils;
  let pupilOfRow = new Int32Array(capacity);
  let slot = new Int32Array(capacity);
  let code = new Uint8Array(capacity);
  const marks = new Int16Array(400).fill(-1);
  let rows = 0;
  const width = String(pupils).length;
  for (let p = 0; p < pupils; p++) {
    pupilIds[p] = `P${String(p).padStart(width, '0')}`;
    const kind = next();
    const calendarIndex = kind < 0.35 ? 1 : 0;
    pupilCalendar[p] = calendarIndex;
    level[p] = kind < 0.35 ? LEVEL_CODES.secundair : kind < 0.55 ? LEVEL_CODES.kleuter : LEVEL_CODES.lager;
    birthYear[p] = level[p] === LEVEL_CODES.kleuter ? 2019 + Math.floor(next() * 3) : 2008 + Math.floor(next() * 11);
    if (next() < 0.001) excludedOn[p] = (schoolSlots[calendarIndex]?.[200] as number) >> 1;
    if (next() < 0.01) carriedOverB[p] = 1 + Math.floor(next() * 4);
    const slots = schoolSlots[calendarIndex] as Int32Array;
    const target = Math.min(Math.round((wanted[p] as number) * scale), slots.length);
    let marked = 0;
    while (marked < target) {
      const start = Math.floor(next() * slots.length);
      const length = 1 + Math.floor(-Math.log(1 - next()) * 2);
      const spellCode = pickCode();
      for (let i = start; i < start + length && i < slots.length && marked < target; i++) {
        if (marks[i] === -1) {
          marks[i] = spellCode;
          marked++;
        }
      }
    }
    if (rows + slots.length > pupilOfRow.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      pupilOfRow = grow(pupilOfRow);
      slot = grow(slot);
      const c = new Uint8Array(code.length * 2);
      c.set(code);
      code = c;
    }
    for (let i = 0; i < slots.length; i++) {
      const m = marks[i] as number;
      if (m === -1) continue;
      pupilOfRow[rows] = p;
      slot[rows] = slots[i] as number;
      code[rows] = m;
      rows++;
      marks[i] = -1;
    }
  }
  const input = createEngineInput({
    pupilIds,
    calendars,
    pupilCalendar,
    level,
    birthYear,
    excludedOn,
    carriedOverB,
    register: {
      pupil: pupilOfRow.subarray(0, rows),
      slot: slot.subarray(0, rows),
      code: code.subarray(0, rows),
    },
  });
  return {
    input,
    pupilOfRow: pupilOfRow.subarray(0, rows),
    generationSeconds: (performance.now() - started) / 1000,
  };
}

/** Timed evaluations per size (after one warm-up); the best is the figure, the median shows the spread. */
const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

async function secondsAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** Runs the benchmark and returns a JSON-able summary (sizes, seconds, ratios). */
export async function benchSignalsEngine(options: SignalsEngineBenchOptions): Promise<Record<string, unknown>> {
  const pupils = options.pupils;
  const halfDays = options.halfDays ?? Math.round((pupils * 50) / 3);
  const report = (measurement: Record<string, unknown>) => options.onMeasurement?.(measurement);
  const size = { pupils, requestedHalfDays: halfDays };
  const { input, pupilOfRow, generationSeconds } = generateSyntheticRegister(pupils, halfDays, options.seed);
  const rows = input.rowSlot.length;
  report({
    benchmark: 'signals-engine',
    measurement: 'generate',
    ...size,
    rows,
    seconds: round(generationSeconds),
  });

  const catalog = compileCatalog(VLAANDEREN_CATALOG, input.codes);
  // Warm-up (JIT), also touching the output memory that the timed runs reuse (SignalBuffers, as a batch
  // recompute does): on this VM every first touch of a 4 KiB page costs ~17 µs, which is measured separately.
  const buffers = new SignalBuffers();
  let table: SignalTable = evaluateTable(input, catalog, AS_OF, { buffers });
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(
      seconds(() => {
        table = evaluateTable(input, catalog, AS_OF, { buffers });
      }),
    );
  }
  const engineSeconds = Math.min(...runs);
  const engineMedian = median(runs);
  // The same evaluation into fresh memory (what a one-off evaluation pays on this machine).
  const freshMemorySeconds = seconds(() => {
    evaluateTable(input, catalog, AS_OF);
  });
  const signalsPerRule: Record<string, number> = {};
  for (let i = 0; i < table.length; i++) {
    const id = catalog.rules[table.rule[i] as number]?.id ?? '?';
    signalsPerRule[id] = (signalsPerRule[id] ?? 0) + 1;
  }
  report({
    benchmark: 'signals-engine',
    measurement: `evaluate (whole vlaanderen catalog, columnar result, best of ${RUNS} after warm-up, output memory reused)`,
    ...size,
    rows,
    rules: catalog.rules.length,
    signals: table.length,
    seconds: round(engineSeconds),
    median: round(engineMedian),
    runs: runs.map((r) => round(r)),
    freshMemorySeconds: round(freshMemorySeconds),
    rowsPerSecond: Math.round(rows / engineSeconds),
  });

  const subset = Int32Array.from({ length: Math.min(1000, pupils) }, (_, i) => (i * 7919) % pupils);
  const subsetSeconds = seconds(() => evaluateTable(input, catalog, AS_OF, { pupils: subset }));
  report({
    benchmark: 'signals-engine',
    measurement: 'evaluate 1000 affected pupils',
    ...size,
    seconds: round(subsetSeconds, 4),
  });

  let materialiseSeconds: number | null = null;
  if (options.materialise !== false) {
    // One at a time, as the app and CLI stream them: holding millions of signal objects at once would only
    // measure the garbage collector (and exceeds Node's default heap at 1.2M pupils).
    let characters = 0;
    materialiseSeconds = seconds(() => {
      for (let i = 0; i < table.length; i++) characters += signalAt(table, i).explanation.nl.length;
    });
    if (characters === 0 && table.length > 0) throw new Error('explanations are empty');
    report({
      benchmark: 'signals-engine',
      measurement: 'materialise every signal (evidence objects + nl/en sentences)',
      ...size,
      signals: table.length,
      seconds: round(materialiseSeconds),
    });
  }

  const duckdb = options.duckdb === false ? null : await benchDuckDb(input, pupilOfRow, report, size);
  const summary: Record<string, unknown> = {
    benchmark: 'signals-engine',
    machine: machine(),
    asOf: AS_OF,
    sizes: {
      pupils,
      rows,
      calendars: input.calendars.length,
      rules: catalog.rules.length,
      signals: table.length,
    },
    seconds: {
      generate: round(generationSeconds),
      engine: round(engineSeconds),
      engineMedian: round(engineMedian),
      engineRuns: runs.map((r) => round(r)),
      engineFreshMemory: round(freshMemorySeconds),
      affectedPupils1000: round(subsetSeconds, 4),
      materialiseAllSignals: materialiseSeconds === null ? null : round(materialiseSeconds),
      ...(duckdb?.seconds ?? {}),
    },
    signalsPerRule,
    ratios: duckdb
      ? {
          duckdbFifthBOverEngineAllRules: round((duckdb.seconds.duckdbFifthB as number) / engineSeconds, 2),
          duckdbZWindowOverEngineAllRules: round((duckdb.seconds.duckdbZWindow91 as number) / engineSeconds, 2),
          duckdbZWindowOneThreadOverEngineAllRules: round(
            (duckdb.seconds.duckdbZWindow91OneThread as number) / engineSeconds,
            2,
          ),
          engineOverTarget: round(engineSeconds / (rows > 10_000_000 ? 1.5 : 0.3), 2),
        }
      : null,
    duckdb: duckdb ? duckdb.info : 'not installed',
  };
  return summary;
}

interface DuckDbResult {
  seconds: Record<string, number>;
  info: Record<string, unknown>;
}

/** Loads the same register into in-memory DuckDB (via a CSV file) and times the two SQL questions. */
async function benchDuckDb(
  input: EngineInput,
  pupilOfRow: Int32Array,
  report: (m: Record<string, unknown>) => void,
  size: Record<string, number>,
): Promise<DuckDbResult | null> {
  let duck: typeof import('@duckdb/node-api');
  try {
    duck = await import('@duckdb/node-api');
  } catch {
    report({
      benchmark: 'signals-engine',
      measurement: 'duckdb',
      skipped: '@duckdb/node-api is not installed',
    });
    return null;
  }
  const directory = await mkdtemp(join(tmpdir(), 'aanwezig-bench-'));
  try {
    const file = join(directory, 'register.csv');
    const writeSeconds = await secondsAsync(() => writeRegisterCsv(file, input, pupilOfRow));
    const instance = await duck.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const threads = Number((await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0]);
    const codeB = ABSENCE_CODES.findIndex((c) => c.code === 'B');
    const codesZ = ABSENCE_CODES.flatMap((c, i) => (c.code === 'Z' || c.code === 'D' ? [i] : []));
    const loadSeconds = await secondsAsync(() =>
      connection.run(
        `CREATE TABLE register AS SELECT * FROM read_csv('${file}', header = true,
           columns = {'pupil': 'INTEGER', 'day': 'INTEGER', 'half': 'TINYINT', 'code': 'TINYINT'})`,
      ),
    );
    report({
      benchmark: 'signals-engine',
      measurement: 'duckdb load (read_csv)',
      ...size,
      seconds: round(loadSeconds),
    });
    const queries = {
      duckdbFifthB: `CREATE OR REPLACE TABLE fifth_b AS
        SELECT pupil, day AS fifth_b_day FROM (
          SELECT pupil, day, row_number() OVER (PARTITION BY pupil ORDER BY day, half) AS n
          FROM register WHERE code = ${codeB}) WHERE n = 5`,
      duckdbZWindow91: `CREATE OR REPLACE TABLE z_window AS
        SELECT pupil, max(in_window) AS most_z_in_91_days FROM (
          SELECT pupil, count(*) OVER (PARTITION BY pupil ORDER BY day
                                      RANGE BETWEEN 90 PRECEDING AND CURRENT ROW) AS in_window
          FROM register WHERE code IN (${codesZ.join(', ')})) GROUP BY pupil`,
    };
    const timings: Record<string, number> = {
      duckdbWriteCsv: round(writeSeconds),
      duckdbLoad: round(loadSeconds),
    };
    for (const [name, sql] of Object.entries(queries)) {
      await connection.run(sql); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await secondsAsync(() => connection.run(sql)));
      timings[name] = round(Math.min(...runs));
      report({
        benchmark: 'signals-engine',
        measurement: `${name} (best of ${RUNS}, ${threads} threads)`,
        ...size,
        seconds: timings[name],
      });
    }
    // The same window query on one thread, as the engine runs: the per-thread comparison.
    await connection.run('SET threads = 1');
    await connection.run(queries.duckdbZWindow91);
    const oneThread: number[] = [];
    for (let i = 0; i < RUNS; i++) oneThread.push(await secondsAsync(() => connection.run(queries.duckdbZWindow91)));
    timings.duckdbZWindow91OneThread = round(Math.min(...oneThread));
    report({
      benchmark: 'signals-engine',
      measurement: `duckdbZWindow91 (best of ${RUNS}, 1 thread)`,
      ...size,
      seconds: timings.duckdbZWindow91OneThread,
    });
    const counts = await connection.runAndReadAll(
      'SELECT (SELECT count(*) FROM fifth_b), (SELECT count(*) FROM z_window WHERE most_z_in_91_days >= 10)',
    );
    const [fifthB, zWindow] = counts.getRows()[0] ?? [];
    connection.closeSync();
    instance.closeSync();
    return {
      seconds: timings,
      info: {
        version: (await import('@duckdb/node-api')).version(),
        threads,
        pupilsWithFifthB: Number(fifthB),
        pupilsWithTenZIn91Days: Number(zWindow),
      },
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function writeRegisterCsv(file: string, input: EngineInput, pupilOfRow: Int32Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let buffer = 'pupil,day,half,code\n';
    for (let i = 0; i < pupilOfRow.length; i++) {
      const slot = input.rowSlot[i] as number;
      buffer += `${pupilOfRow[i]},${slot >> 1},${slot & 1},${input.rowCode[i]}\n`;
      if (buffer.length > 1 << 22) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
  } finally {
    await handle.close();
  }
}

const RESULTS_FILE = fileURLToPath(new URL('./results/signals.json', import.meta.url));

/** A size's label in signals.json: "5M" for ~5,000,000 register rows, "20M" for ~20,000,000. */
function sizeLabel(rows: number): string {
  return `${Math.round(rows / 1_000_000)}M`;
}

/**
 * Merges one size's summary into bench/results/signals.json, so running the sizes one by one still yields one
 * object: machine, per-size data sizes, engine seconds, DuckDB seconds of both queries, and the ratios.
 */
export function recordSignalsResults(summary: Record<string, unknown>): Record<string, unknown> {
  let previous: Record<string, unknown> = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
    } catch {
      previous = {};
    }
  }
  const sizes = summary.sizes as { rows: number; pupils: number };
  const seconds = summary.seconds as Record<string, number | null>;
  const label = sizeLabel(sizes.rows);
  const entry = {
    sizes: summary.sizes,
    engineSeconds: seconds.engine,
    engineMedianSeconds: seconds.engineMedian,
    engineRuns: seconds.engineRuns,
    engineFreshMemorySeconds: seconds.engineFreshMemory,
    affectedPupils1000Seconds: seconds.affectedPupils1000,
    materialiseAllSignalsSeconds: seconds.materialiseAllSignals,
    duckdbSeconds:
      seconds.duckdbFifthB === undefined
        ? null
        : {
            fifthB: seconds.duckdbFifthB,
            zWindow91: seconds.duckdbZWindow91,
            zWindow91OneThread: seconds.duckdbZWindow91OneThread,
            threads: (summary.duckdb as { threads?: number }).threads,
          },
    ratios: summary.ratios,
    signalsPerRule: summary.signalsPerRule,
    measuredAt: (summary.machine as { date: string }).date,
  };
  const bySize = { ...((previous.bySize as Record<string, unknown> | undefined) ?? {}), [label]: entry };
  const engineSeconds: Record<string, unknown> = {};
  const duckdbSeconds: Record<string, unknown> = {};
  const ratios: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(bySize)) {
    const e = value as typeof entry;
    engineSeconds[key] = e.engineSeconds;
    duckdbSeconds[key] = e.duckdbSeconds;
    ratios[key] = e.ratios;
  }
  const results = {
    benchmark: 'signals-engine',
    description: `whole vlaanderen catalog, evaluateTable, one thread, best of ${RUNS} after a warm-up, output memory reused (engineFreshMemory: one run into fresh memory); DuckDB: 5th B per pupil and most Z/D half-days in any 91-day window per pupil, best of ${RUNS}`,
    machine: summary.machine,
    asOf: summary.asOf,
    targets: { '5M': 0.3, '20M': 1.5 },
    engineSeconds,
    duckdbSeconds,
    ratios,
    bySize,
  };
  writeResults('signals', results);
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const pupilsOption = option('--pupils');
  const sizes = pupilsOption ? [Number(pupilsOption)] : [300_000, 1_200_000];
  const halfDaysOption = option('--half-days');
  for (const pupils of sizes) {
    const summary = await benchSignalsEngine({
      pupils,
      halfDays: halfDaysOption ? Number(halfDaysOption) : undefined,
      duckdb: !args.includes('--no-duckdb'),
      onMeasurement: (m) => console.log(JSON.stringify(m)),
    });
    console.log(JSON.stringify({ measurement: 'summary', ...summary }));
    recordSignalsResults(summary);
    const out = option('--out');
    if (out) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
