// The streamed `signals` output against the engine's own output on the same input, and the byte-level reader
// against the spellings the import path accepts.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import type { DemoRegisterRow } from '../demo/register-marks.ts';
import { type PupilCsvRow, pupilRowsForYear, pupilsCsvLines, registerCsvLines } from '../demo/write-csv.ts';
import { expandPreset } from '../domain/calendar.ts';
import { CALENDAR_PRESETS } from '../domain/calendar-presets.ts';
import { formatBelgianDate } from '../domain/half-day.ts';
import { buildEngineInput, evaluate, findCatalog, type PupilRecord } from '../domain/rules/index.ts';
import { runSignals } from './signals-command.ts';

const demo = generateDemo({ seed: 2025 });
const secondary = demo.schools.find((s) => s.calendarLevel === 'secundair');
if (!secondary) throw new Error('no secondary demo school');
const AS_OF = '2026-03-01';

describe('aanwezig signals, streamed', () => {
  const dir = tempDir();
  let pupilRows: PupilCsvRow[];
  let registerRows: DemoRegisterRow[];
  let pupils: string;
  let register: string;

  beforeAll(() => {
    pupilRows = [...pupilRowsForYear(secondary, '2025-2026')];
    const ids = new Set(pupilRows.map((r) => r.pupilId));
    registerRows = secondary.register.filter((r) => ids.has(r.pupilId));
    pupils = writeTemp(dir, 'pupils.csv', [...pupilsCsvLines(pupilRows)].join(''));
    register = writeTemp(dir, 'register.csv', [...registerCsvLines(registerRows)].join(''));
  });

  const options = (overrides: Record<string, string> = {}) => ({
    pupils,
    register,
    calendarPreset: 'vlaanderen-secundair',
    asOf: AS_OF,
    rules: 'vlaanderen',
    format: 'json',
    ...overrides,
  });

  /** The engine on plain records, materialised and serialised in one piece: what the CLI printed before. */
  function engineDocument(): { asOf: string; rules: string; signals: unknown[] } {
    const signals = engineSignals();
    return {
      asOf: AS_OF,
      rules: 'vlaanderen',
      signals: signals.map(({ pupilId, ruleId, triggeredOn, evidence }) => ({
        pupilId,
        ruleId,
        triggeredOn,
        evidence,
      })),
    };
  }

  function engineSignals() {
    const catalog = findCatalog('vlaanderen');
    if (!catalog) throw new Error('no vlaanderen catalog');
    const records: PupilRecord[] = pupilRows.map((p) => ({
      pupilId: p.pupilId,
      calendarId: 'secundair',
      birthDate: p.birthDate,
      level: p.level,
      enrolledFrom: p.enrolledFrom || '2025-09-01',
      enrolledUntil: p.enrolledUntil,
      excludedOn: p.excludedOn,
    }));
    const halfDays = CALENDAR_PRESETS.filter((p) => p.level === 'secundair').flatMap(expandPreset);
    return evaluate(
      buildEngineInput({ pupils: records, register: registerRows, calendars: [{ id: 'secundair', halfDays }] }),
      catalog,
      AS_OF,
    );
  }

  it('prints byte for byte the document JSON.stringify gives for the engine output on the same input', async () => {
    const result = await runSignals(options());
    expect(result.exitCode).toBe(0);
    const expected = engineDocument();
    expect(expected.signals.length).toBeGreaterThan(10);
    expect(expected.signals.some((s) => !Array.isArray((s as { evidence: unknown }).evidence))).toBe(true);
    expect(result.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('--format ndjson prints the same signals, one compact JSON object per line', async () => {
    const result = await runSignals(options({ format: 'ndjson' }));
    expect(result.exitCode).toBe(0);
    const expected = engineDocument().signals.map((s) => JSON.stringify(s));
    expect(result.stdout).toBe(`${expected.join('\n')}\n`);
  });

  it('--format table prints one line per signal with its English sentence', async () => {
    const result = await runSignals(options({ format: 'table' }));
    expect(result.exitCode).toBe(0);
    const lines = engineSignals().map((s) => [s.pupilId, s.ruleId, s.triggeredOn, s.explanation.en].join('\t'));
    expect(result.stdout).toBe(`${['pupil\trule\ttriggered on\texplanation', ...lines].join('\n')}\n`);
  });

  it('no signals: an empty list in one JSON document', async () => {
    const empty = writeTemp(dir, 'empty-register.csv', 'pupil_id,date,half,code\n');
    const result = await runSignals(options({ register: empty, asOf: '2025-09-02' }));
    expect(result.exitCode).toBe(0);
    const expected = { asOf: '2025-09-02', rules: 'vlaanderen', signals: [] };
    expect(result.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('reads the register however it is spelled: BOM, semicolons, CRLF, quotes, blank lines, Belgian dates, VM/NM, lower case, shuffled, repeated', async () => {
    const clean = (await runSignals(options())).stdout;
    // A deterministic shuffle (the CLI sorts by pupil and half-day itself).
    const shuffled = registerRows.map((r, i) => ({ r, key: (i * 7919) % 10007 })).sort((a, b) => a.key - b.key);
    const lines = shuffled.map(({ r }, i) => {
      const date = i % 3 === 0 ? formatBelgianDate(r.date) : r.date;
      const half = i % 4 === 0 ? (r.half === 'AM' ? 'vm' : 'nm') : r.half;
      const code = i % 5 === 0 ? r.code.toLowerCase() : r.code;
      const id = i % 6 === 0 ? `"${r.pupilId}"` : ` ${r.pupilId} `;
      return `${id};${date};${half};${code};"a note; with ""quotes""\nover two lines"`;
    });
    // One repeat of an existing row with the same code, and blank lines.
    lines.splice(10, 0, lines[3] as string, '', ' ; ; ; ;');
    const messy = writeTemp(dir, 'messy.csv', `\uFEFFPupil_ID;Date;Half;Code;Note\r\n${lines.join('\r\n')}\r\n`);
    const result = await runSignals(options({ register: messy }));
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toBe(clean);
  });

  it('reads XLSX files through the import reader, with the same output as the CSV files', async () => {
    const toXlsx = async (csv: string, name: string) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('data');
      for (const line of csv.trimEnd().split('\n')) sheet.addRow(line.split(','));
      const path = writeTemp(dir, name, '');
      await workbook.xlsx.writeFile(path);
      return path;
    };
    const few = registerRows.slice(0, 400);
    const register = [...registerCsvLines(few)].join('').replace(/,[^,\n]*$/gm, ''); // without the note column
    const csv = await runSignals(options({ register: writeTemp(dir, 'few.csv', register) }));
    const xlsx = await runSignals(
      options({
        pupils: await toXlsx([...pupilsCsvLines(pupilRows)].join(''), 'pupils.xlsx'),
        register: await toXlsx(register, 'few.xlsx'),
      }),
    );
    expect(csv.exitCode).toBe(0);
    expect(JSON.parse(csv.stdout).signals.length).toBeGreaterThan(0);
    expect(xlsx.stderr).toEqual([]);
    expect(xlsx.stdout).toBe(csv.stdout);
  });

  it('names the rows of a half-day registered twice with different codes, in file order, and prints nothing', async () => {
    const first = registerRows[0] as DemoRegisterRow;
    const other = first.code === 'Z' ? 'B' : 'Z';
    const text = [
      'pupil_id,date,half,code',
      `${first.pupilId},${first.date},${first.half},${first.code}`,
      `${first.pupilId},2025-09-06,AM,Z`,
      `${first.pupilId},${first.date},${first.half},${other}`,
      `${first.pupilId},${first.date},${first.half},${first.code}`,
      'NOBODY,2025-09-15,AM,Q',
      '"unterminated',
    ].join('\n');
    const result = await runSignals(options({ register: writeTemp(dir, 'conflict.csv', text) }));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toEqual([
      expect.stringMatching(/row 3, column date: 2025-09-06 AM is not a school half-day/),
      expect.stringMatching(/row 4, column code: same pupil and half-day as row 2 with another code/),
      expect.stringMatching(/row 6, column pupil_id: pupil "NOBODY" is not in the pupils file/),
      expect.stringMatching(/row 6, column code: "Q" is not a known absence code/),
      expect.stringMatching(/conflict\.csv: row -, column -: row 7: Quoted field unterminated$/),
    ]);
  });
});
