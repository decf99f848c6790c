// The certificate rules' signals for the pupils recompute-signals evaluates (issue 14): loads the certificates,
// exam periods and school half-days once per call and runs the pure checks (domain/medical/).
import type { Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import { dayNumber } from '../../domain/civil-date.ts';
import { certificateSignals, certificateSignalsWithoutCertificates } from '../../domain/medical/certificate-signals.ts';
import { certificateThresholds, type RegisterHalfDay } from '../../domain/medical/certificates.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { isoFromDayNumber } from '../../domain/rules/civil-day.ts';
import { sortRowsByPupil } from '../../domain/rules/engine-input.ts';
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
  const { thresholds, schoolHalfDays, certificatesOf } = yearOfChecks(state, catalog, year, asOf);
  const rowsOf = isRecords(register) ? certificateRows(register, year, asOf) : register;
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
 * What both certificateSignalsFrom and certificateSignalsFromColumns read besides the rows: the catalog's numbers,
 * the school half-days of the year up to `asOf`, and per pupil the certificates that start by `asOf`.
 */
function yearOfChecks(state: CertificateState, catalog: RuleCatalog, year: SchoolYear, asOf: string) {
  const thresholds = certificateThresholds(catalog);
  const schoolHalfDays = state.schoolHalfDays.filter((h) => h.date >= year.firstDay && h.date <= asOf);
  const certificatesOf = new Map<string, CertificateState['certificates']>();
  for (const c of state.certificates) {
    if (c.from > asOf) continue;
    const list = certificatesOf.get(String(c.pupilId));
    if (list) list.push(c);
    else certificatesOf.set(String(c.pupilId), [c]);
  }
  return { thresholds, schoolHalfDays, certificatesOf };
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
  const { thresholds, schoolHalfDays, certificatesOf } = yearOfChecks(state, catalog, year, asOf);
  const low = dayNumber(year.firstDay) * 2;
  const high = dayNumber(asOf) * 2 + 1;
  // Position of each slot of the year among the school's half-days (-1: none).
  const positions = new Int32Array(Math.max(0, high - low + 1)).fill(-1);
  schoolHalfDays.forEach((h, i) => {
    positions[dayNumber(h.date) * 2 + (h.half === 'PM' ? 1 : 0) - low] = i;
  });
  const examDays = state.examPeriods.map((p) => ({ from: dayNumber(p.from), to: dayNumber(p.to) }));
  // Each pupil's Z and D half-days of the year up to asOf, grouped by pupil and sorted by slot with ties in the
  // columns' order, as the engine's input sorts its rows (sortRowsByPupil). A pupil may come twice (two enrolments
  // in the year): its rows are gathered once, by id.
  const kind = COLUMN_CODES.map((code) => (code === 'Z' ? 0 : code === 'D' ? 1 : -1));
  const indexOf = new Map<number, number>();
  for (const pupil of pupils) if (!indexOf.has(Number(pupil.pupilId))) indexOf.set(Number(pupil.pupilId), indexOf.size);
  const keptPupil: number[] = [];
  const keptSlot: number[] = [];
  const keptD: number[] = [];
  const start = new Int32Array(indexOf.size + 1);
  for (let i = 0; i < columns.length; i++) {
    const slot = columns.slot[i] as number;
    const d = kind[columns.code[i] as number] as number;
    if (d === -1 || slot < low || slot > high) continue;
    const p = indexOf.get(columns.pupil[i] as number);
    if (p === undefined) continue;
    keptPupil.push(p);
    keptSlot.push(slot);
    keptD.push(d);
    start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let p = 0; p < indexOf.size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const { rowSlot: slots, rowCode: d } = sortRowsByPupil(
    Int32Array.from(keptPupil),
    Int32Array.from(keptSlot),
    Uint8Array.from(keptD),
    start,
  );
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
    const halfDays = { slots: slots.subarray(from, to), d: d.subarray(from, to) };
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

const isRecords = (register: readonly RegisterRecord[] | CertificateRows): register is readonly RegisterRecord[] =>
  Array.isArray(register);
