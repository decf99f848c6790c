// Use cases of the monitor: the school, CLB and region dashboards (CLB and region suppressed in one place:
// `suppressDashboard`), their CSV export, and the thuiszitters overview.
import type { Sql } from '../../db/database.ts';
import {
  agreementCounts,
  clbDelay,
  organisationWithSchools,
  pupilFileFacts,
  readCells,
  refreshedAt,
  signalCounts,
} from '../../db/monitor.repository.ts';
import { allSchoolIds, findSchool } from '../../db/school.repository.ts';
import { type ThuiszitterListRow, thuiszitterList } from '../../db/thuiszitter.repository.ts';
import { addDays, dayNumber, formatBelgianDate } from '../../domain/half-day.ts';
import { dashboardCsv } from '../../domain/monitor/csv.ts';
import { buildDashboard, type Dashboard, suppressDashboard } from '../../domain/monitor/dashboard.ts';
import { MIN_SHOWN_COUNT, shareThresholds, THUISZITTER_RULES } from '../../domain/monitor/definitions.ts';
import { schoolDaysOf } from '../../domain/monitor/home-time.ts';
import type { ShownCount } from '../../domain/monitor/suppression.ts';
import { thuiszitterMinHalfDays } from '../../domain/monitor/thuiszitter-definitions.ts';
import { ownValue } from '../../domain/own-value.ts';
import { parseSchoolYearId, previousSchoolYear, schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { invalidInput, notFound } from '../errors.ts';
import { can, requireAccess, schoolsWhere } from '../policy/policy.ts';
import { educationDuringAbsence } from './education-during-absence.ts';

export type MonitorScopeKind = 'school' | 'clb' | 'region';

export interface MonitorResponse {
  scope: { kind: MonitorScopeKind; id: number; name: string; schoolCount: number };
  refreshedAt: string | null;
  /** The Monday of each school week of the chosen year (key `01` = the week of 1 September). */
  weekStarts: Record<string, string>;
  dashboard: Dashboard<ShownCount>;
}

function chosenYear(schoolYear: string | undefined, today: string) {
  if (schoolYear === undefined) return schoolYearOf(today);
  const year = parseSchoolYearId(schoolYear);
  if (!year) throw invalidInput({ nl: 'Schooljaar als JJJJ-JJJJ.', en: 'School year as YYYY-YYYY.' });
  return year;
}

function weekStarts(startYear: number, keys: readonly string[]): Record<string, string> {
  const first = `${startYear}-09-01`;
  const monday = addDays(first, -((dayNumber(first) + 3) % 7)); // 1970-01-01 was a Thursday
  return Object.fromEntries(keys.map((key) => [key, addDays(monday, (Number(key) - 1) * 7)]));
}

async function build(db: Sql, schoolIds: readonly number[], schoolYear: string | undefined, today: string) {
  const year = chosenYear(schoolYear, today);
  const previous = previousSchoolYear(year);
  const [cells, signals, delay, refreshed, agreements] = [
    await readCells(db, schoolIds, [year.id, previous.id]),
    await signalCounts(db, schoolIds, year.id),
    await clbDelay(db, schoolIds, year.id, today < year.lastDay ? today : year.lastDay),
    await refreshedAt(db, schoolIds),
    await agreementCounts(db, schoolIds, today),
  ];
  const dashboard = buildDashboard({
    schoolYear: year.id,
    previousSchoolYear: previous.id,
    cells,
    thresholds: shareThresholds(),
    signals,
    delay,
    agreements,
  });
  return {
    dashboard,
    refreshedAt: refreshed,
    weekStarts: weekStarts(
      year.startYear,
      dashboard.series.week.map((row) => row.key),
    ),
  };
}

/** A school's own dashboard: its own pupils, so no suppression. */
export async function schoolDashboard(
  db: Sql,
  actor: Actor,
  schoolId: number,
  schoolYear: string | undefined,
  today: string,
): Promise<MonitorResponse> {
  requireAccess(actor, 'monitor.school', { schoolId });
  const school = await findSchool(db, schoolId);
  if (!school) throw notFound({ nl: 'School', en: 'School' });
  const built = await build(db, [schoolId], schoolYear, today);
  return {
    scope: { kind: 'school', id: schoolId, name: school.name, schoolCount: 1 },
    refreshedAt: built.refreshedAt,
    weekStarts: built.weekStarts,
    dashboard: built.dashboard,
  };
}

/** A CLB's or a region's dashboard across its schools: aggregates only, every small cell suppressed. */
export async function groupDashboard(
  db: Sql,
  actor: Actor,
  kind: 'clb' | 'region',
  organisationId: number,
  schoolYear: string | undefined,
  today: string,
): Promise<MonitorResponse> {
  requireAccess(actor, kind === 'clb' ? 'monitor.clb' : 'monitor.region', { organisationId });
  const organisation = await organisationWithSchools(db, kind, organisationId);
  if (!organisation) throw notFound({ nl: kind === 'clb' ? 'CLB' : 'Regio', en: kind === 'clb' ? 'CLB' : 'Region' });
  const built = await build(db, organisation.schoolIds, schoolYear, today);
  return {
    scope: { kind, id: organisation.id, name: organisation.name, schoolCount: organisation.schoolIds.length },
    refreshedAt: built.refreshedAt,
    weekStarts: built.weekStarts,
    dashboard: suppressDashboard(built.dashboard, MIN_SHOWN_COUNT),
  };
}

/** The CSV of a dashboard as the actor may see it (the CLB and region dashboards are already suppressed). */
export async function exportDashboardCsv(
  db: Sql,
  actor: Actor,
  target: { kind: MonitorScopeKind; id: number },
  schoolYear: string | undefined,
  today: string,
): Promise<{ fileName: string; csv: string }> {
  const response =
    target.kind === 'school'
      ? await schoolDashboard(db, actor, target.id, schoolYear, today)
      : await groupDashboard(db, actor, target.kind, target.id, schoolYear, today);
  await recordAudit(db, actor, {
    action: 'monitor.export',
    organisationId: target.id,
    detail: {
      scope: target.kind,
      schoolYear: response.dashboard.schoolYear,
      suppressed: response.dashboard.suppressed,
    },
  });
  return {
    fileName: `monitor-${target.kind}-${target.id}-${response.dashboard.schoolYear}.csv`,
    csv: dashboardCsv(response.dashboard),
  };
}

/** A pupil of the thuiszitters overview: the listed row, with its time at home worked out and the pupil file's facts. */
export interface Thuiszitter
  extends Omit<ThuiszitterListRow, 'lastSpellFrom' | 'lastSpellHalfDays' | 'inSpellNow' | 'partialHalfDays'> {
  shareMissed: number | null;
  /** First day of the spell the pupil is in now (absent on the last school half-day); null: not at home now. */
  atHomeSince: string | null;
  /** School days (not calendar days: holidays never count) of the current spell; 0 when not at home now. */
  daysAtHome: number;
  /** Half-days of the week at home by a partial-schooling arrangement in force (e.g. `2-PM`); null: none. */
  partialSchooling: string[] | null;
  /** From the pupil file: TOAH, SIO, NAFT (or "—" for none); the spilfiguur; the last contact attempt. null: no file. */
  education: string | null;
  pivotPerson: string | null;
  lastContact: string | null;
}

/** Education kinds of the pupil file that answer "which education does this child at home get". */
const EDUCATION_KINDS: Record<string, string> = {
  toah: 'TOAH',
  'sio-bednet': 'SIO',
  naft: 'NAFT',
  'time-out': 'time-out',
};

/** Pupils currently in a thuiszitter signal, of one school or of every school the actor may follow up. */
export async function listThuiszitters(
  db: Sql,
  actor: Actor,
  options: { schoolId?: number; schoolYear?: string },
  today: string,
): Promise<{ schoolYear: string; today: string; rules: readonly string[]; pupils: Thuiszitter[] }> {
  let schoolIds: number[];
  if (options.schoolId !== undefined) {
    requireAccess(actor, 'monitor.thuiszitters', { schoolId: options.schoolId });
    schoolIds = [options.schoolId];
  } else {
    const where = schoolsWhere(actor, 'monitor.thuiszitters');
    schoolIds = where === 'all' ? [] : where;
    if (where !== 'all' && schoolIds.length === 0) requireAccess(actor, 'monitor.thuiszitters', { schoolId: -1 });
    if (where === 'all') {
      schoolIds = await allSchoolIds(db);
    }
  }
  const year = chosenYear(options.schoolYear, today);
  const asOf = today < year.lastDay ? today : year.lastDay;
  const rows = await thuiszitterList(db, {
    schoolIds,
    schoolYear: year.id,
    firstDay: year.firstDay,
    asOf,
    ruleIds: THUISZITTER_RULES,
    minHalfDays: thuiszitterMinHalfDays(),
  });
  const facts = await pupilFileFacts(
    db,
    rows.map((row) => row.pupilId),
    Object.keys(EDUCATION_KINDS),
  );
  // A stay (hospital, type 5, K-dienst) or a running provision is education during the absence (issue 14).
  const elsewhere = await educationDuringAbsence(
    db,
    rows.map((row) => row.pupilId),
    asOf,
  );
  const pupils = rows.map((row) => {
    const file = facts.get(row.pupilId);
    const outside = elsewhere.get(row.pupilId) ?? [];
    const hasFile =
      file?.hasFile ||
      (file?.lastContactOn ?? null) !== null ||
      (file?.education?.length ?? 0) > 0 ||
      outside.length > 0;
    const { lastSpellFrom, lastSpellHalfDays, inSpellNow, partialHalfDays, ...listed } = row;
    return {
      ...listed,
      shareMissed: row.schoolHalfDays === 0 ? null : Math.min(1, row.absentHalfDays / row.schoolHalfDays),
      atHomeSince: inSpellNow ? lastSpellFrom : null,
      daysAtHome: inSpellNow ? schoolDaysOf(lastSpellHalfDays) : 0,
      partialSchooling: partialHalfDays,
      education: hasFile
        ? [...outside, ...(file?.education ?? []).map((kind) => ownValue(EDUCATION_KINDS, kind) ?? kind)].join(', ') ||
          '—'
        : null,
      pivotPerson: file?.pivot ?? null,
      lastContact: file?.lastContactOn
        ? `${formatBelgianDate(file.lastContactOn)}${file.lastReached === false ? ' ✗' : ' ✓'}`
        : null,
    };
  });
  if (pupils.length > 0)
    await recordAudit(db, actor, {
      action: 'monitor.thuiszitters',
      organisationId: options.schoolId ?? null,
      pupilIds: pupils.map((p) => p.pupilId),
    });
  return { schoolYear: year.id, today: asOf, rules: THUISZITTER_RULES, pupils };
}

export interface MonitorScopes {
  /** Schools whose dashboard and thuiszitters the actor may open. */
  schoolIds: number[];
  clbs: { id: number; name: string }[];
  regions: { id: number; name: string }[];
}

/** The dashboards the actor can open (for the navigation; part of "who am I", so `session.read`). */
export function monitorScopes(actor: Actor): MonitorScopes {
  requireAccess(actor, 'session.read');
  const schools = schoolsWhere(actor, 'monitor.school');
  const scopes: MonitorScopes = { schoolIds: schools === 'all' ? [] : schools, clbs: [], regions: [] };
  for (const m of actor.memberships) {
    const entry = { id: m.organisationId, name: m.organisationName };
    if (m.kind === 'clb' && can(actor, 'monitor.clb', { organisationId: m.organisationId })) {
      if (!scopes.clbs.some((c) => c.id === entry.id)) scopes.clbs.push(entry);
    }
    if (m.kind === 'region' && can(actor, 'monitor.region', { organisationId: m.organisationId })) {
      if (!scopes.regions.some((r) => r.id === entry.id)) scopes.regions.push(entry);
    }
  }
  return scopes;
}
