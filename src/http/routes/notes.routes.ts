// Notes on a pupil (with a confidentiality level) and the consents that share a CLB doctor's note.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import { addConsent, addNote, listNotes, revokeConsent } from '../../app/note.service.ts';
import { addFileConsent, listFileConsents, requireConsentItem } from '../../app/pupil-file/file-consent.service.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const NoteBody = z.object({ confidentiality: z.string().max(20), body: z.string().max(10_000) });
const ConsentBody = z.object({
  givenBy: z.string().max(200),
  purpose: z.string().max(1000),
  sharedWithRoles: z.array(z.string().max(40)).max(10),
  validUntil: z.string().max(10),
});

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${parsed.error.message}` });
  return parsed.data;
};

export async function noteRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get<{ Params: { pupilId: string } }>('/pupils/:pupilId/notes', access('note.list'), async (request) =>
    listNotes(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post<{ Params: { pupilId: string } }>('/pupils/:pupilId/notes', access('note.write'), async (request, reply) => {
    const body = parse(NoteBody, request.body);
    const created = await addNote(db, requireActor(request), idParam(request.params.pupilId), body, today());
    return reply.status(201).send(created);
  });

  api.post<{ Params: { noteId: string } }>(
    '/notes/:noteId/consents',
    access('consent.manage'),
    async (request, reply) => {
      const body = parse(ConsentBody, request.body);
      const created = await addConsent(db, requireActor(request), idParam(request.params.noteId), body, today());
      return reply.status(201).send(created);
    },
  );

  /** Consents sharing a CLB doctor's entry or document of the pupil file (access checked before the body). */
  for (const [item, path] of [
    ['entry', 'entries'],
    ['document', 'documents'],
  ] as const) {
    const param = `${item}Id`;
    const idOf = (request: FastifyRequest) => idParam((request.params as Record<string, string>)[param] ?? '');
    api.post(
      `/file/${path}/:${param}/consents`,
      {
        ...access('consent.manage'),
        preHandler: async (request) => {
          await requireConsentItem(db, requireActor(request), item, idOf(request));
        },
      },
      async (request, reply) => {
        const body = parse(ConsentBody, request.body);
        const created = await addFileConsent(db, requireActor(request), item, idOf(request), body, today());
        return reply.status(201).send(created);
      },
    );
    api.get(`/file/${path}/:${param}/consents`, access('consent.manage'), async (request) =>
      listFileConsents(db, requireActor(request), item, idOf(request), today()),
    );
  }

  api.post<{ Params: { consentId: string } }>(
    '/consents/:consentId/revoke',
    access('consent.manage'),
    async (request, reply) => {
      await revokeConsent(db, requireActor(request), idParam(request.params.consentId));
      return reply.status(204).send();
    },
  );
}
