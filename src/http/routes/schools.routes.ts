// Schools the user may see, the absence-code list, and a school's pupil overview.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import { isPupilSort, listSchoolPupils } from '../../app/pupil.service.ts';
import { schoolsVisibleTo } from '../../app/school.service.ts';
import { ABSENCE_CODES } from '../../domain/absence-codes.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const PupilQuery = z.object({
  schoolYear: z.string().max(20).optional(),
  class: z.string().max(100).optional(),
  level: z.enum(['kleuter', 'lager', 'secundair']).optional(),
  q: z.string().max(200).optional(),
  sort: z.string().max(40).refine(isPupilSort, 'unknown sort key').optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export async function schoolRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get('/schools', access('school.list'), async (request) => schoolsVisibleTo(db, requireActor(request), today()));

  api.get('/absence-codes', access('absence-code.read'), async (request) => {
    requireActor(request);
    return ABSENCE_CODES;
  });

  api.get<{ Params: { schoolId: string } }>('/schools/:schoolId/pupils', access('pupil.list'), async (request) => {
    const actor = requireActor(request);
    const query = PupilQuery.safeParse(request.query);
    if (!query.success) throw invalidInput({ nl: 'Ongeldige filter.', en: `Invalid filter: ${query.error.message}` });
    const q = query.data;
    return listSchoolPupils(
      db,
      actor,
      {
        schoolId: idParam(request.params.schoolId),
        schoolYear: q.schoolYear,
        className: q.class,
        level: q.level,
        search: q.q,
        sort: q.sort,
        order: q.order,
        limit: q.limit,
        offset: q.offset,
      },
      today(),
    );
  });
}
