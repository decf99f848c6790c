// The school's self-scan: list and compare years, read one year, edit goals/answers/actions/comments, export.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import {
  addAction,
  addComment,
  changeAction,
  exportSelfscan,
  getSelfscan,
  listSelfscans,
  saveAnswer,
  saveGoal,
  startSelfscan,
} from '../../app/selfscan/selfscan.service.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Start = z.object({ schoolYear: z.string().max(9) });
const Goal = z.object({
  version: z.number().int().min(0),
  score: z.number().int().min(0).max(10).nullable(),
  focus: z.string().max(4000).optional(),
});
const Answer = z.object({ version: z.number().int().min(0), answer: z.string().max(4000) });
const ActionBody = z.object({
  what: z.string().max(4000),
  who: z.string().max(4000).optional(),
  due: z.string().max(4000).optional(),
  check: z.string().max(4000).optional(),
  status: z.enum(['planned', 'in-progress', 'done', 'dropped']).optional(),
});
const ActionChange = ActionBody.extend({ version: z.number().int().min(1) });
const Comment = z.object({ body: z.string().max(4000) });
const ExportQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${result.error.message}` });
  return result.data;
}

type Params = { schoolId: string; schoolYear: string };

export async function selfscanRoutes(api: FastifyInstance, { db }: RouteContext) {
  const base = '/schools/:schoolId/selfscans';

  api.get<{ Params: { schoolId: string } }>(base, access('selfscan.read'), async (request) =>
    listSelfscans(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.post<{ Params: { schoolId: string } }>(base, access('selfscan.edit'), async (request) => {
    const body = parse(Start, request.body);
    return startSelfscan(db, requireActor(request), idParam(request.params.schoolId), body.schoolYear);
  });

  api.get<{ Params: Params }>(`${base}/:schoolYear`, access('selfscan.read'), async (request) =>
    getSelfscan(db, requireActor(request), idParam(request.params.schoolId), request.params.schoolYear),
  );

  api.put<{ Params: Params & { goalId: string } }>(
    `${base}/:schoolYear/goals/:goalId`,
    access('selfscan.edit'),
    async (request) => {
      const body = parse(Goal, request.body);
      const { schoolId, schoolYear, goalId } = request.params;
      return saveGoal(db, requireActor(request), idParam(schoolId), schoolYear, goalId, body);
    },
  );

  api.put<{ Params: Params & { questionId: string } }>(
    `${base}/:schoolYear/answers/:questionId`,
    access('selfscan.edit'),
    async (request) => {
      const body = parse(Answer, request.body);
      const { schoolId, schoolYear, questionId } = request.params;
      return saveAnswer(db, requireActor(request), idParam(schoolId), schoolYear, questionId, body);
    },
  );

  api.post<{ Params: Params & { goalId: string } }>(
    `${base}/:schoolYear/goals/:goalId/actions`,
    access('selfscan.edit'),
    async (request) => {
      const body = parse(ActionBody, request.body);
      const { schoolId, schoolYear, goalId } = request.params;
      return addAction(db, requireActor(request), idParam(schoolId), schoolYear, goalId, body);
    },
  );

  api.put<{ Params: Params & { actionId: string } }>(
    `${base}/:schoolYear/actions/:actionId`,
    access('selfscan.edit'),
    async (request) => {
      const body = parse(ActionChange, request.body);
      const { schoolId, schoolYear, actionId } = request.params;
      return changeAction(db, requireActor(request), idParam(schoolId), schoolYear, idParam(actionId), body);
    },
  );

  api.post<{ Params: Params & { goalId: string } }>(
    `${base}/:schoolYear/goals/:goalId/comments`,
    access('selfscan.edit'),
    async (request) => {
      const body = parse(Comment, request.body);
      const { schoolId, schoolYear, goalId } = request.params;
      return addComment(db, requireActor(request), idParam(schoolId), schoolYear, goalId, body.body);
    },
  );

  for (const format of ['pdf', 'docx'] as const) {
    api.get<{ Params: Params }>(
      `${base}/:schoolYear/export.${format}`,
      access('selfscan.read'),
      async (request, reply) => {
        const { lang } = parse(ExportQuery, request.query);
        const result = await exportSelfscan(
          db,
          requireActor(request),
          idParam(request.params.schoolId),
          request.params.schoolYear,
          format,
          lang ?? 'nl',
        );
        return reply
          .type(result.contentType)
          .header('content-disposition', contentDisposition(result.filename))
          .send(result.body);
      },
    );
  }
}
