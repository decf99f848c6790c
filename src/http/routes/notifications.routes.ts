// Notifications and letters (issue 19): one's own e-mail digest preference, the school's letter templates, and a
// letter to a pupil's parents as PDF or DOCX (recorded in the pupil file as a contact with the parents).
import { z } from 'zod';
import {
  generateLetter,
  listLetterTemplates,
  resetLetterTemplate,
  saveLetterTemplate,
} from '../../app/letters/letters.service.ts';
import { notificationSettings, setNotificationFrequency } from '../../app/notifications/preferences.service.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { LETTER_FORMATS, LETTER_KINDS } from '../../domain/letters/letters.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Frequency = z
  .enum(['daily', 'weekly', 'off'])
  .describe('How often the e-mail digest comes: daily, weekly (Mondays) or off');

const NotificationSettings = z.object({
  frequency: Frequency,
  version: z.number().int().describe('0 while the default applies'),
  log: z
    .array(
      z.object({
        kind: z.string(),
        day: CivilDate,
        itemCount: z.number().int(),
        outcome: z.enum(['sent', 'failed']),
        attempts: z.number().int(),
        at: z.string(),
      }),
    )
    .describe('The latest digests sent to me (never their content)'),
});

const LetterTemplates = z.object({
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  templates: z.array(
    z.object({
      kind: z.enum(LETTER_KINDS),
      label: z.string(),
      source: z.string(),
      subject: z.string(),
      body: z.string(),
      isDefault: z.boolean(),
      version: z.number().int(),
      defaultSubject: z.string(),
      defaultBody: z.string(),
    }),
  ),
});

const TemplateBody = z.object({
  subject: z.string().max(300),
  body: z.string().max(20_000),
  version: z.number().int().min(0),
});

const LetterBody = z.object({
  kind: z.enum(LETTER_KINDS),
  format: z.enum(LETTER_FORMATS),
  from: CivilDate.optional(),
  until: CivilDate.optional(),
  meetingAt: z.string().max(200).optional(),
  meetingPlace: z.string().max(200).optional(),
});

export async function notificationRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/me/notifications',
    { ...access('notification.preferences'), schema: { response: { 200: NotificationSettings } } },
    async (request) => notificationSettings(db, requireActor(request)),
  );

  api.put(
    '/me/notifications',
    {
      ...access('notification.preferences'),
      schema: {
        body: z.object({ frequency: Frequency, version: z.number().int().min(0) }),
        response: { 200: NotificationSettings },
      },
    },
    async (request) => setNotificationFrequency(db, requireActor(request), request.body),
  );

  api.get(
    '/schools/:schoolId/letter-templates',
    { ...access('letter.template'), schema: { params: params('schoolId'), response: { 200: LetterTemplates } } },
    async (request) => listLetterTemplates(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.put(
    '/schools/:schoolId/letter-templates/:kind',
    {
      ...access('letter.template'),
      schema: { params: params('schoolId', 'kind'), body: TemplateBody, response: { 200: LetterTemplates } },
    },
    async (request) =>
      saveLetterTemplate(
        db,
        requireActor(request),
        idParam(request.params.schoolId),
        request.params.kind,
        request.body,
      ),
  );

  api.delete(
    '/schools/:schoolId/letter-templates/:kind',
    {
      ...access('letter.template'),
      schema: { params: params('schoolId', 'kind'), response: { 200: LetterTemplates } },
    },
    async (request) =>
      resetLetterTemplate(db, requireActor(request), idParam(request.params.schoolId), request.params.kind),
  );

  api.post(
    '/pupils/:pupilId/letters',
    {
      ...access('letter.write'),
      // Access on the pupil first: no 400 reveals anything to outsiders.
      preValidation: accessBeforeBody('pupilId', (actor, id) =>
        requirePupilAccess(db, actor, 'letter.write', id, today()),
      ),
      schema: {
        params: params('pupilId'),
        body: LetterBody,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (request, reply) => {
      const letter = await generateLetter(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        request.body,
        today(),
      );
      return reply
        .code(201)
        .type(letter.contentType)
        .header('content-disposition', contentDisposition(letter.fileName))
        .header('x-entry-id', String(letter.entryId))
        .send(letter.content);
    },
  );
}
