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
import { type Api, NoContent, PageQuery, params, Timestamp } from '../schemas.ts';
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

const OrganisationKind = z.enum(['school', 'clb', 'region', 'lop']);
const Organisations = z.array(z.object({ id: z.number().int(), name: z.string(), kind: OrganisationKind }));
const Users = z.array(
  z.object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    lockedUntil: Timestamp.nullable().describe('Signed-in refused until then after wrong passwords'),
    memberships: z
      .array(
        z.object({
          organisationId: z.number().int(),
          organisationName: z.string(),
          role: z.string(),
          classNames: z.array(z.string()),
        }),
      )
      .describe('Only the memberships in the organisations asked for'),
  }),
);
const Grants = z.array(
  z.object({
    id: z.number().int(),
    at: Timestamp,
    actorLabel: z.string(),
    action: z.enum(['user.invite', 'user.assign-role', 'user.remove-role', 'access.refused']),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    userId: z.number().int().nullable(),
    userEmail: z.string().nullable(),
    role: z.string().nullable(),
    problem: z.string().nullable().describe('self-grant: a refused attempt to grant oneself a role'),
  }),
);
const Invited = z.object({
  userId: z.number().int(),
  temporaryPassword: z.string().describe('Shown once; expires, and must be changed at the first sign-in'),
});
const PasswordReset = Invited.pick({ temporaryPassword: true });
const AuditPage = z.object({
  total: z.number().int().describe('Events matching the filter, over all pages'),
  items: z.array(
    z.object({
      id: z.number().int(),
      at: Timestamp,
      userId: z.number().int().nullable(),
      actorLabel: z.string(),
      action: z.string(),
      organisationId: z.number().int().nullable(),
      organisationName: z.string().nullable(),
      pupilIds: z.array(z.number().int()),
      origin: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

const manage = access('user.manage');
const onUser = { ...manage, schema: { params: params('userId'), response: { 204: NoContent } } };
const assignment = { ...manage, schema: { ...onUser.schema, body: Assignment } };

export async function adminRoutes(api: Api, { db }: RouteContext) {
  api.get('/admin/organisations', { ...manage, schema: { response: { 200: Organisations } } }, async (request) =>
    manageableOrganisations(db, requireActor(request)),
  );

  api.get(
    '/admin/users',
    { ...manage, schema: { querystring: UserQuery, response: { 200: Users } } },
    async (request) => listUsers(db, requireActor(request), request.query.organisationId),
  );

  api.get(
    '/admin/grants',
    { ...manage, schema: { querystring: GrantQuery, response: { 200: Grants } } },
    async (request) => grantHistory(db, requireActor(request), request.query),
  );

  api.post(
    '/admin/users',
    { ...manage, schema: { body: Invitation, response: { 201: Invited } } },
    async (request, reply) => {
      const body = request.body;
      return reply.status(201).send(await inviteUser(db, requireActor(request), body));
    },
  );

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
    { ...manage, schema: { params: params('userId'), response: { 200: PasswordReset } } },
    async (request) => resetPassword(db, requireActor(request), idParam(request.params.userId)),
  );

  api.get(
    '/audit',
    { ...access('audit.read'), schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => searchAudit(db, requireActor(request), request.query),
  );
}
