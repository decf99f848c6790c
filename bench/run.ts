// `npm run bench -- NAME [--rows N]`: runs one benchmark (or all) and writes bench/results/NAME.json.
import { benchImport } from './import.ts';

const [name = 'all', ...rest] = process.argv.slice(2);
const option = (flag: string, fallback: number) => {
  const i = rest.indexOf(flag);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};

const benchmarks: Record<string, () => Promise<unknown>> = {
  import: () => benchImport({ rows: option('--rows', 1_000_000), pupils: option('--pupils', 20_000) }),
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
