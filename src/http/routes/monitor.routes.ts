// The monitor: school, CLB and region dashboards with their CSV export, the thuiszitters overview.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  exportDashboardCsv,
  groupDashboard,
  listThuiszitters,
  type MonitorScopeKind,
  monitorScopes,
  schoolDashboard,
} from '../../app/monitor/monitor.service.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params, Timestamp, YearQuery } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Organisation = z.object({ id: z.number().int(), name: z.string() });
const MonitorScopes = z.object({
  schoolIds: z.array(z.number().int()).describe('Schools whose dashboard the user may open (empty: all)'),
  clbs: z.array(Organisation),
  regions: z.array(Organisation),
});

const Thuiszitters = z.object({
  schoolYear: z.string(),
  today: z.string(),
  rules: z.array(z.string()).readonly().describe('The signals that make a pupil a thuiszitter'),
  pupils: z.array(
    z.object({
      pupilId: z.number().int(),
      schoolId: z.number().int(),
      schoolName: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      className: z.string().nullable(),
      ruleIds: z.array(z.string()),
      signalledSince: z.string().nullable().describe('First thuiszitter signal; null: listed for time away only'),
      absentHalfDays: z.number().int().describe('Absent school half-days this school year, across every spell'),
      schoolHalfDays: z.number().int().describe('School half-days of the enrolment up to today'),
      shareMissed: z.number().nullable(),
      spells: z.number().int(),
      longestSpell: z.number().int().describe('In school half-days'),
      atHomeSince: z.string().nullable().describe('Start of the spell the pupil is in now; null: not at home now'),
      daysAtHome: z.number().int().describe('School days of the current spell (holidays never count)'),
      partialSchooling: z.array(z.string()).nullable().describe('Half-days at home by an arrangement in force'),
      education: z.string().nullable().describe('From the pupil file: TOAH, SIO, NAFT; null: no file'),
      pivotPerson: z.string().nullable(),
      lastContact: z.string().nullable(),
    }),
  ),
});

/** A count as shown: null on a CLB or region dashboard means a small cell (1 to 4), suppressed. */
const Count = z.number().nullable().describe('null: a suppressed small cell (1 to 4)');
const ByCode = z.record(z.string(), Count).describe('Absent half-days per code');
const SeriesRow = z.object({ key: z.string(), current: ByCode, previous: ByCode });
const Dashboard = z.object({
  scope: z.object({
    kind: z.enum(['school', 'clb', 'region']),
    id: z.number().int(),
    name: z.string(),
    schoolCount: z.number().int(),
  }),
  refreshedAt: Timestamp.nullable().describe('When the precomputed figures were last refreshed'),
  weekStarts: z.record(z.string(), CivilDate).describe('The Monday of each school week (key 01: 1 September)'),
  dashboard: z.object({
    schoolYear: z.string(),
    previousSchoolYear: z.string(),
    suppressed: z.boolean().describe('Small cells suppressed (CLB and region)'),
    minShownCount: z.number().int(),
    codes: z.array(z.string()),
    enrolled: z.object({ current: Count, previous: Count }),
    series: z.object({
      week: z.array(SeriesRow),
      month: z.array(SeriesRow),
      weekday: z.array(SeriesRow),
      class: z.array(SeriesRow),
      grade: z.array(SeriesRow),
    }),
    thresholds: z.array(
      z.object({
        halfDays: z.number().int(),
        ruleId: z.string(),
        code: z.string(),
        pupils: Count,
        share: z.number().nullable().describe('pupils ÷ enrolled pupils (0…1)'),
      }),
    ),
    signals: z.array(z.object({ ruleId: z.string(), holding: Count, open: Count })),
    clbDelay: z.object({
      signalled: Count,
      medianDays: z.number().nullable(),
      averageDays: z.number().nullable(),
      notYetSignalled: Count,
      medianDaysOpen: z.number().nullable(),
    }),
    agreements: z.object({ open: Count, overdue: Count }),
  }),
});

const sendCsv = (reply: FastifyReply, file: { fileName: string; csv: string }) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(file.fileName))
    .send(`\uFEFF${file.csv}`);

export async function monitorRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/monitor/scopes',
    { ...access('session.read'), schema: { response: { 200: MonitorScopes } } },
    async (request) => monitorScopes(requireActor(request)),
  );

  api.get(
    '/schools/:schoolId/monitor',
    {
      ...access('monitor.school'),
      schema: { params: params('schoolId'), querystring: YearQuery, response: { 200: Dashboard } },
    },
    async (request) =>
      schoolDashboard(db, requireActor(request), idParam(request.params.schoolId), request.query.schoolYear, today()),
  );

  api.get(
    '/monitor/clbs/:clbId',
    {
      ...access('monitor.clb'),
      schema: { params: params('clbId'), querystring: YearQuery, response: { 200: Dashboard } },
    },
    async (request) =>
      groupDashboard(
        db,
        requireActor(request),
        'clb',
        idParam(request.params.clbId),
        request.query.schoolYear,
        today(),
      ),
  );

  api.get(
    '/monitor/regions/:regionId',
    {
      ...access('monitor.region'),
      schema: { params: params('regionId'), querystring: YearQuery, response: { 200: Dashboard } },
    },
    async (request) =>
      groupDashboard(
        db,
        requireActor(request),
        'region',
        idParam(request.params.regionId),
        request.query.schoolYear,
        today(),
      ),
  );

  const exportRoute = (
    url: string,
    param: 'schoolId' | 'clbId' | 'regionId',
    kind: MonitorScopeKind,
    action: 'monitor.school' | 'monitor.clb' | 'monitor.region',
  ) =>
    api.get(
      url,
      { ...access(action), schema: { params: params(param), querystring: YearQuery, produces: ['text/csv'] } },
      async (request, reply) =>
        sendCsv(
          reply,
          await exportDashboardCsv(
            db,
            requireActor(request),
            { kind, id: idParam((request.params as Record<string, string>)[param] ?? '') },
            request.query.schoolYear,
            today(),
          ),
        ),
    );
  exportRoute('/schools/:schoolId/monitor/export.csv', 'schoolId', 'school', 'monitor.school');
  exportRoute('/monitor/clbs/:clbId/export.csv', 'clbId', 'clb', 'monitor.clb');
  exportRoute('/monitor/regions/:regionId/export.csv', 'regionId', 'region', 'monitor.region');

  api.get(
    '/schools/:schoolId/monitor/thuiszitters',
    {
      ...access('monitor.thuiszitters'),
      schema: { params: params('schoolId'), querystring: YearQuery, response: { 200: Thuiszitters } },
    },
    async (request) =>
      listThuiszitters(
        db,
        requireActor(request),
        { schoolId: idParam(request.params.schoolId), schoolYear: request.query.schoolYear },
        today(),
      ),
  );

  /** Across every school the user may follow up: for CLB staff, all schools the CLB serves. */
  api.get(
    '/monitor/thuiszitters',
    { ...access('monitor.thuiszitters'), schema: { querystring: YearQuery, response: { 200: Thuiszitters } } },
    async (request) => listThuiszitters(db, requireActor(request), { schoolYear: request.query.schoolYear }, today()),
  );
}
