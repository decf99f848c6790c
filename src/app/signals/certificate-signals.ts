// The certificate rules' signals for the pupils recompute-signals evaluates (issue 14): loads the certificates,
// exam periods and school half-days once per call and runs the pure checks (domain/medical/).
import type { Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import { certificateSignals } from '../../domain/medical/certificate-signals.ts';
import { certificateThresholds, type RegisterHalfDay } from '../../domain/medical/certificates.ts';
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

const isRecords = (register: readonly RegisterRecord[] | CertificateRows): register is readonly RegisterRecord[] =>
  Array.isArray(register);
