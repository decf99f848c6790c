// The school's self-scan: list and compare years, read one year, edit goals/answers/actions/comments, export.
import { z } from 'zod';
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
import { type Api, params, SchoolYear } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Start = z.object({ schoolYear: SchoolYear });
const Started = z.object({
  schoolYear: z.string(),
  created: z.boolean().describe('false: the scan of that year already existed (starting twice is harmless)'),
});
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
const ActionStatus = z.enum(['planned', 'in-progress', 'done', 'dropped']);
const GoalSaved = z.object({
  goalId: z.string(),
  score: z.number().int().nullable(),
  focus: z.string(),
  version: z.number().int(),
});
const AnswerSaved = z.object({ questionId: z.string(), answer: z.string(), version: z.number().int() });
const ActionSaved = z.object({
  id: z.number().int(),
  goalId: z.string(),
  version: z.number().int(),
  what: z.string(),
  who: z.string(),
  due: z.string(),
  check: z.string(),
  status: ActionStatus,
});
const CommentSaved = z.object({ id: z.number().int(), goalId: z.string(), body: z.string() });
const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const ExportQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

export async function selfscanRoutes(api: Api, { db }: RouteContext) {
  const base = '/schools/:schoolId/selfscans';

  api.get(base, { ...access('selfscan.read'), schema: { params: params('schoolId') } }, async (request) =>
    listSelfscans(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.post(
    base,
    { ...access('selfscan.edit'), schema: { params: params('schoolId'), body: Start, response: { 200: Started } } },
    async (request) =>
      startSelfscan(db, requireActor(request), idParam(request.params.schoolId), request.body.schoolYear),
  );

  api.get(
    `${base}/:schoolYear`,
    { ...access('selfscan.read'), schema: { params: params('schoolId', 'schoolYear') } },
    async (request) =>
      getSelfscan(db, requireActor(request), idParam(request.params.schoolId), request.params.schoolYear),
  );

  api.put(
    `${base}/:schoolYear/goals/:goalId`,
    {
      ...access('selfscan.edit'),
      schema: { params: params('schoolId', 'schoolYear', 'goalId'), body: Goal, response: { 200: GoalSaved } },
    },
    async (request) => {
      const { schoolId, schoolYear, goalId } = request.params;
      return saveGoal(db, requireActor(request), idParam(schoolId), schoolYear, goalId, request.body);
    },
  );

  api.put(
    `${base}/:schoolYear/answers/:questionId`,
    {
      ...access('selfscan.edit'),
      schema: { params: params('schoolId', 'schoolYear', 'questionId'), body: Answer, response: { 200: AnswerSaved } },
    },
    async (request) => {
      const { schoolId, schoolYear, questionId } = request.params;
      return saveAnswer(db, requireActor(request), idParam(schoolId), schoolYear, questionId, request.body);
    },
  );

  api.post(
    `${base}/:schoolYear/goals/:goalId/actions`,
    {
      ...access('selfscan.edit'),
      schema: { params: params('schoolId', 'schoolYear', 'goalId'), body: ActionBody, response: { 200: ActionSaved } },
    },
    async (request) => {
      const { schoolId, schoolYear, goalId } = request.params;
      return addAction(db, requireActor(request), idParam(schoolId), schoolYear, goalId, request.body);
    },
  );

  api.put(
    `${base}/:schoolYear/actions/:actionId`,
    {
      ...access('selfscan.edit'),
      schema: {
        params: params('schoolId', 'schoolYear', 'actionId'),
        body: ActionChange,
        response: { 200: ActionSaved },
      },
    },
    async (request) => {
      const { schoolId, schoolYear, actionId } = request.params;
      return changeAction(db, requireActor(request), idParam(schoolId), schoolYear, idParam(actionId), request.body);
    },
  );

  api.post(
    `${base}/:schoolYear/goals/:goalId/comments`,
    {
      ...access('selfscan.edit'),
      schema: { params: params('schoolId', 'schoolYear', 'goalId'), body: Comment, response: { 200: CommentSaved } },
    },
    async (request) => {
      const { schoolId, schoolYear, goalId } = request.params;
      return addComment(db, requireActor(request), idParam(schoolId), schoolYear, goalId, request.body.body);
    },
  );

  for (const format of ['pdf', 'docx'] as const) {
    api.get(
      `${base}/:schoolYear/export.${format}`,
      {
        ...access('selfscan.read'),
        schema: { params: params('schoolId', 'schoolYear'), querystring: ExportQuery, produces: [MEDIA_TYPES[format]] },
      },
      async (request, reply) => {
        const { lang } = request.query;
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
