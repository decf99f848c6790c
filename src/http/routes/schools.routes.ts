// Schools the user may see, the absence-code list, and a school's pupil overview.
import { z } from 'zod';
import { isPupilSort, listSchoolPupils } from '../../app/pupil.service.ts';
import { schoolsVisibleTo } from '../../app/school.service.ts';
import { ABSENCE_CODES } from '../../domain/absence-codes.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, PageQuery, params, SchoolYear } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const PupilQuery = PageQuery.extend({
  schoolYear: SchoolYear.optional(),
  class: z.string().max(100).optional(),
  level: z.enum(['kleuter', 'lager', 'secundair']).optional(),
  q: z.string().max(200).optional(),
  sort: z.string().max(40).refine(isPupilSort, 'unknown sort key').optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

const SchoolSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  institutionNumber: z.string().nullable(),
  calendarLevel: z.enum(['basis', 'secundair']).nullable(),
  schoolYears: z.array(z.string()).describe('School years with data, newest first'),
  defaultSchoolYear: z.string(),
  actions: z.array(z.string()).optional().describe('The actions the policy allows this user on this school'),
});

const OfficialCode = z.string().describe('Official code this code is reported as');
const AbsenceCode = z.object({
  code: z.string(),
  official: z.boolean(),
  mapsTo: OfficialCode.nullable(),
  countsAsAbsent: z.boolean(),
  nl: z.string(),
  en: z.string(),
});

const PupilList = z.object({
  schoolYear: z.string(),
  total: z.number().int().describe('Pupils matching the filter, over all pages'),
  classes: z.array(z.string()),
  codes: z.array(z.string()).describe('Codes registered in this school year (stable code columns across pages)'),
  items: z.array(
    z.object({
      id: z.number().int(),
      externalId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: CivilDate,
      level: z.enum(['kleuter', 'lager', 'secundair']),
      grade: z.number().int().nullable(),
      className: z.string().nullable(),
      absentHalfDays: z.number().int(),
      countsByCode: z.record(z.string(), z.number().int()),
    }),
  ),
});

export async function schoolRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools',
    { ...access('school.list'), schema: { response: { 200: z.array(SchoolSummary) } } },
    async (request) => schoolsVisibleTo(db, requireActor(request), today()),
  );

  api.get(
    '/absence-codes',
    { ...access('absence-code.read'), schema: { response: { 200: z.array(AbsenceCode).readonly() } } },
    async (request) => {
      requireActor(request);
      return ABSENCE_CODES;
    },
  );

  api.get(
    '/schools/:schoolId/pupils',
    {
      ...access('pupil.list', { invalidMessages: { nl: 'Ongeldige filter.', en: 'Invalid filter.' } }),
      schema: { params: params('schoolId'), querystring: PupilQuery, response: { 200: PupilList } },
    },
    async (request) => {
      const q = request.query;
      return listSchoolPupils(
        db,
        requireActor(request),
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
    },
  );
}
