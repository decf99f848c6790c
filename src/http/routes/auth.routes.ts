// Sign in, sign out, "who am I" and changing one's own password.
import { z } from 'zod';
import { allowedActions } from '../../app/access.ts';
import { changeOwnPassword, login, logout, membershipsOfUser, SESSION_HOURS } from '../../app/auth.service.ts';
import { CSRF_COOKIE, setCsrfCookie } from '../csrf.ts';
import { access } from '../route-access.ts';
import type { Api } from '../schemas.ts';
import { type RouteContext, SESSION_COOKIE } from '../server.ts';
import { requireActor } from './require-actor.ts';

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) });

export async function authRoutes(api: Api, { db, loginRateLimit }: RouteContext) {
  const signIn = { nl: 'Vul e-mailadres en wachtwoord in.', en: 'Enter email address and password.' };
  const loginRoute = {
    config: { access: 'public' as const, rateLimit: loginRateLimit, invalidMessages: signIn },
    schema: { body: LoginBody },
  };
  // request.ip is the socket address unless the server was told to trust a proxy (ServerOptions.trustedProxies).
  api.post('/auth/login', loginRoute, async (request, reply) => {
    const session = await login(db, request.body.email, request.body.password, 'POST /api/auth/login', request.ip);
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
      user: { ...user, memberships: await membershipsOfUser(db, user.id) },
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

  const bothPasswords = { nl: 'Vul beide wachtwoorden in.', en: 'Enter both passwords.' };
  const passwordRoute = {
    ...access('password.change', { invalidMessages: bothPasswords }),
    schema: { body: PasswordBody },
  };
  api.post('/me/password', passwordRoute, async (request, reply) => {
    await changeOwnPassword(db, requireActor(request), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send();
  });
}
