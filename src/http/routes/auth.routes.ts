// Sign in, sign out and "who am I".
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { login, logout, SESSION_HOURS } from '../../app/auth.service.ts';
import { invalidInput } from '../../app/errors.ts';
import { type RouteContext, SESSION_COOKIE } from '../server.ts';
import { requireActor } from './require-actor.ts';

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

export async function authRoutes(api: FastifyInstance, { db }: RouteContext) {
  api.post('/auth/login', async (request, reply) => {
    const body = LoginBody.safeParse(request.body);
    if (!body.success) {
      throw invalidInput({
        nl: 'Vul e-mailadres en wachtwoord in.',
        en: 'Enter email address and password.',
      });
    }
    const session = await login(db, body.data.email, body.data.password);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    const { passwordHash: _hidden, ...user } = session.user;
    return { user };
  });

  api.post('/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/me', async (request) => {
    const actor = requireActor(request);
    const { passwordHash: _hidden, ...user } = actor.user;
    return { ...user, memberships: actor.memberships };
  });
}
