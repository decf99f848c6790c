// The region report for the region and the Children's Rights Commissioner (issue 15): JSON (the contract of
// docs/monitor.md), CSV and PDF, with the same suppressed figures.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { monitorReportFile, regionReport } from '../../app/monitor/region-report.service.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params, Timestamp } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Text = z.object({ nl: z.string(), en: z.string() });
const RegionReport = z.object({
  format: z.literal('aanwezig-region-report/1'),
  scope: z.object({
    kind: z.enum(['region', 'all']),
    id: z.number().int().nullable(),
    name: z.string(),
    schoolCount: z.number().int(),
  }),
  asOf: CivilDate,
  schoolYear: z.string(),
  refreshedAt: Timestamp.nullable(),
  minShownCount: z.number().int(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: Text,
      definition: Text,
      source: z.string(),
      figures: z.array(
        z.object({
          id: z.string(),
          label: Text,
          unit: z.enum(['pupils', 'schools', 'share', 'days', 'half-days']),
          value: z.number().nullable().describe('null: suppressed (see suppressed) or not defined'),
          suppressed: z.boolean(),
        }),
      ),
    }),
  ),
});

const ReportQuery = z.object({ asOf: CivilDate.optional().describe('Reference date; default today') });

export async function monitorReportRoutes(api: Api, { db, today }: RouteContext) {
  const load = (request: FastifyRequest<{ Params: { regionId: string }; Querystring: { asOf?: string } }>) =>
    regionReport(db, requireActor(request), {
      regionId: idParam(request.params.regionId),
      asOf: request.query.asOf ?? today(),
    });

  api.get(
    '/monitor/regions/:regionId/report',
    {
      ...access('monitor.region'),
      schema: { params: params('regionId'), querystring: ReportQuery, response: { 200: RegionReport } },
    },
    async (request) => load(request),
  );

  const exportRoute = (format: 'csv' | 'pdf', type: string) =>
    api.get(
      `/monitor/regions/:regionId/report.${format}`,
      {
        ...access('monitor.region'),
        schema: { params: params('regionId'), querystring: ReportQuery, produces: [type] },
      },
      async (request, reply) => {
        const regionId = idParam(request.params.regionId);
        const asOf = request.query.asOf ?? today();
        const file = await monitorReportFile(db, requireActor(request), { regionId, asOf }, format);
        return reply
          .type(format === 'csv' ? `${type}; charset=utf-8` : type)
          .header('content-disposition', contentDisposition(`rapport-regio-${regionId}-${asOf}.${format}`))
          .send(file.content);
      },
    );
  exportRoute('csv', 'text/csv');
  exportRoute('pdf', 'application/pdf');
}
