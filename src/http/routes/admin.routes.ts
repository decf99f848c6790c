// Account administration and the audit log search, for a beheerder of the organisation.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignRole,
  grantHistory,
  inviteUser,
  listUsers,
  manageableOrganisations,
  removeRole,
  resetPassword,
  setActive,
} from '../../app/accounts.service.ts';
import { searchAudit } from '../../app/audit.service.ts';
import { invalidInput } from '../../app/errors.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Assignment = z.object({
  organisationId: z.coerce.number().int(),
  role: z.string().max(40),
  classNames: z.array(z.string().max(100)).max(50).optional(),
});
const Invitation = Assignment.extend({ email: z.string().max(320), displayName: z.string().max(200) });
const UserQuery = z.object({ organisationId: z.coerce.number().int().optional() });
const GrantQuery = UserQuery.extend({ userId: z.coerce.number().int().optional() });
const AuditQuery = z.object({
  organisationId: z.coerce.number().int().optional(),
  pupilId: z.coerce.number().int().optional(),
  userId: z.coerce.number().int().optional(),
  action: z.string().max(60).optional(),
  from: z.string().max(10).optional(),
  until: z.string().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${parsed.error.message}` });
  return parsed.data;
};

type UserParams = { Params: { userId: string } };

export async function adminRoutes(api: FastifyInstance, { db }: RouteContext) {
  api.get('/admin/organisations', access('user.manage'), async (request) =>
    manageableOrganisations(db, requireActor(request)),
  );

  api.get('/admin/users', access('user.manage'), async (request) =>
    listUsers(db, requireActor(request), parse(UserQuery, request.query).organisationId),
  );

  api.get('/admin/grants', access('user.manage'), async (request) =>
    grantHistory(db, requireActor(request), parse(GrantQuery, request.query)),
  );

  api.post('/admin/users', access('user.manage'), async (request, reply) => {
    const body = parse(Invitation, request.body);
    return reply.status(201).send(await inviteUser(db, requireActor(request), body));
  });

  api.post<UserParams>('/admin/users/:userId/roles', access('user.manage'), async (request, reply) => {
    await assignRole(db, requireActor(request), idParam(request.params.userId), parse(Assignment, request.body));
    return reply.status(204).send();
  });

  api.post<UserParams>('/admin/users/:userId/roles/remove', access('user.manage'), async (request, reply) => {
    const body = parse(Assignment, request.body);
    await removeRole(db, requireActor(request), idParam(request.params.userId), body.organisationId, body.role);
    return reply.status(204).send();
  });

  api.post<UserParams>('/admin/users/:userId/deactivate', access('user.manage'), async (request, reply) => {
    await setActive(db, requireActor(request), idParam(request.params.userId), false);
    return reply.status(204).send();
  });

  api.post<UserParams>('/admin/users/:userId/activate', access('user.manage'), async (request, reply) => {
    await setActive(db, requireActor(request), idParam(request.params.userId), true);
    return reply.status(204).send();
  });

  api.post<UserParams>('/admin/users/:userId/password-reset', access('user.manage'), async (request) =>
    resetPassword(db, requireActor(request), idParam(request.params.userId)),
  );

  api.get('/audit', access('audit.read'), async (request) =>
    searchAudit(db, requireActor(request), parse(AuditQuery, request.query)),
  );
}
