// The streaming `aanwezig signals` CLI reads `L` (late, present) rows and reports LATE_OFTEN at the boundary of
// the catalog text: 5 late arrivals within 20 school days, not 4 (the engine's own boundaries: late-often.test.ts).
import { describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { runSignals } from './signals-command.ts';

const PUPILS = 'pupil_id,first_name,last_name,birth_date,level,grade,class\nL1,Lena,Laat,2011-02-02,secundair,2,2A\n';
// Monday 5 – Friday 9 January 2026, mornings (school days of the secondary calendar).
const LATE = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'];

describe('aanwezig signals: LATE_OFTEN', () => {
  const dir = tempDir();
  const run = async (dates: readonly string[]) => {
    const register = writeTemp(
      dir,
      `late-${dates.length}.csv`,
      `pupil_id,date,half,code\n${dates.map((d) => `L1,${d},AM,L`).join('\n')}\n`,
    );
    const result = await runSignals({
      pupils: writeTemp(dir, 'pupils.csv', PUPILS),
      register,
      calendarPreset: 'vlaanderen-secundair',
      asOf: '2026-03-01',
      rules: 'vlaanderen',
      format: 'json',
    });
    expect(result.exitCode).toBe(0);
    return JSON.parse(result.stdout).signals as { ruleId: string; triggeredOn: string; evidence: unknown[] }[];
  };

  it('reports the 5th late arrival, with the five as evidence', async () => {
    const late = (await run(LATE)).find((s) => s.ruleId === 'LATE_OFTEN');
    expect(late?.triggeredOn).toBe('2026-01-09');
    expect(late?.evidence).toHaveLength(5);
  });

  it('does not report 4 late arrivals, and no absence rule holds for L', async () => {
    expect(await run(LATE.slice(0, 4))).toEqual([]);
  });
});
