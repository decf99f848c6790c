// The school's own figures for a school year, shown next to the self-scan goals they relate to (goal-figures.ts).
import type { Sql } from '../../db/database.ts';
import { schoolYearFigures } from '../../db/selfscan.repository.ts';
import type { SchoolYear } from '../../domain/school-year.ts';
import { median } from '../../domain/selfscan/goal-figures.ts';
import { type Track, trackOf } from '../signals/tracks.ts';

export interface SchoolFigures {
  schoolYear: string;
  /** Register rows of the year, rows corrected afterwards (register_history), and their share. */
  registerRows: number;
  registerCorrections: number;
  correctedShare: number | null;
  /**
   * Pupils with a B5_CLB signal (5 B-codes: report to the CLB), how many were signalled to the CLB through the
   * CLB-signal workflow (`handled`), and the days from the 5th B to that signal.
   */
  b5Clb: { pupils: number; handled: number; medianDaysToHandled: number | null; maxDaysToHandled: number | null };
  /** Signals that hold and are not handled, in total and per follow-up track. */
  openSignals: number;
  openSignalsByTrack: Record<Track, number>;
}

export async function schoolFigures(db: Sql, schoolId: number, year: SchoolYear): Promise<SchoolFigures> {
  const { register, b5, open } = await schoolYearFigures(db, schoolId, year);
  const byTrack: Record<Track, number> = {
    ongeoorloofd: 0,
    geoorloofd: 0,
    schoolweigering: 0,
    thuiszitter: 0,
    kleuterparticipatie: 0,
    algemeen: 0,
  };
  for (const row of open) byTrack[trackOf(row.ruleId)] += row.n;
  const days = b5.flatMap((r) => (r.days === null ? [] : [r.days]));
  const rows = register?.rows ?? 0;
  const corrections = register?.corrections ?? 0;
  return {
    schoolYear: year.id,
    registerRows: rows,
    registerCorrections: corrections,
    correctedShare: rows === 0 ? null : corrections / rows,
    b5Clb: {
      pupils: b5.length,
      handled: b5.filter((r) => r.signalled).length,
      medianDaysToHandled: median(days),
      maxDaysToHandled: days.length ? Math.max(...days) : null,
    },
    openSignals: open.reduce((sum, r) => sum + r.n, 0),
    openSignalsByTrack: byTrack,
  };
}
