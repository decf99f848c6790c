// Sign in, sign out, "who am I" and changing one's own password.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { allowedActions } from '../../app/access.ts';
import { changeOwnPassword, login, logout, SESSION_HOURS } from '../../app/auth.service.ts';
import { invalidInput } from '../../app/errors.ts';
import { membershipsOf } from '../../db/user.repository.ts';
import { CSRF_COOKIE, setCsrfCookie } from '../csrf.ts';
import { access } from '../route-access.ts';
import { type RouteContext, SESSION_COOKIE } from '../server.ts';
import { requireActor } from './require-actor.ts';

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) });

export async function authRoutes(api: FastifyInstance, { db, loginRateLimit }: RouteContext) {
  api.post('/auth/login', { config: { access: 'public', rateLimit: loginRateLimit } }, async (request, reply) => {
    const body = LoginBody.safeParse(request.body);
    if (!body.success) {
      throw invalidInput({
        nl: 'Vul e-mailadres en wachtwoord in.',
        en: 'Enter email address and password.',
      });
    }
    // request.ip is the socket address unless the server was told to trust a proxy (ServerOptions.trustedProxies).
    const session = await login(db, body.data.email, body.data.password, 'POST /api/auth/login', request.ip);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    setCsrfCookie(request, reply, session.token);
    const { passwordHash: _hidden, ...user } = session.user;
    return {
      user: { ...user, memberships: await membershipsOf(db, user.id) },
      notice: { failedLoginsSinceLastSignIn: session.failedLoginsSinceLastSignIn },
    };
  });

  api.post('/auth/logout', access('public'), async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/me', access('session.read'), async (request, reply) => {
    const actor = requireActor(request);
    const token = request.cookies[SESSION_COOKIE];
    if (token) setCsrfCookie(request, reply, token); // sessions from before a restart get their token back
    const { passwordHash: _hidden, ...user } = actor.user;
    // `actions`: what the user may do somewhere, so the web app offers only pages the policy allows.
    return { ...user, memberships: actor.memberships, actions: allowedActions(actor) };
  });

  api.post('/me/password', access('password.change'), async (request, reply) => {
    const body = PasswordBody.safeParse(request.body);
    if (!body.success) throw invalidInput({ nl: 'Vul beide wachtwoorden in.', en: 'Enter both passwords.' });
    await changeOwnPassword(db, requireActor(request), body.data.currentPassword, body.data.newPassword);
    return reply.status(204).send();
  });
}
