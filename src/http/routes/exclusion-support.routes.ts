// After a definitive exclusion: opvang (primary) or help finding a new school (secondary), per enrolment (issue 15).
import { z } from 'zod';
import {
  exclusionSupport,
  recordExclusionSupport,
  requireExclusionSupportAccess,
} from '../../app/exclusion-support.service.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const ExclusionSupport = z.object({
  schoolYear: z.string(),
  level: z.enum(['kleuter', 'lager', 'secundair']),
  excludedOn: CivilDate.nullable(),
  opvang: z.boolean().nullable().describe('Primary: opvang offered during the exclusion; null: not recorded'),
  searchHelp: z.boolean().nullable().describe('Secondary: school and CLB help find a new school; null: not recorded'),
  version: z.number().int().describe('The enrolment version (shared with the enrolled-elsewhere edits)'),
});

const Change = z.object({
  opvang: z.boolean().nullable(),
  searchHelp: z.boolean().nullable(),
  version: z.number().int().min(1),
});

export async function exclusionSupportRoutes(api: Api, { db, today }: RouteContext) {
  const url = '/pupils/:pupilId/enrolments/:schoolYear/exclusion-support';
  api.get(
    url,
    {
      ...access('enrolment.elsewhere'),
      schema: { params: params('pupilId', 'schoolYear'), response: { 200: ExclusionSupport } },
    },
    async (request) =>
      exclusionSupport(db, requireActor(request), idParam(request.params.pupilId), request.params.schoolYear, today()),
  );
  api.put(
    url,
    {
      ...access('enrolment.elsewhere'),
      schema: { params: params('pupilId', 'schoolYear'), body: Change, response: { 200: ExclusionSupport } },
      preValidation: accessBeforeBody('pupilId', (actor, id) => requireExclusionSupportAccess(db, actor, id, today())),
    },
    async (request) =>
      recordExclusionSupport(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        request.params.schoolYear,
        request.body,
        today(),
      ),
  );
}
