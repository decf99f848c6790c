// One pupil's school year: enrolment, calendar, register and corrections; recording an enrolment elsewhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ELSEWHERE_SCHOOL_MAX_LENGTH,
  recordEnrolledElsewhere,
  requireEnrolmentElsewhereAccess,
} from '../../app/enrolment-elsewhere.service.ts';
import { invalidInput } from '../../app/errors.ts';
import { pupilYear } from '../../app/pupil.service.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const EnrolledElsewhere = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  school: z.string().max(ELSEWHERE_SCHOOL_MAX_LENGTH).nullable().optional(),
  version: z.number().int().min(1),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${result.error.message}` });
  return result.data;
}

type ElsewhereParams = { Params: { pupilId: string; schoolYear: string } };

export async function pupilRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get<{ Params: { pupilId: string }; Querystring: { schoolYear?: string } }>(
    '/pupils/:pupilId',
    access('pupil.read'),
    async (request) => {
      const actor = requireActor(request);
      return pupilYear(db, actor, idParam(request.params.pupilId), request.query.schoolYear, today());
    },
  );

  /** After a definitive exclusion: enrolled in another school from a date (null clears it), with its version. */
  api.put<ElsewhereParams>(
    '/pupils/:pupilId/enrolments/:schoolYear/elsewhere',
    {
      ...access('enrolment.elsewhere'),
      // Access on the pupil before the body is validated: no 400 reveals anything to outsiders.
      preHandler: async (request: FastifyRequest) => {
        const { pupilId } = request.params as { pupilId: string };
        await requireEnrolmentElsewhereAccess(db, requireActor(request), idParam(pupilId), today());
      },
    },
    async (request) =>
      recordEnrolledElsewhere(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        request.params.schoolYear,
        parse(EnrolledElsewhere, request.body),
        today(),
      ),
  );
}
