// The LOP's view of exclusions (issue 15, docs/decisions/0037): JSON in the region report's contract (scope kind
// `lop`, docs/monitor.md), CSV and PDF with the same suppressed figures, for the LOP's own staff.
import type { FastifyRequest } from 'fastify';
import { lopReport, lopReportFile } from '../../app/monitor/lop-report.service.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import { type Api, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { RegionReport, ReportQuery } from './monitor-report.routes.ts';
import { idParam, requireActor } from './require-actor.ts';

export async function lopRoutes(api: Api, { db, today }: RouteContext) {
  const target = (request: FastifyRequest) => ({
    lopId: idParam((request.params as { lopId?: string }).lopId ?? ''),
    asOf: (request.query as { asOf?: string }).asOf ?? today(),
  });
  const route = access('monitor.lop');
  api.get(
    '/monitor/lops/:lopId/report',
    { ...route, schema: { params: params('lopId'), querystring: ReportQuery, response: { 200: RegionReport } } },
    async (request) => lopReport(db, requireActor(request), target(request)),
  );
  for (const [format, type] of [
    ['csv', 'text/csv'],
    ['pdf', 'application/pdf'],
  ] as const)
    api.get(
      `/monitor/lops/:lopId/report.${format}`,
      { ...route, schema: { params: params('lopId'), querystring: ReportQuery, produces: [type] } },
      async (request, reply) => {
        const options = target(request);
        const file = await lopReportFile(db, requireActor(request), options, format);
        return reply
          .type(format === 'csv' ? `${type}; charset=utf-8` : type)
          .header(
            'content-disposition',
            contentDisposition(`uitsluitingen-lop-${options.lopId}-${options.asOf}.${format}`),
          )
          .send(file.content);
      },
    );
}
