// `aanwezig signals` reads the optional carried_over_b column of pupils.csv (docs/import.md "School changers"):
// B half-days at a previous school this school year count towards B5_CLB.
import { describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { runSignals } from './signals-command.ts';

describe('aanwezig signals with carried-over B', () => {
  const dir = tempDir();
  const pupils = writeTemp(
    dir,
    'pupils.csv',
    [
      'pupil_id,first_name,last_name,birth_date,level,carried_over_b',
      'P1,Carry,Over,2015-03-15,lager,3',
      'P2,No,Carry,2015-03-15,lager,',
    ].join('\n'),
  );
  const register = writeTemp(
    dir,
    'register.csv',
    [
      'pupil_id,date,half,code',
      'P1,2025-11-17,AM,B',
      'P1,2025-11-18,AM,B',
      'P2,2025-11-17,AM,B',
      'P2,2025-11-18,AM,B',
    ].join('\n'),
  );
  const run = async (pupilsFile: string) =>
    runSignals({
      pupils: pupilsFile,
      register,
      calendarPreset: 'vlaanderen-basis',
      asOf: '2026-01-15',
      rules: 'vlaanderen',
      format: 'json',
    });

  it('3 carried over + 2 new B: B5_CLB on the second new one; without a carried-over count: not', async () => {
    const result = await run(pupils);
    expect(result.exitCode).toBe(0);
    const signals = JSON.parse(result.stdout).signals as { pupilId: string; ruleId: string; triggeredOn: string }[];
    expect(signals.find((s) => s.pupilId === 'P1' && s.ruleId === 'B5_CLB')?.triggeredOn).toBe('2025-11-18');
    expect(signals.some((s) => s.pupilId === 'P2' && s.ruleId === 'B5_CLB')).toBe(false);
  });

  it('refuses a carried-over count that is not a whole number', async () => {
    const bad = writeTemp(
      dir,
      'bad.csv',
      ['pupil_id,first_name,last_name,birth_date,level,carried_over_b', 'P1,Carry,Over,2015-03-15,lager,drie'].join(
        '\n',
      ),
    );
    const result = await run(bad);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.join('\n')).toContain('carried_over_b');
  });
});
