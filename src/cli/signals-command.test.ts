import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { pupilRowsForYear, pupilsCsvLines, registerCsvLines } from '../demo/write-csv.ts';
import { runSignals } from './signals-command.ts';

const demo = generateDemo({ seed: 2025 });
const secondary = demo.schools.find((s) => s.calendarLevel === 'secundair');
if (!secondary) throw new Error('no secondary demo school');

describe('aanwezig signals', () => {
  const dir = tempDir();
  let pupils: string;
  let register: string;

  beforeAll(() => {
    const rows = [...pupilRowsForYear(secondary, '2025-2026')];
    const ids = new Set(rows.map((r) => r.pupilId));
    pupils = writeTemp(dir, 'pupils.csv', [...pupilsCsvLines(rows)].join(''));
    register = writeTemp(
      dir,
      'register.csv',
      [...registerCsvLines(secondary.register.filter((r) => ids.has(r.pupilId)))].join(''),
    );
  });

  const base = () => ({
    pupils,
    register,
    calendarPreset: 'vlaanderen-secundair',
    asOf: '2026-03-01',
    rules: 'vlaanderen',
    format: 'json',
  });

  it('prints one JSON document with the contract fields, sorted by pupil and rule', async () => {
    const result = await runSignals(base());
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.asOf).toBe('2026-03-01');
    expect(document.rules).toBe('vlaanderen');
    const keys = document.signals.map((s: { pupilId: string; ruleId: string }) => `${s.pupilId}|${s.ruleId}`);
    expect(keys).toEqual([...keys].sort());
    for (const s of document.signals) expect(Object.keys(s)).toEqual(['pupilId', 'ruleId', 'triggeredOn', 'evidence']);
    // The truant of the demo has the legal B5_CLB signal with five B half-days as evidence.
    const truant = demo.personas.truant.pupilId;
    const b5 = document.signals.find(
      (s: { pupilId: string; ruleId: string }) => s.pupilId === truant && s.ruleId === 'B5_CLB',
    );
    expect(b5.evidence).toHaveLength(5);
    expect(b5.evidence.every((e: { code: string }) => e.code === 'B')).toBe(true);
    expect(b5.triggeredOn).toBe(b5.evidence[4].date);
    // Only register rows up to --as-of count.
    for (const s of document.signals) expect(s.triggeredOn <= '2026-03-01').toBe(true);
  });

  it('a previous-year rule reads the earlier school year in the register', async () => {
    const document = JSON.parse((await runSignals(base())).stdout);
    const pupil = demo.personas.b30TwoYears.pupilId;
    const rules = document.signals
      .filter((s: { pupilId: string }) => s.pupilId === pupil)
      .map((s: { ruleId: string }) => s.ruleId);
    expect(rules).toContain('PRIOR_YEAR');
  });

  it('invalid input: exit 2, every problem on stderr, nothing on stdout', async () => {
    const bad = writeTemp(
      dir,
      'bad-register.csv',
      'pupil_id,date,half,code\nNOBODY,2025-09-15,AM,B\n20428,2025-09-17,PM,B\n20428,2025-09-18,AM,Q\n',
    );
    const result = await runSignals({ ...base(), register: bad, asOf: '2026-3-1' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toHaveLength(4);
    expect(result.stderr.join('\n')).toMatch(/as-of/);
    expect(result.stderr.join('\n')).toMatch(/row 2, column pupil_id/);
    expect(result.stderr.join('\n')).toMatch(/row 3, column date: .*not a school half-day/);
    expect(result.stderr.join('\n')).toMatch(/row 4, column code/);
  });

  it('the real command exits 2 on invalid input and prints JSON on valid input', () => {
    const bin = join(process.cwd(), 'bin/aanwezig.mjs');
    const bad = spawnSync(
      process.execPath,
      [
        bin,
        'signals',
        '--pupils',
        pupils,
        '--register',
        join(dir, 'missing.csv'),
        '--calendar-preset',
        'vlaanderen-secundair',
        '--as-of',
        '2026-03-01',
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('missing.csv');
    const good = spawnSync(
      process.execPath,
      [
        bin,
        'signals',
        '--pupils',
        pupils,
        '--register',
        register,
        '--calendar-preset',
        'vlaanderen-secundair-2025-2026',
        '--as-of',
        '2026-03-01',
        '--format',
        'json',
      ],
      { encoding: 'utf8' },
    );
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).signals.length).toBeGreaterThan(10);
  });
});
