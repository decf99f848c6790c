// Builds pupils and register files for import tests: many rows on real school half-days of 2025-2026.
import { expandPreset } from '../domain/calendar.ts';
import { presetFor } from '../domain/calendar-presets.ts';
import { csvRecord } from '../domain/csv.ts';
import type { HalfDay } from '../domain/half-day.ts';

export function schoolHalfDays2025(): HalfDay[] {
  const preset = presetFor('secundair', '2025-2026');
  if (!preset) throw new Error('preset 2025-2026 missing');
  return expandPreset(preset)
    .filter((h) => h.schoolDay)
    .map(({ date, half }) => ({ date, half }));
}

export function pupilsCsv(count: number): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class'];
  for (let p = 0; p < count; p++)
    lines.push(`L${p},Voornaam${p},Naam${p},2011-02-03,secundair,${(p % 6) + 1},${(p % 6) + 1}A`);
  return `${lines.join('\n')}\n`;
}

export interface RegisterLine {
  pupilId: string;
  date: string;
  half: 'AM' | 'PM';
  code: string;
  note: string;
}

/** `rows` distinct register rows for pupils L0…L(pupils-1), deterministic. */
export function registerLines(rows: number, pupils: number): RegisterLine[] {
  const slots = schoolHalfDays2025();
  const codes = ['B', 'Z', 'D', 'P', 'R', 'Z'];
  const out: RegisterLine[] = [];
  for (let i = 0; out.length < rows; i++) {
    const pupil = i % pupils;
    const slot = slots[Math.floor(i / pupils) % slots.length] as HalfDay;
    if (Math.floor(i / pupils) >= slots.length) throw new Error('too many rows for the pupils given');
    out.push({
      pupilId: `L${pupil}`,
      date: slot.date,
      half: slot.half,
      code: codes[i % codes.length] ?? 'Z',
      note: '',
    });
  }
  return out;
}

export function* canonicalCsv(lines: Iterable<RegisterLine>): Generator<string> {
  yield 'pupil_id,date,half,code,note\n';
  for (const l of lines) yield `${csvRecord([l.pupilId, l.date, l.half, l.code, l.note])}\n`;
}
