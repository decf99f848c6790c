// One pupil's school year: enrolment, calendar, register and corrections.
import type { FastifyInstance } from 'fastify';
import { pupilYear } from '../../app/pupil.service.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

export async function pupilRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get<{ Params: { pupilId: string }; Querystring: { schoolYear?: string } }>(
    '/pupils/:pupilId',
    access('pupil.read'),
    async (request) => {
      const actor = requireActor(request);
      return pupilYear(db, actor, idParam(request.params.pupilId), request.query.schoolYear, today());
    },
  );
}
