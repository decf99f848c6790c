// Notes on a pupil (with a confidentiality level) and the consents that share a CLB doctor's note.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addConsent, addNote, listNotes, revokeConsent } from '../../app/note.service.ts';
import { addFileConsent, listFileConsents, requireConsentItem } from '../../app/pupil-file/file-consent.service.ts';
import { access } from '../route-access.ts';
import { type Api, Consent, Created, NoContent, params, Timestamp } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const NoteBody = z.object({ confidentiality: z.string().max(20), body: z.string().max(10_000) });
const ConsentBody = z.object({
  givenBy: z.string().max(200),
  purpose: z.string().max(1000),
  sharedWithRoles: z.array(z.string().max(40)).max(10),
  validUntil: z.string().max(10).describe('Civil date YYYY-MM-DD'),
});

const Notes = z.array(
  z.object({
    id: z.number().int(),
    pupilId: z.number().int(),
    schoolId: z.number().int(),
    confidentiality: z.enum(['school', 'school+clb', 'clb', 'clb-arts']),
    body: z.string(),
    authorId: z.number().int(),
    authorName: z.string(),
    authorRole: z.string(),
    createdAt: Timestamp,
    consents: z.array(Consent).describe("A CLB doctor's note's consents, for who manages them; otherwise empty"),
  }),
);
const FileConsents = z.object({
  items: z.array(Consent.extend({ valid: z.boolean().describe('Shares the item today') })),
});

export async function noteRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/pupils/:pupilId/notes',
    { ...access('note.list'), schema: { params: params('pupilId'), response: { 200: Notes } } },
    async (request) => listNotes(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post(
    '/pupils/:pupilId/notes',
    { ...access('note.write'), schema: { params: params('pupilId'), body: NoteBody, response: { 201: Created } } },
    async (request, reply) => {
      const created = await addNote(db, requireActor(request), idParam(request.params.pupilId), request.body, today());
      return reply.status(201).send(created);
    },
  );

  api.post(
    '/notes/:noteId/consents',
    {
      ...access('consent.manage'),
      schema: { params: params('noteId'), body: ConsentBody, response: { 201: Created } },
    },
    async (request, reply) => {
      const created = await addConsent(
        db,
        requireActor(request),
        idParam(request.params.noteId),
        request.body,
        today(),
      );
      return reply.status(201).send(created);
    },
  );

  /** Consents sharing a CLB doctor's entry or document of the pupil file (access checked before the body). */
  for (const [item, path] of [
    ['entry', 'entries'],
    ['document', 'documents'],
  ] as const) {
    const param = `${item}Id` as const;
    const idOf = (request: FastifyRequest) => idParam((request.params as Record<string, string>)[param] ?? '');
    api.post(
      `/file/${path}/:${param}/consents`,
      {
        ...access('consent.manage'),
        schema: { params: params(param), body: ConsentBody, response: { 201: Created } },
        // Access to the item before its body is validated (preValidation): no 400 tells outsiders it exists.
        preValidation: async (request) => {
          await requireConsentItem(db, requireActor(request), item, idOf(request));
        },
      },
      async (request, reply) => {
        const created = await addFileConsent(db, requireActor(request), item, idOf(request), request.body, today());
        return reply.status(201).send(created);
      },
    );
    api.get(
      `/file/${path}/:${param}/consents`,
      { ...access('consent.manage'), schema: { params: params(param), response: { 200: FileConsents } } },
      async (request) => listFileConsents(db, requireActor(request), item, idOf(request), today()),
    );
  }

  api.post(
    '/consents/:consentId/revoke',
    { ...access('consent.manage'), schema: { params: params('consentId'), response: { 204: NoContent } } },
    async (request, reply) => {
      await revokeConsent(db, requireActor(request), idParam(request.params.consentId));
      return reply.status(204).send();
    },
  );
}
