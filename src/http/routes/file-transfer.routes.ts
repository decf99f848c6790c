// The file transfer to the new school's CLB (issue 15, docs/decisions/0036): the transfer panel of a pupil's file,
// the decision of the parents or the adult pupil, sending, the received snapshot and its documents, and the old
// CLB's list of detected school changers.
import { z } from 'zod';
import {
  pendingTransfers,
  readTransfer,
  recordTransferDecision,
  sendTransfer,
  transferDocument,
  transferOverview,
} from '../../app/file-transfer/file-transfer.service.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { TRANSFER_CATEGORY_IDS, TRANSFER_RULES } from '../../domain/file-transfer.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { sendStoredFile } from '../stored-file-reply.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Category = z.enum(TRANSFER_CATEGORY_IDS);
const Level = z.enum(['school', 'school+clb', 'clb', 'clb-arts']);
const Decider = z.enum(['parents', 'pupil']);
const Named = z.object({ id: z.number().int(), name: z.string() });

const Decision = z.object({
  id: z.number().int(),
  decidedBy: Decider.describe('parents, or the pupil of age (18)'),
  informedOn: CivilDate.describe('When the parents (or the adult pupil) were informed of the transfer'),
  decidedOn: CivilDate,
  refused: z.array(Category).describe('Refused categories; empty: no objection'),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recorderRole: z.string(),
  recordedAt: z.string(),
});

const Counted = z.object({ category: Category, count: z.number().int() });
const Summary = z.object({
  id: z.number().int(),
  from: z.object({ clb: Named, school: Named }),
  to: z.object({ clb: Named, school: Named, pupil: Named }),
  sentOn: CivilDate,
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  senderRole: z.string(),
  caseId: z.number().int().nullable().describe('The receiving CLB’s inbox case'),
  counts: z.array(Counted).describe('Items in the snapshot per category (all readers)'),
  leftOut: z
    .array(z.object({ category: Category, reason: z.string(), count: z.number().int() }))
    .describe('Chosen but not sent: refused or never transferable (counted, never copied)'),
});

const Verdict = {
  category: Category,
  rule: z.enum(TRANSFER_RULES),
  goesAlong: z.boolean().describe('Under the decision in force (none: as if nothing was refused)'),
  reason: z.string().nullable(),
};

const Overview = z.object({
  categories: z.array(
    z.object({
      id: Category,
      rule: z.enum(TRANSFER_RULES),
      readers: z.enum(['clb', 'clb-arts']),
      nl: z.string(),
      en: z.string(),
      source: z.string(),
    }),
  ),
  decider: z.object({ now: Decider, adultAge: z.number().int(), source: z.string() }),
  decisions: z.array(Decision).describe('Newest first; the first is in force'),
  newSchools: z.array(
    z.object({
      pupilId: z.number().int().describe('The pupil row at the new school (same keyed identity)'),
      school: Named,
      enrolledFrom: CivilDate,
      clb: Named.nullable(),
    }),
  ),
  choosable: z.object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        occurredOn: CivilDate,
        who: z.string(),
        confidentiality: Level,
        ...Verdict,
      }),
    ),
    documents: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        uploadedOn: CivilDate,
        confidentiality: Level,
        ...Verdict,
      }),
    ),
  }),
  sent: z.array(Summary),
  received: z.array(Summary),
});

const DecisionBody = z.object({
  decidedBy: Decider,
  informedOn: CivilDate,
  decidedOn: CivilDate,
  refused: z.array(z.string().max(40)).max(10),
  note: z.string().max(2000).nullable().optional(),
  replaces: z.number().int().nullable().describe('The decision in force the recorder saw (null: none); 409 if stale'),
});

const SendBody = z.object({
  toPupilId: z.number().int(),
  decisionId: z.number().int().describe('The decision in force the sender saw; 409 if another was recorded since'),
  entryIds: z.array(z.number().int()).max(1000),
  documents: z
    .array(z.object({ id: z.number().int(), mark: z.enum(['verslag', 'disciplinary']).nullable().optional() }))
    .max(500),
  handoverNote: z.string().max(4000).nullable().optional(),
});

const Snapshot = Summary.extend({
  handoverNote: z.string().nullable(),
  decision: Decision.nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      category: Category,
      readers: z.enum(['clb', 'clb-arts']),
      source: z.enum(['entry', 'document']),
      sourceConfidentiality: z.string(),
      occurredOn: CivilDate,
      kind: z.string().nullable(),
      who: z.string().nullable(),
      what: z.string().nullable(),
      effect: z.string().nullable(),
      title: z.string().nullable(),
      fileName: z.string().nullable(),
      mediaType: z.string().nullable(),
      sizeBytes: z.number().int().nullable(),
      sha256: z.string().nullable(),
      authorRole: z.string().nullable(),
    }),
  ),
  hiddenItems: z.number().int().describe('Items of the CLB doctor this reader does not see'),
});

const Pending = z.object({
  items: z.array(
    z.object({
      pupil: z.object({ id: z.number().int(), name: z.string(), externalId: z.string() }),
      school: Named,
      newSchool: z.object({ name: z.string(), enrolledFrom: CivilDate }),
    }),
  ),
});

export async function fileTransferRoutes(api: Api, { db, today }: RouteContext) {
  // Access on the pupil before the body is validated: no 400 tells outsiders anything.
  const preValidation = accessBeforeBody('pupilId', (actor, id) =>
    requirePupilAccess(db, actor, 'file-transfer.manage', id, today()),
  );

  api.get(
    '/pupils/:pupilId/file-transfer',
    { ...access('file-transfer.manage'), schema: { params: params('pupilId'), response: { 200: Overview } } },
    async (request) => transferOverview(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post(
    '/pupils/:pupilId/file-transfer/decisions',
    {
      ...access('file-transfer.manage'),
      schema: { params: params('pupilId'), body: DecisionBody, response: { 201: Decision } },
      preValidation,
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordTransferDecision(
            db,
            requireActor(request),
            idParam(request.params.pupilId),
            request.body,
            today(),
          ),
        ),
  );

  api.post(
    '/pupils/:pupilId/file-transfer/transfers',
    {
      ...access('file-transfer.manage'),
      schema: { params: params('pupilId'), body: SendBody, response: { 201: Summary } },
      preValidation,
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sendTransfer(db, requireActor(request), idParam(request.params.pupilId), request.body, today())),
  );

  api.get(
    '/file-transfers/:transferId',
    { ...access('file-transfer.receive'), schema: { params: params('transferId'), response: { 200: Snapshot } } },
    async (request) => readTransfer(db, requireActor(request), idParam(request.params.transferId)),
  );

  api.get(
    '/file-transfers/:transferId/items/:itemId/content',
    {
      ...access('file-transfer.receive'),
      schema: { params: params('transferId', 'itemId'), produces: ['application/octet-stream'] },
    },
    async (request, reply) => {
      const document = await transferDocument(
        db,
        requireActor(request),
        idParam(request.params.transferId),
        idParam(request.params.itemId),
      );
      return sendStoredFile(reply, document);
    },
  );

  api.get(
    '/clbs/:clbId/file-transfers/pending',
    { ...access('clb-inbox.read'), schema: { params: params('clbId'), response: { 200: Pending } } },
    async (request) => pendingTransfers(db, requireActor(request), idParam(request.params.clbId)),
  );
}
