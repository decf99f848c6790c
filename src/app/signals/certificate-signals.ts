// The certificate rules' signals for the pupils recompute-signals evaluates (issue 14): loads the certificates,
// exam periods and school half-days once per call and runs the pure checks (domain/medical/).
import type { Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import { certificateSignals } from '../../domain/medical/certificate-signals.ts';
import { certificateThresholds } from '../../domain/medical/certificates.ts';
import type { PupilRecord, RegisterRecord, RuleCatalog, Signal } from '../../domain/rules/index.ts';
import type { SchoolYear } from '../../domain/school-year.ts';

export async function certificateSignalsOf(
  tx: Sql,
  schoolId: number,
  catalog: RuleCatalog,
  pupils: readonly PupilRecord[],
  register: readonly RegisterRecord[],
  year: SchoolYear,
  asOf: string,
): Promise<Signal[]> {
  if (pupils.length === 0 || !catalog.rules.some((r) => r.kind === 'certificate')) return [];
  const state = await certificateStateOfPupils(
    tx,
    schoolId,
    pupils.map((p) => Number(p.pupilId)),
  );
  const thresholds = certificateThresholds(catalog);
  const inYear = (date: string) => date >= year.firstDay && date <= asOf;
  const schoolHalfDays = state.schoolHalfDays.filter((h) => inYear(h.date));
  const rowsOf = new Map<string, RegisterRecord[]>();
  for (const r of register) {
    if (!inYear(r.date)) continue;
    const list = rowsOf.get(r.pupilId);
    if (list) list.push(r);
    else rowsOf.set(r.pupilId, [r]);
  }
  const out: Signal[] = [];
  for (const pupil of pupils) {
    const certificates = state.certificates.filter((c) => String(c.pupilId) === pupil.pupilId && c.from <= asOf);
    const rows = (rowsOf.get(pupil.pupilId) ?? []).map((r) => ({
      date: r.date,
      half: r.half,
      code: r.code.toUpperCase(),
    }));
    if (certificates.length === 0 && rows.every((r) => r.code !== 'Z' && r.code !== 'D')) continue;
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
