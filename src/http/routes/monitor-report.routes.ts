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
export const RegionReport = z.object({
  format: z.literal('aanwezig-region-report/1'),
  scope: z.object({
    kind: z.enum(['region', 'clb', 'all', 'lop']),
    id: z.number().int().nullable(),
    name: z.string(),
    schoolCount: z.number().int(),
    level: z.enum(['basis', 'secundair']).optional().describe("A LOP's level (scope kind lop only)"),
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

export const ReportQuery = z.object({ asOf: CivilDate.optional().describe('Reference date; default today') });

export async function monitorReportRoutes(api: Api, { db, today }: RouteContext) {
  /** The same report for a region (its analysts) and for a CLB (its staff). */
  const scopes = [
    { path: 'regions', param: 'regionId', action: 'monitor.region', file: 'regio' },
    { path: 'clbs', param: 'clbId', action: 'monitor.clb', file: 'clb' },
  ] as const;
  for (const scope of scopes) {
    const target = (request: FastifyRequest) => {
      const id = idParam((request.params as Record<string, string>)[scope.param] ?? '');
      const asOf = (request.query as { asOf?: string }).asOf ?? today();
      return scope.param === 'clbId' ? { regionId: null, clbId: id, asOf } : { regionId: id, asOf };
    };
    api.get(
      `/monitor/${scope.path}/:${scope.param}/report`,
      {
        ...access(scope.action),
        schema: { params: params(scope.param), querystring: ReportQuery, response: { 200: RegionReport } },
      },
      async (request) => regionReport(db, requireActor(request), target(request)),
    );
    for (const [format, type] of [
      ['csv', 'text/csv'],
      ['pdf', 'application/pdf'],
    ] as const)
      api.get(
        `/monitor/${scope.path}/:${scope.param}/report.${format}`,
        {
          ...access(scope.action),
          schema: { params: params(scope.param), querystring: ReportQuery, produces: [type] },
        },
        async (request, reply) => {
          const options = target(request);
          const file = await monitorReportFile(db, requireActor(request), options, format);
          const id = options.clbId ?? options.regionId;
          return reply
            .type(format === 'csv' ? `${type}; charset=utf-8` : type)
            .header('content-disposition', contentDisposition(`rapport-${scope.file}-${id}-${options.asOf}.${format}`))
            .send(file.content);
        },
      );
  }
}
