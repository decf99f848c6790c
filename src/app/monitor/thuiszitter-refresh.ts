// The thuiszitter figures' step of the monitor refresh (issue 15): called with the monitor's scope from the
// refresh orchestrator (monitor-refresh.ts: after the cells of an import's refresh, and in the full refresh).
import type { Sql } from '../../db/database.ts';
import { refreshThuiszitterRows, type ThuiszitterParams } from '../../db/thuiszitter.repository.ts';
import {
  COMPULSORY_AGE,
  homeTimeThresholds,
  officialBThreshold,
} from '../../domain/monitor/thuiszitter-definitions.ts';
import { SUSPENSION_RULES } from '../../domain/rules/suspension-rules.ts';

/** The monitor's refresh scope (RefreshScope of monitor.repository.ts, structurally). */
interface Scope {
  schoolId: number | null;
  schoolYears: readonly string[] | null;
  pupilIds: readonly number[] | null;
}

/** The numbers the thuiszitter figures count with: the catalog's thresholds and the compulsory school age. */
export function thuiszitterNumbers(): ThuiszitterParams {
  return {
    homeThresholds: homeTimeThresholds(),
    officialB: officialBThreshold(),
    suspensionLongHalfDays: SUSPENSION_RULES.PREVENTIVE_SUSPENSION_LONG.params.halfDays,
    suspensionRepeatedSpells: SUSPENSION_RULES.PREVENTIVE_SUSPENSION_REPEATED.params.spells,
    compulsoryFromAge: COMPULSORY_AGE.fromAge,
    compulsoryUntilAge: COMPULSORY_AGE.untilAge,
  };
}

/** Rebuilds the thuiszitter figures of a scope with the SQL (a school's first import counts them in memory). */
export async function refreshThuiszitterFigures(tx: Sql, scope: Scope): Promise<void> {
  await refreshThuiszitterRows(
    tx,
    { schoolId: scope.schoolId, schoolYears: scope.schoolYears, pupilIds: scope.pupilIds },
    thuiszitterNumbers(),
  );
}
