// The ahead-of-time build of `aanwezig signals` (npm run build:cli) prints what the sources print, and
// bin/aanwezig.mjs runs it only while it is up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { pupilRowsForYear, pupilsCsvLines, registerCsvLines } from '../demo/write-csv.ts';
import { runSignals } from './signals-command.ts';

const demo = generateDemo({ seed: 2025 });
const secondary = demo.schools.find((s) => s.calendarLevel === 'secundair');
if (!secondary) throw new Error('no secondary demo school');

describe('aanwezig signals, built ahead of time', () => {
  const dir = tempDir();
  let args: string[];

  beforeAll(() => {
    const rows = [...pupilRowsForYear(secondary, '2025-2026')];
    const ids = new Set(rows.map((r) => r.pupilId));
    const pupils = writeTemp(dir, 'pupils.csv', [...pupilsCsvLines(rows)].join(''));
    const register = writeTemp(
      dir,
      'register.csv',
      [...registerCsvLines(secondary.register.filter((r) => ids.has(r.pupilId)))].join(''),
    );
    args = ['signals', '--pupils', pupils, '--register', register, '--calendar-preset', 'vlaanderen-secundair'];
    const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  });

  it('lists its sources and prints, as JSON and NDJSON, what the sources print', async () => {
    const { inputs } = JSON.parse(readFileSync('dist/cli/meta.json', 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('src/cli/signals-command.ts');
    expect(inputs.every((input) => existsSync(input))).toBe(true);
    for (const format of ['json', 'ndjson']) {
      const built = spawnSync(
        process.execPath,
        ['dist/cli/signals-main.js', ...args, '--as-of', '2026-03-01', '--format', format],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        },
      );
      expect(built.status, built.stderr).toBe(0);
      const [pupils, register] = [args[2] as string, args[4] as string];
      const sources = await runSignals({
        pupils,
        register,
        calendarPreset: 'vlaanderen-secundair',
        asOf: '2026-03-01',
        rules: 'vlaanderen',
        format,
      });
      expect(built.stdout).toBe(sources.stdout);
    }
  });

  it('refuses invalid usage and input as the whole command line does', () => {
    for (const command of [join('dist', 'cli', 'signals-main.js'), join('bin', 'aanwezig.mjs')]) {
      const noDate = spawnSync(process.execPath, [command, ...args], { encoding: 'utf8' });
      expect(noDate.status).toBe(2);
      expect(noDate.stderr).toContain("required option '--as-of <date>' not specified");
      const badDate = spawnSync(process.execPath, [command, ...args, '--as-of', '2026-3-1'], { encoding: 'utf8' });
      expect(badDate.status).toBe(2);
      expect(badDate.stdout).toBe('');
      expect(badDate.stderr).toMatch(/--as-of must be a date/);
    }
  });
});
