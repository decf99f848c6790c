// `npm run bench -- NAME [--rows N]`: runs one benchmark (or all) and writes bench/results/NAME.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchAttention } from './attention.ts';
import { benchAttentionLoad } from './attention-load.ts';
import { benchFile } from './file.ts';
import { benchImport } from './import.ts';
import { benchMonitor } from './monitor.ts';
import { writeResults } from './results.ts';
import { benchSignalsIncremental } from './signals-incremental.ts';

const [name = 'all', ...rest] = process.argv.slice(2);
const option = (flag: string, fallback: number) => {
  const i = rest.indexOf(flag);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};

const benchmarks: Record<string, () => Promise<unknown>> = {
  attention: () => benchAttention({ pupils: option('--pupils', 2000), rows: option('--rows', 120_000) }),
  'attention-load': () =>
    benchAttentionLoad({
      pupils: option('--pupils', 2000),
      rows: option('--rows', 120_000),
      seconds: option('--seconds', 20),
      workers: option('--workers', 0),
    }),
  file: () => benchFile({ entries: option('--entries', 5_000), runs: option('--runs', 100) }),
  import: () => benchImport({ rows: option('--rows', 1_000_000), pupils: option('--pupils', 20_000) }),
  monitor: () => benchMonitor({ pupils: option('--pupils', 1_200_000) }),
  // `aanwezig signals` end to end against DuckDB on the same CSV files; each size in its own process.
  cli: async () => {
    const script = fileURLToPath(new URL('./signals-cli.ts', import.meta.url));
    const sizes = rest.includes('--pupils') ? [option('--pupils', 300_000)] : [300_000, 1_200_000];
    for (const pupils of sizes) {
      const args = [...process.execArgv, script, '--pupils', String(pupils)];
      if (rest.includes('--runs')) args.push('--runs', String(option('--runs', 3)));
      const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`signals-cli --pupils ${pupils} failed (exit ${child.status})`);
    }
  },
  // (a) the whole catalog over 300,000 and 1,200,000 pupils, (b) DuckDB on the same data, (c) incremental recompute.
  // Each size runs in its own process (as benchmark harnesses fork per benchmark): in one process the larger
  // size ran ~35 % slower after the smaller one and its DuckDB database had filled the heap and the caches.
  signals: async () => {
    const script = fileURLToPath(new URL('./signals-engine.ts', import.meta.url));
    for (const pupils of [300_000, 1_200_000]) {
      const child = spawnSync(process.execPath, [...process.execArgv, script, '--pupils', String(pupils)], {
        stdio: 'inherit',
      });
      if (child.status !== 0) throw new Error(`signals-engine --pupils ${pupils} failed (exit ${child.status})`);
    }
    const incremental = await benchSignalsIncremental({ pupils: 2000 });
    const file = fileURLToPath(new URL('./results/signals.json', import.meta.url));
    const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return writeResults('signals', { ...results, incremental });
  },
};

const selected = name === 'all' ? Object.keys(benchmarks) : [name];
for (const key of selected) {
  const run = benchmarks[key];
  if (!run) {
    console.error(`Unknown benchmark "${key}". Choose one of: ${Object.keys(benchmarks).join(', ')}, all.`);
    process.exit(2);
  }
  await run();
}
process.exit(0);
