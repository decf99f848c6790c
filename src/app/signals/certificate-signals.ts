// The certificate rules' signals for the pupils recompute-signals evaluates (issue 14): loads the certificates,
// exam periods and school half-days once per call and runs the pure checks (domain/medical/).
import type { Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import { dayNumber } from '../../domain/civil-date.ts';
import { certificateSignals, certificateSignalsWithoutCertificates } from '../../domain/medical/certificate-signals.ts';
import { certificateThresholds, type RegisterHalfDay } from '../../domain/medical/certificates.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { isoFromDayNumber } from '../../domain/rules/civil-day.ts';
import type { PupilRecord, RegisterRecord, RuleCatalog, Signal } from '../../domain/rules/index.ts';
import type { SchoolYear } from '../../domain/school-year.ts';

/** The codes the certificate checks read (certificates.ts: D for uncovered D, Z for spells and exams). */
export const CHECKED_CODES: ReadonlySet<string> = new Set(['Z', 'D']);

export async function certificateSignalsOf(
  tx: Sql,
  schoolId: number,
  catalog: RuleCatalog,
  pupils: readonly PupilRecord[],
  register: readonly RegisterRecord[],
  year: SchoolYear,
  asOf: string,
): Promise<Signal[]> {
  if (!checksCertificates(catalog, pupils)) return [];
  const state = await certificateStateOfPupils(
    tx,
    schoolId,
    pupils.map((p) => Number(p.pupilId)),
  );
  return certificateSignalsFrom(state, catalog, pupils, register, year, asOf);
}

/** Whether the catalog has certificate rules and there are pupils to check. */
export const checksCertificates = (catalog: RuleCatalog, pupils: readonly unknown[]) =>
  pupils.length > 0 && catalog.rules.some((r) => r.kind === 'certificate');

/** What the certificate checks read from the database (certificateStateOfPupils). */
export type CertificateState = Awaited<ReturnType<typeof certificateStateOfPupils>>;

/** Per pupil, the half-days the certificate checks read: their Z and D rows of the school year up to `asOf`. */
export type CertificateRows = ReadonlyMap<string, RegisterHalfDay[]>;

/** The checks look only at Z and D half-days (CHECKED_CODES): the other rows are left out from the start. */
export function certificateRows(register: readonly RegisterRecord[], year: SchoolYear, asOf: string): CertificateRows {
  const rowsOf = new Map<string, RegisterHalfDay[]>();
  for (const r of register) {
    const code = r.code.toUpperCase();
    if (!CHECKED_CODES.has(code) || r.date < year.firstDay || r.date > asOf) continue;
    const row = { date: r.date, half: r.half, code };
    const list = rowsOf.get(r.pupilId);
    if (list) list.push(row);
    else rowsOf.set(r.pupilId, [row]);
  }
  return rowsOf;
}

/**
 * The certificate signals from loaded state (no database): `state` may hold more pupils' certificates than
 * `pupils` (a school's first import loads them once for all its pupils, first-import-signals.ts).
 */
export function certificateSignalsFrom(
  state: CertificateState,
  catalog: RuleCatalog,
  pupils: readonly PupilRecord[],
  register: readonly RegisterRecord[] | CertificateRows,
  year: SchoolYear,
  asOf: string,
): Signal[] {
  if (!checksCertificates(catalog, pupils)) return [];
  const thresholds = certificateThresholds(catalog);
  const inYear = (date: string) => date >= year.firstDay && date <= asOf;
  const schoolHalfDays = state.schoolHalfDays.filter((h) => inYear(h.date));
  const rowsOf = isRecords(register) ? certificateRows(register, year, asOf) : register;
  const certificatesOf = new Map<string, typeof state.certificates>();
  for (const c of state.certificates) {
    if (c.from > asOf) continue;
    const list = certificatesOf.get(String(c.pupilId));
    if (list) list.push(c);
    else certificatesOf.set(String(c.pupilId), [c]);
  }
  const out: Signal[] = [];
  for (const pupil of pupils) {
    const certificates = certificatesOf.get(pupil.pupilId) ?? [];
    const rows = rowsOf.get(pupil.pupilId) ?? [];
    if (certificates.length === 0 && rows.length === 0) continue;
    out.push(
      ...certificateSignals(catalog, pupil.pupilId, {
        register: rows,
        schoolHalfDays,
        certificates: certificates.filter((c) => c.to >= year.firstDay),
        level: pupil.level ?? 'lager',
        examPeriods: state.examPeriods,
        thresholds,
      }),
    );
  }
  return out;
}

/**
 * certificateSignalsFrom(state, catalog, pupils, certificateRowsFromColumns(columns, year, asOf), year, asOf),
 * straight from the register's columns: the pupils without a certificate in the school year (nearly all) are
 * checked from their half-days' slots (certificateSignalsWithoutCertificates), the others as records. A school's
 * first import in the worker thread (first-import-worker.ts); certificate-signals.test.ts compares both.
 */
export function certificateSignalsFromColumns(
  state: CertificateState,
  catalog: RuleCatalog,
  pupils: readonly PupilRecord[],
  columns: RegisterColumns,
  year: SchoolYear,
  asOf: string,
): Signal[] {
  if (!checksCertificates(catalog, pupils)) return [];
  const thresholds = certificateThresholds(catalog);
  const inYear = (date: string) => date >= year.firstDay && date <= asOf;
  const schoolHalfDays = state.schoolHalfDays.filter((h) => inYear(h.date));
  const low = dayNumber(year.firstDay) * 2;
  const high = dayNumber(asOf) * 2 + 1;
  // Position of each slot of the year among the school's half-days (-1: none).
  const positions = new Int32Array(Math.max(0, high - low + 1)).fill(-1);
  schoolHalfDays.forEach((h, i) => {
    positions[dayNumber(h.date) * 2 + (h.half === 'PM' ? 1 : 0) - low] = i;
  });
  const examDays = state.examPeriods.map((p) => ({ from: dayNumber(p.from), to: dayNumber(p.to) }));
  const certificatesOf = new Map<string, typeof state.certificates>();
  for (const c of state.certificates) {
    if (c.from > asOf) continue;
    const list = certificatesOf.get(String(c.pupilId));
    if (list) list.push(c);
    else certificatesOf.set(String(c.pupilId), [c]);
  }
  // Each pupil's Z and D half-days of the year up to asOf, in the columns' order (certificateRowsFromColumns'),
  // gathered by pupil in two passes: counts, then the rows at their pupil's offset.
  const kind = COLUMN_CODES.map((code) => (code === 'Z' ? 0 : code === 'D' ? 1 : -1));
  // A pupil may come twice (two enrolments in the year): its rows are gathered once, by id.
  const indexOf = new Map<number, number>();
  for (const pupil of pupils) if (!indexOf.has(Number(pupil.pupilId))) indexOf.set(Number(pupil.pupilId), indexOf.size);
  const groups = indexOf.size;
  const rowPupil = new Int32Array(columns.length).fill(-1);
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < columns.length; i++) {
    const slot = columns.slot[i] as number;
    if (kind[columns.code[i] as number] === -1 || slot < low || slot > high) continue;
    const p = indexOf.get(columns.pupil[i] as number);
    if (p === undefined) continue;
    rowPupil[i] = p;
    start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let p = 0; p < groups; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const slots = new Int32Array(start[groups] as number);
  const d = new Uint8Array(slots.length);
  const next = start.slice(0, groups);
  for (let i = 0; i < columns.length; i++) {
    const p = rowPupil[i] as number;
    if (p < 0) continue;
    const at = next[p] as number;
    next[p] = at + 1;
    slots[at] = columns.slot[i] as number;
    d[at] = kind[columns.code[i] as number] as number;
  }
  const out: Signal[] = [];
  for (const pupil of pupils) {
    const p = indexOf.get(Number(pupil.pupilId)) as number;
    const certificates = certificatesOf.get(pupil.pupilId) ?? [];
    const from = start[p] as number;
    const to = start[p + 1] as number;
    if (certificates.length === 0 && from === to) continue;
    const level = pupil.level ?? 'lager';
    const ofYear = certificates.filter((c) => c.to >= year.firstDay);
    if (ofYear.length > 0) {
      const register: RegisterHalfDay[] = [];
      for (let i = from; i < to; i++)
        register.push({
          date: isoFromDayNumber((slots[i] as number) >> 1),
          half: (slots[i] as number) & 1 ? 'PM' : 'AM',
          code: d[i] ? 'D' : 'Z',
        });
      const input = {
        register,
        schoolHalfDays,
        certificates: ofYear,
        level,
        examPeriods: state.examPeriods,
        thresholds,
      };
      out.push(...certificateSignals(catalog, pupil.pupilId, input));
      continue;
    }
    const halfDays = sortedBySlot(slots.subarray(from, to), d.subarray(from, to));
    out.push(
      ...certificateSignalsWithoutCertificates(catalog, pupil.pupilId, halfDays, {
        schoolPositions: { low, at: positions },
        level,
        examDays,
        thresholds,
      }),
    );
  }
  return out;
}

/**
 * Sorts a pupil's half-days by slot in place, ties in their order (as checkCertificates sorts them): an insertion
 * sort, as a pupil has a few dozen, mostly in order already.
 */
function sortedBySlot(slots: Int32Array, d: Uint8Array): { slots: Int32Array; d: Uint8Array } {
  for (let i = 1; i < slots.length; i++) {
    const slot = slots[i] as number;
    if ((slots[i - 1] as number) <= slot) continue;
    const kind = d[i] as number;
    let j = i - 1;
    while (j >= 0 && (slots[j] as number) > slot) {
      slots[j + 1] = slots[j] as number;
      d[j + 1] = d[j] as number;
      j--;
    }
    slots[j + 1] = slot;
    d[j + 1] = kind;
  }
  return { slots, d };
}

const isRecords = (register: readonly RegisterRecord[] | CertificateRows): register is readonly RegisterRecord[] =>
  Array.isArray(register);
