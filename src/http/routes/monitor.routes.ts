// The monitor: school, CLB and region dashboards with their CSV export, the thuiszitters overview.
import type { FastifyInstance, FastifyReply } from 'fastify';
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
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

type YearQuery = { Querystring: { schoolYear?: string } };

const sendCsv = (reply: FastifyReply, file: { fileName: string; csv: string }) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(file.fileName))
    .send(`\uFEFF${file.csv}`);

export async function monitorRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get('/monitor/scopes', access('session.read'), async (request) => monitorScopes(requireActor(request)));

  api.get<{ Params: { schoolId: string } } & YearQuery>(
    '/schools/:schoolId/monitor',
    access('monitor.school'),
    async (request) =>
      schoolDashboard(db, requireActor(request), idParam(request.params.schoolId), request.query.schoolYear, today()),
  );

  api.get<{ Params: { clbId: string } } & YearQuery>('/monitor/clbs/:clbId', access('monitor.clb'), async (request) =>
    groupDashboard(db, requireActor(request), 'clb', idParam(request.params.clbId), request.query.schoolYear, today()),
  );

  api.get<{ Params: { regionId: string } } & YearQuery>(
    '/monitor/regions/:regionId',
    access('monitor.region'),
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
    param: string,
    kind: MonitorScopeKind,
    action: 'monitor.school' | 'monitor.clb' | 'monitor.region',
  ) =>
    api.get<{ Params: Record<string, string> } & YearQuery>(url, access(action), async (request, reply) =>
      sendCsv(
        reply,
        await exportDashboardCsv(
          db,
          requireActor(request),
          { kind, id: idParam(request.params[param] ?? '') },
          request.query.schoolYear,
          today(),
        ),
      ),
    );
  exportRoute('/schools/:schoolId/monitor/export.csv', 'schoolId', 'school', 'monitor.school');
  exportRoute('/monitor/clbs/:clbId/export.csv', 'clbId', 'clb', 'monitor.clb');
  exportRoute('/monitor/regions/:regionId/export.csv', 'regionId', 'region', 'monitor.region');

  api.get<{ Params: { schoolId: string } } & YearQuery>(
    '/schools/:schoolId/monitor/thuiszitters',
    access('monitor.thuiszitters'),
    async (request) =>
      listThuiszitters(
        db,
        requireActor(request),
        { schoolId: idParam(request.params.schoolId), schoolYear: request.query.schoolYear },
        today(),
      ),
  );

  /** Across every school the user may follow up: for CLB staff, all schools the CLB serves. */
  api.get<YearQuery>('/monitor/thuiszitters', access('monitor.thuiszitters'), async (request) =>
    listThuiszitters(db, requireActor(request), { schoolYear: request.query.schoolYear }, today()),
  );
}
