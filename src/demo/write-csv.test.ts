// Tests for the CSV writers: canonical headers and columns, escaping, and streaming to files.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../domain/csv.ts';
import { generateDemo } from './generate-demo.ts';
import {
  PUPILS_CSV_HEADER,
  pupilRowsForYear,
  pupilsCsvLines,
  REGISTER_CSV_HEADER,
  registerCsvLines,
  toAsyncLines,
  writeLines,
  writeSchoolCsv,
} from './write-csv.ts';

const directories: string[] = [];
async function temporaryDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aanwezig-demo-'));
  directories.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of directories) await rm(dir, { recursive: true, force: true });
});

const demo = generateDemo();
const secondary = demo.schools[1];
if (!secondary) throw new Error('demo without a secondary school');

describe('csv lines', () => {
  it('quotes only fields that need it', () => {
    expect(csvField("D'Hondt")).toBe("D'Hondt");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes pupils.csv with the canonical columns for one school year', () => {
    const lines = [...pupilsCsvLines(pupilRowsForYear(secondary, '2025-2026'))];
    expect(lines[0]).toBe(
      'pupil_id,first_name,last_name,birth_date,school_id,level,grade,class,enrolled_from,enrolled_until,excluded_on\n',
    );
    expect(lines[0]).toBe(`${PUPILS_CSV_HEADER}\n`);
    const enrolled = secondary.pupils.filter((p) => p.enrolments.some((e) => e.schoolYear === '2025-2026'));
    expect(lines).toHaveLength(enrolled.length + 1);
    const excluded = lines.find((l) => l.startsWith(`${demo.personas.excluded.pupilId},`));
    expect(excluded?.trimEnd().split(',')).toEqual([
      demo.personas.excluded.pupilId,
      expect.any(String),
      expect.any(String),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      secondary.institutionNumber,
      'secundair',
      '3',
      '3BSO-A',
      '2025-09-01',
      '',
      '2026-02-10',
    ]);
    for (const line of lines) expect(line.endsWith('\n') && line.split('\n').length === 2).toBe(true);
  });

  it('writes register.csv with one line per row', () => {
    const lines = [...registerCsvLines(secondary.register)];
    expect(lines[0]).toBe(`${REGISTER_CSV_HEADER}\n`);
    expect(lines).toHaveLength(secondary.register.length + 1);
    const first = secondary.register[0];
    expect(lines[1]).toBe(`${first?.pupilId},${first?.date},${first?.half},${first?.code},${first?.note ?? ''}\n`);
  });
});

describe('writing files', () => {
  it('writes a school as pupils.csv and register.csv', async () => {
    const dir = await temporaryDirectory();
    const written = await writeSchoolCsv(secondary, { dir, schoolYear: '2025-2026' });
    const pupils = await readFile(written.pupilsPath, 'utf8');
    const register = await readFile(written.registerPath, 'utf8');
    expect(pupils).toBe([...pupilsCsvLines(pupilRowsForYear(secondary, '2025-2026'))].join(''));
    expect(register).toBe([...registerCsvLines(secondary.register)].join(''));
    expect(written.registerRows).toBe(secondary.register.length);
    expect(register).toContain(',2024-'); // the previous year is included for the prior-year rules
  });

  it('can limit the register to some school years', async () => {
    const dir = await temporaryDirectory();
    const written = await writeSchoolCsv(secondary, { dir, registerSchoolYears: ['2025-2026'] });
    const register = await readFile(written.registerPath, 'utf8');
    expect(register).not.toMatch(/,2025-0[1-8]-|,2024-/);
    expect(written.registerRows).toBeGreaterThan(1000);
  });

  it('streams many lines from a sync or async iterable without holding them', async () => {
    const dir = await temporaryDirectory();
    function* many() {
      for (let i = 0; i < 200_000; i++) yield `${i},2025-10-06,AM,Z,\n`;
    }
    const path = join(dir, 'many.csv');
    expect(await writeLines(path, many())).toBe(200_000);
    const text = await readFile(path, 'utf8');
    expect(text.length).toBe([...many()].join('').length);
    const asyncPath = join(dir, 'async.csv');
    expect(await writeLines(asyncPath, toAsyncLines(many()))).toBe(200_000);
    expect(await readFile(asyncPath, 'utf8')).toBe(text);
  });

  it('feeds Readable.from for callers that stream elsewhere', async () => {
    const chunks: string[] = [];
    for await (const chunk of Readable.from(registerCsvLines(secondary.register.slice(0, 3)))) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeLines('/nonexistent-dir/x.csv', ['a\n'])).rejects.toThrow();
  });
});
