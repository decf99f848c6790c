// The restart decision (seed 002 §2.1–2.3): taxatie → keuzeschema → the team's decision with its reasons, a
// relapse's evaluation, and phase 3's term and review date (a reminder). A guided workflow of the pupil file.
import { z } from 'zod';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { recordRestartDecision } from '../../app/pupil-file/restart-decision.service.ts';
import { RESTART_OUTCOMES, TAXATIE_QUESTIONS } from '../../domain/pupil-file/workflows/index.ts';
import { access } from '../route-access.ts';
import { type Api, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const outcomes = RESTART_OUTCOMES.map((o) => o.id) as [string, ...string[]];
const RestartDecision = z.object({
  taxatie: z.partialRecord(z.enum(TAXATIE_QUESTIONS.map((q) => q.id) as [string, ...string[]]), z.string().max(40)),
  decision: z.enum(outcomes),
  otherwiseBecause: z.string().max(2000).optional(),
  relapse: z
    .object({ on: z.string().max(10), what: z.string().max(2000), evaluation: z.string().max(2000) })
    .optional(),
  term: z.string().max(200).optional(),
  reviewOn: z.string().max(10).optional(),
  occurredOn: z.string().max(10).optional(),
  who: z.string().max(200).optional(),
  confidentiality: z.enum(['school', 'school+clb', 'clb', 'clb-arts']).optional(),
});

export async function restartRoutes(api: Api, { db, today }: RouteContext) {
  api.post(
    '/pupils/:pupilId/file/workflows/restart-decision',
    {
      ...access('file.manage'),
      preValidation: accessBeforeBody('pupilId', (actor, id) =>
        requirePupilAccess(db, actor, 'file.manage', id, today()),
      ),
      schema: { params: params('pupilId'), body: RestartDecision },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordRestartDecision(
            db,
            requireActor(request),
            idParam(request.params.pupilId),
            request.body as Parameters<typeof recordRestartDecision>[3],
            today(),
          ),
        ),
  );
}
