// Account administration and the audit log search, for a beheerder of the organisation.
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
import { access } from '../route-access.ts';
import { type Api, NoContent, PageQuery, params } from '../schemas.ts';
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
const AuditQuery = PageQuery.extend({
  organisationId: z.coerce.number().int().optional(),
  pupilId: z.coerce.number().int().optional(),
  userId: z.coerce.number().int().optional(),
  action: z.string().max(60).optional(),
  from: z.string().max(10).optional(),
  until: z.string().max(10).optional(),
});

const manage = access('user.manage');
const onUser = { ...manage, schema: { params: params('userId'), response: { 204: NoContent } } };
const assignment = { ...manage, schema: { ...onUser.schema, body: Assignment } };

export async function adminRoutes(api: Api, { db }: RouteContext) {
  api.get('/admin/organisations', access('user.manage'), async (request) =>
    manageableOrganisations(db, requireActor(request)),
  );

  api.get('/admin/users', { ...manage, schema: { querystring: UserQuery } }, async (request) =>
    listUsers(db, requireActor(request), request.query.organisationId),
  );

  api.get('/admin/grants', { ...manage, schema: { querystring: GrantQuery } }, async (request) =>
    grantHistory(db, requireActor(request), request.query),
  );

  api.post('/admin/users', { ...manage, schema: { body: Invitation } }, async (request, reply) => {
    const body = request.body;
    return reply.status(201).send(await inviteUser(db, requireActor(request), body));
  });

  api.post('/admin/users/:userId/roles', assignment, async (request, reply) => {
    await assignRole(db, requireActor(request), idParam(request.params.userId), request.body);
    return reply.status(204).send();
  });

  api.post('/admin/users/:userId/roles/remove', assignment, async (request, reply) => {
    const body = request.body;
    await removeRole(db, requireActor(request), idParam(request.params.userId), body.organisationId, body.role);
    return reply.status(204).send();
  });

  api.post('/admin/users/:userId/deactivate', onUser, async (request, reply) => {
    await setActive(db, requireActor(request), idParam(request.params.userId), false);
    return reply.status(204).send();
  });

  api.post('/admin/users/:userId/activate', onUser, async (request, reply) => {
    await setActive(db, requireActor(request), idParam(request.params.userId), true);
    return reply.status(204).send();
  });

  api.post(
    '/admin/users/:userId/password-reset',
    { ...manage, schema: { params: params('userId') } },
    async (request) => resetPassword(db, requireActor(request), idParam(request.params.userId)),
  );

  api.get('/audit', { ...access('audit.read'), schema: { querystring: AuditQuery } }, async (request) =>
    searchAudit(db, requireActor(request), request.query),
  );
}
