// How a route declares its action: `api.get(url, access('pupil.read'), handler)`. The server refuses every /api
// route that declares none (deny by default) and checks the action's roles and the :schoolId scope before parsing.
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../app/access.ts';
import { hasRoleFor, requireAccess } from '../app/access.ts';
import { AppError, forbidden } from '../app/errors.ts';
import { idParam, requireActor } from './routes/require-actor.ts';

/** 'public': no session needed (sign-in, sign-out). Every other /api route names a policy action. */
export type RouteAccess = Action | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The route's action, with any further route config (e.g. `invalidMessages`, see problem.ts). */
export const access = (action: RouteAccess, config: Omit<FastifyContextConfig, 'access'> = {}) => ({
  config: { ...config, access: action },
});

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** Collects every route the app registers, with its declared access (read by the route × role test). */
export function collectRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const declared = (route.config as { access?: RouteAccess } | undefined)?.access;
    for (const method of methods) routes.push({ method: String(method), url: route.url, access: declared });
  });
  return routes;
}

/** With a temporary password a session reaches only "who am I" and the password change (logout is public). */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<RouteAccess>(['session.read', 'password.change']);

const passwordChangeRequired = () =>
  new AppError(403, 'password-change-required', {
    nl: 'Kies eerst een nieuw wachtwoord.',
    en: 'Choose a new password first.',
  });

/**
 * The coarse gate every API request passes before its body is read: a declared action, a session for
 * non-public routes, a password the user chose (not a temporary one), a role that appears in the action's rules, and — when the URL names a school — that
 * school in scope. The use case repeats the full check with what it loads (pupil, classes, organisation).
 */
export function gate(request: FastifyRequest): void {
  const url = request.routeOptions.url;
  if (!url?.startsWith('/api/')) return;
  const declared = request.routeOptions.config.access;
  if (declared === 'public') return;
  const actor = requireActor(request);
  if (actor.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(declared as RouteAccess)) {
    throw passwordChangeRequired();
  }
  if (declared === undefined || !hasRoleFor(actor, declared)) throw forbidden();
  const schoolId = (request.params as { schoolId?: string } | undefined)?.schoolId;
  if (schoolId !== undefined) requireAccess(actor, declared, { schoolId: idParam(schoolId) });
}
