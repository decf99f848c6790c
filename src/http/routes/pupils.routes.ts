// One pupil's school year: enrolment, calendar, register and corrections; recording an enrolment elsewhere.
import { z } from 'zod';
import {
  ELSEWHERE_SCHOOL_MAX_LENGTH,
  recordEnrolledElsewhere,
  requireEnrolmentElsewhereAccess,
} from '../../app/enrolment-elsewhere.service.ts';
import { pupilYear } from '../../app/pupil.service.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params, YearQuery } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const EnrolledElsewhere = z.object({
  from: CivilDate.nullable().describe('First day in the other school; null clears it'),
  school: z.string().max(ELSEWHERE_SCHOOL_MAX_LENGTH).nullable().optional(),
  version: z.number().int().min(1),
});

const Enrolment = z.object({
  schoolYear: z.string(),
  level: z.enum(['kleuter', 'lager', 'secundair']),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  enrolledFrom: CivilDate,
  enrolledUntil: CivilDate.nullable(),
  excludedOn: CivilDate.nullable(),
  enrolledElsewhereFrom: CivilDate.nullable().describe('After a definitive exclusion: enrolled in another school'),
  enrolledElsewhereSchool: z.string().nullable(),
  version: z.number().int().describe('Optimistic lock of the enrolled-elsewhere edits'),
});

const Half = z.enum(['AM', 'PM']);
const PupilYear = z.object({
  pupil: z.object({
    id: z.number().int(),
    externalId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: CivilDate,
    schoolId: z.number().int(),
  }),
  enrolment: Enrolment.nullable().describe('The enrolment of the school year shown; null: not enrolled that year'),
  schoolYear: z.string(),
  schoolYears: z.array(z.string()).describe('School years the pupil is enrolled in, newest first'),
  calendar: z.array(z.object({ date: CivilDate, half: Half, schoolDay: z.boolean() })),
  register: z.array(z.object({ date: CivilDate, half: Half, code: z.string(), note: z.string().nullable() })),
  countsByCode: z.record(z.string(), z.number().int()),
  history: z.array(
    z.object({
      date: CivilDate,
      half: Half,
      oldCode: z.string(),
      newCode: z.string(),
      changedAt: z.string().describe('ISO 8601, UTC'),
      changedBy: z.string().nullable(),
      importId: z.number().int().nullable(),
    }),
  ),
  carriedOver: z
    .object({
      b: z.number().int().describe('B half-days at a previous school this school year, counted by the rules'),
      bSource: z.enum(['import', 'other-school']),
      z: z.number().int().nullable(),
      p: z.number().int().nullable(),
    })
    .nullable()
    .describe('Half-days carried over from a previous school this school year (docs/import.md); null: none'),
  permissions: z
    .object({ enrolmentElsewhere: z.boolean() })
    .describe('What the page may offer to change (the server checks again on every write)'),
});

export async function pupilRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/pupils/:pupilId',
    {
      ...access('pupil.read'),
      schema: { params: params('pupilId'), querystring: YearQuery, response: { 200: PupilYear } },
    },
    async (request) => {
      const actor = requireActor(request);
      return pupilYear(db, actor, idParam(request.params.pupilId), request.query.schoolYear, today());
    },
  );

  /** After a definitive exclusion: enrolled in another school from a date (null clears it), with its version. */
  api.put(
    '/pupils/:pupilId/enrolments/:schoolYear/elsewhere',
    {
      ...access('enrolment.elsewhere'),
      schema: { params: params('pupilId', 'schoolYear'), body: EnrolledElsewhere, response: { 200: Enrolment } },
      // Access on the pupil before the body is validated (preValidation): no 400 reveals anything to outsiders.
      preValidation: accessBeforeBody('pupilId', (actor, id) =>
        requireEnrolmentElsewhereAccess(db, actor, id, today()),
      ),
    },
    async (request) =>
      recordEnrolledElsewhere(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        request.params.schoolYear,
        request.body,
        today(),
      ),
  );
}
