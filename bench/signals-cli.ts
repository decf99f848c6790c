// End-to-end benchmark of `aanwezig signals` against DuckDB reading the same two CSV files.
// Run: `npm run bench -- cli [--pupils 300000] [--runs 3]` or `npx tsx bench/signals-cli.ts --pupils N`.
// Generates pupils.csv and register.csv with src/demo/generate-large.ts, runs the real command as a child process
// (bin/aanwezig.mjs, which runs the ahead-of-time build of `npm run build:cli` as an installed copy does; output to
// /dev/null, wall time and peak RSS from /usr/bin/time -v, phase times from --timings), then DuckDB in another child
// process: read_csv of both files and the two questions of the engine benchmark (the 5th B of each pupil, the most
// Z/D half-days in any 91-day window), bundled the same way so that neither side transpiles at start-up. Merges its
// summary into bench/results/cli.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeLargeCsv } from '../src/demo/generate-large.ts';
import { machine, writeResults } from './results.ts';

const AS_OF = '2026-06-30';
const root = fileURLToPath(new URL('..', import.meta.url));

interface Measured {
  seconds: number;
  peakRssMb: number;
  stderr: string;
}

/** Runs a command under /usr/bin/time -v with standard output to /dev/null. */
function timed(command: string, args: string[]): Measured {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  return { seconds, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : -1, stderr: child.stderr };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Builds `aanwezig signals` (npm run build:cli) and the DuckDB side; returns the DuckDB script to run. */
async function buildBoth(): Promise<string> {
  const cli = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'inherit' });
  if (cli.status !== 0) throw new Error('npm run build:cli failed');
  const outdir = join(root, 'dist', 'bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'signals-cli-duckdb.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./signals-cli-duckdb.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

export async function benchSignalsCli(options: { pupils: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'aanwezig-bench-cli-'));
  try {
    const duckdbScript = await buildBoth();
    const generateStarted = performance.now();
    const written = await writeLargeCsv({ pupils: options.pupils, dir });
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    const pupils = join(dir, 'pupils.csv');
    const register = join(dir, 'register.csv');
    const size = {
      pupils: written.pupilRows,
      registerRows: written.registerRows,
      pupilsCsvMb: Math.round(statSync(pupils).size / 2 ** 20),
      registerCsvMb: Math.round(statSync(register).size / 2 ** 20),
    };
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'signals-cli', generated: size, seconds: round(generateSeconds) })}\n`,
    );
    const loadBefore = loadavg().map((l) => round(l, 1));
    const cli: (Measured & { timings: unknown })[] = [];
    const duck: (Measured & { result: unknown })[] = [];
    // Alternate the two so that a busy moment on the shared machine does not fall on one side only.
    for (let run = 0; run < options.runs; run++) {
      const c = timed(process.execPath, [
        'bin/aanwezig.mjs',
        'signals',
        '--pupils',
        pupils,
        '--register',
        register,
        '--calendar-preset',
        'vlaanderen-secundair',
        '--as-of',
        AS_OF,
        '--timings',
      ]);
      const line = c.stderr.split('\n').find((l) => l.startsWith('{"timings"'));
      const timings = line ? (JSON.parse(line) as { ran?: string }) : null;
      // bin/aanwezig.mjs falls back to the sources when the build is older than one of them: not what is measured.
      if (timings?.ran !== 'build') throw new Error(`aanwezig signals ran from ${timings?.ran}, not from dist/cli`);
      cli.push({ ...c, timings });
      const d = timed(process.execPath, [duckdbScript, pupils, register]);
      const result = d.stderr.split('\n').find((l) => l.startsWith('{"duckdb"'));
      duck.push({ ...d, result: result ? JSON.parse(result) : null });
      process.stdout.write(
        `${JSON.stringify({
          benchmark: 'signals-cli',
          run,
          pupils: size.pupils,
          cliSeconds: round(c.seconds),
          cliPeakRssMb: c.peakRssMb,
          duckdbSeconds: round(d.seconds),
          duckdbPeakRssMb: d.peakRssMb,
          cliTimings: cli[run]?.timings,
          duckdb: duck[run]?.result,
        })}\n`,
      );
    }
    const loadAfter = loadavg().map((l) => round(l, 1));
    const best = <T extends Measured>(list: T[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const bestCli = best(cli);
    const bestDuck = best(duck);
    return {
      size,
      // The 1-, 5- and 15-minute load averages of the shared 2-core machine before and after the runs.
      loadAverage: { before: loadBefore, after: loadAfter },
      cli: {
        seconds: round(bestCli.seconds),
        runs: cli.map((c) => round(c.seconds)),
        peakRssMb: Math.max(...cli.map((c) => c.peakRssMb)),
        timings: bestCli.timings,
      },
      duckdb: {
        seconds: round(bestDuck.seconds),
        runs: duck.map((d) => round(d.seconds)),
        peakRssMb: Math.max(...duck.map((d) => d.peakRssMb)),
        result: bestDuck.result,
      },
      cliOverDuckdb: round(bestCli.seconds / bestDuck.seconds, 2),
      medianCliOverMedianDuckdb: round(median(cli.map((c) => c.seconds)) / median(duck.map((d) => d.seconds)), 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function option(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pupils = option('--pupils', 300_000);
  const runs = option('--runs', pupils > 500_000 ? 1 : 3);
  const summary = await benchSignalsCli({ pupils, runs });
  const file = fileURLToPath(new URL('./results/cli.json', import.meta.url));
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { sizes?: Record<string, unknown> })
    : {};
  writeResults('cli', {
    benchmark: 'signals-cli',
    machine: machine(),
    asOf: AS_OF,
    note:
      'Wall time of the whole command as a child process (bin/aanwezig.mjs running the ahead-of-time build of ' +
      'npm run build:cli: start-up, reading both CSV files, validating, evaluating the whole catalog, writing the ' +
      'JSON document to /dev/null), against a DuckDB child process (bundled the same way) that reads the same two ' +
      'files and answers two of the 19 rules. Best of the runs; peak RSS from /usr/bin/time -v; cliTimings.cpu: CPU ' +
      'seconds per phase (every thread), less affected by other load than the wall times.',
    sizes: { ...(previous.sizes ?? {}), [String(pupils)]: summary },
  });
}
