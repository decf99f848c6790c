// The register's fast path (lines in the usual shape read straight from the bytes) against the row-by-row reading,
// and the CSV reader's own UTF-8 check against the import path's verdict on other encodings.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import type { DemoRegisterRow } from '../demo/register-marks.ts';
import { type PupilCsvRow, pupilRowsForYear, pupilsCsvLines } from '../demo/write-csv.ts';
import { formatBelgianDate } from '../domain/half-day.ts';
import { runSignals } from './signals-command.ts';

const demo = generateDemo({ seed: 2025 });
const secondary = demo.schools.find((s) => s.calendarLevel === 'secundair');
if (!secondary) throw new Error('no secondary demo school');

describe('aanwezig signals: the fast path reads what the row-by-row reading reads', () => {
  const dir = tempDir();
  let pupilRows: PupilCsvRow[];
  let registerRows: DemoRegisterRow[];
  let pupils: string;

  beforeAll(() => {
    pupilRows = [...pupilRowsForYear(secondary, '2025-2026')];
    const ids = new Set(pupilRows.map((r) => r.pupilId));
    registerRows = secondary.register.filter((r) => ids.has(r.pupilId));
    pupils = writeTemp(dir, 'pupils.csv', [...pupilsCsvLines(pupilRows)].join(''));
  });

  /** The command's output, with the register's path in its problems spelled `register.csv`. */
  const run = async (register: string, pupilsFile = pupils) => {
    const result = await runSignals({
      pupils: pupilsFile,
      register,
      calendarPreset: 'vlaanderen-secundair',
      asOf: '2026-03-01',
      rules: 'vlaanderen',
      format: 'json',
    });
    return { ...result, stderr: result.stderr.map((line) => line.replaceAll(register, 'register.csv')) };
  };

  /**
   * The register as lines, each as given or, when `slow(i)`, with its note quoted: a line the fast path always
   * leaves to the row-by-row reading (lines without all five fields and blank lines stay as they are).
   */
  function register(
    name: string,
    lines: string[],
    slow: (i: number) => boolean,
    header = 'pupil_id,date,half,code,note',
  ) {
    const quote = (line: string) =>
      line.split(',').length === 5 && line.replace(/[\s,]/g, '') !== '' ? line.replace(/,[^,]*$/, ',"quoted"') : line;
    const text = lines.map((line, i) => (slow(i) ? quote(line) : line));
    return writeTemp(dir, name, `${header}\n${text.join('\n')}\n`);
  }

  it('a register in the usual shape, mixed with lines the fast path declines, reads as the slow reading does', async () => {
    // Belgian dates, VM/NM, lower case, blanks around values, CRLF, a repeated line and blank lines: the fast path
    // takes the usual ones and leaves the rest to the row-by-row reading.
    const lines = registerRows.map((r, i) => {
      const date = i % 7 === 3 ? formatBelgianDate(r.date) : r.date;
      const half = i % 11 === 5 ? (r.half === 'AM' ? 'vm' : 'Nm') : r.half;
      const code = i % 13 === 2 ? r.code.toLowerCase() : r.code;
      const id = i % 17 === 9 ? ` ${r.pupilId}` : r.pupilId;
      const note = i % 19 === 4 ? 'ziek\r' : '';
      return `${id},${date},${half},${code},${note}`;
    });
    lines.splice(40, 0, lines[39] as string, ' , , , ,', '');
    const slowly = await run(register('slow.csv', lines, () => true));
    expect(slowly.exitCode).toBe(0);
    expect(JSON.parse(slowly.stdout).signals.length).toBeGreaterThan(10);
    const mixed = await run(register('mixed.csv', lines, (i) => i % 3 === 0));
    const fast = await run(register('fast.csv', lines, () => false));
    expect(mixed).toEqual(slowly);
    expect(fast).toEqual(slowly);
  });

  it('problems are reported by file, row and column whichever path read the rows around them', async () => {
    const first = registerRows[0] as DemoRegisterRow;
    const lines = registerRows.slice(0, 300).map((r) => `${r.pupilId},${r.date},${r.half},${r.code},`);
    lines.splice(10, 0, `NOBODY,${first.date},AM,Z,`);
    lines.splice(20, 0, `${first.pupilId},2025-09-06,AM,Z,`);
    lines.splice(30, 0, `${first.pupilId},2025-09-1,AM,Z,`);
    lines.splice(40, 0, `${first.pupilId},${first.date},XM,Z,`);
    lines.splice(50, 0, `${first.pupilId},${first.date},AM,QQ,`);
    lines.splice(60, 0, `${first.pupilId},${first.date},AM`);
    lines.splice(70, 0, `${first.pupilId},${first.date},${first.half},${first.code === 'Z' ? 'B' : 'Z'},`);
    const slowly = await run(register('bad-slow.csv', lines, () => true));
    expect(slowly.exitCode).toBe(2);
    expect(slowly.stderr.length).toBeGreaterThanOrEqual(7);
    const fast = await run(register('bad-fast.csv', lines, () => false));
    expect(fast).toEqual(slowly);
  });

  it('columns in another order, another delimiter and extra columns', async () => {
    const lines = registerRows.map((r) => `${r.code};x;${r.half};${r.date};${r.pupilId}`);
    const header = 'code;extra;half;date;pupil_id';
    const slowly = await run(
      register(
        'order-slow.csv',
        lines.map((l) => `${l};"n"`),
        () => false,
        `${header};note`,
      ),
    );
    const fast = await run(register('order-fast.csv', lines, () => false, header));
    expect(fast.exitCode).toBe(0);
    expect(fast).toEqual(slowly);
    const canonical = registerRows.map((r) => `${r.pupilId},${r.date},${r.half},${r.code},`);
    expect(fast.stdout).toBe((await run(register('canonical.csv', canonical, () => false))).stdout);
  });

  it('pupils in any order read as sorted pupils; a repeated pupil is reported in either order', async () => {
    const registerFile = register(
      'for-pupils.csv',
      registerRows.map((r) => `${r.pupilId},${r.date},${r.half},${r.code},`),
      () => false,
    );
    const sorted = [...pupilRows].sort((a, b) => (a.pupilId < b.pupilId ? -1 : a.pupilId > b.pupilId ? 1 : 0));
    const inOrder = await run(registerFile, writeTemp(dir, 'pupils-sorted.csv', [...pupilsCsvLines(sorted)].join('')));
    const reversed = [...sorted].reverse();
    const outOfOrder = await run(
      registerFile,
      writeTemp(dir, 'pupils-rev.csv', [...pupilsCsvLines(reversed)].join('')),
    );
    expect(inOrder.exitCode).toBe(0);
    expect(outOfOrder).toEqual(inOrder);
    for (const [name, rows] of [
      ['pupils-repeat-sorted.csv', [...sorted, sorted[3] as PupilCsvRow]],
      ['pupils-repeat-rev.csv', [...reversed, sorted[3] as PupilCsvRow]],
    ] as const) {
      const repeated = await run(registerFile, writeTemp(dir, name, [...pupilsCsvLines(rows)].join('')));
      expect(repeated.exitCode).toBe(2);
      expect(repeated.stderr).toEqual([
        expect.stringMatching(
          new RegExp(`row ${rows.length + 1}, column pupil_id: pupil "${sorted[3]?.pupilId}" occurs more than once`),
        ),
      ]);
    }
  });

  it('a pupils file in Windows-1252 reads as its UTF-8 spelling; UTF-16 is refused', async () => {
    const [first, ...others] = pupilRows as [PupilCsvRow, ...PupilCsvRow[]];
    const text = [...pupilsCsvLines([{ ...first, firstName: 'Zoë' }, ...others])].join('');
    const registerFile = register(
      'plain.csv',
      registerRows.map((r) => `${r.pupilId},${r.date},${r.half},${r.code},`),
      () => false,
    );
    const utf8 = await run(registerFile, writeTemp(dir, 'pupils-utf8.csv', text));
    const latin = await run(registerFile, writeTemp(dir, 'pupils-1252.csv', Buffer.from(text, 'latin1')));
    expect(utf8.exitCode).toBe(0);
    expect(latin).toEqual(utf8);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const refused = await run(registerFile, writeTemp(dir, 'pupils-utf16.csv', utf16));
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr.join('\n')).toMatch(/UTF-16/);
  });
});
