// Sign in, sign out, "who am I" and changing one's own password.
import { z } from 'zod';
import { allowedActions } from '../../app/access.ts';
import { changeOwnPassword, login, logout, membershipsOfUser, SESSION_HOURS } from '../../app/auth.service.ts';
import { CSRF_COOKIE, setCsrfCookie } from '../csrf.ts';
import { access } from '../route-access.ts';
import { type Api, NoContent } from '../schemas.ts';
import { type RouteContext, SESSION_COOKIE } from '../server.ts';
import { requireActor } from './require-actor.ts';

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const Membership = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  kind: z.enum(['school', 'clb', 'region', 'lop']),
  role: z.string(),
  classNames: z.array(z.string()).describe('Classes a class teacher follows; empty for other roles'),
  schoolIds: z.array(z.number().int()).describe('Schools this membership reaches'),
});
/** The signed-in user as the web app sees it: never the password hash. */
const User = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['nl-BE', 'en']),
  active: z.boolean(),
  mustChangePassword: z
    .boolean()
    .optional()
    .describe('Signed in with a temporary password: everything but "who am I" and the change is refused'),
  passwordExpiresAt: z
    .union([z.date(), z.string()])
    .nullable()
    .optional()
    .describe('When the temporary password stops working; null for a chosen one'),
  memberships: z.array(Membership),
});
const Me = User.extend({
  actions: z.array(z.string()).describe('The actions the policy allows this user somewhere'),
});
const SignedIn = z.object({
  user: User,
  notice: z.object({
    failedLoginsSinceLastSignIn: z.number().int().describe('Failed sign-ins on this account since the last one'),
  }),
});

const PasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) });

export async function authRoutes(api: Api, { db, loginRateLimit }: RouteContext) {
  const signIn = { nl: 'Vul e-mailadres en wachtwoord in.', en: 'Enter email address and password.' };
  const loginRoute = {
    config: { access: 'public' as const, rateLimit: loginRateLimit, invalidMessages: signIn },
    schema: { body: LoginBody, response: { 200: SignedIn } },
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
    return {
      user: { ...session.user, memberships: await membershipsOfUser(db, session.user.id) },
      notice: { failedLoginsSinceLastSignIn: session.failedLoginsSinceLastSignIn },
    };
  });

  api.post(
    '/auth/logout',
    { ...access('public'), schema: { response: { 204: NoContent } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  api.get('/me', { ...access('session.read'), schema: { response: { 200: Me } } }, async (request, reply) => {
    const actor = requireActor(request);
    const token = request.cookies[SESSION_COOKIE];
    if (token) setCsrfCookie(request, reply, token); // sessions from before a restart get their token back
    // `actions`: what the user may do somewhere, so the web app offers only pages the policy allows.
    return { ...actor.user, memberships: actor.memberships, actions: allowedActions(actor) };
  });

  const bothPasswords = { nl: 'Vul beide wachtwoorden in.', en: 'Enter both passwords.' };
  const passwordRoute = {
    ...access('password.change', { invalidMessages: bothPasswords }),
    schema: { body: PasswordBody, response: { 204: NoContent } },
  };
  api.post('/me/password', passwordRoute, async (request, reply) => {
    await changeOwnPassword(db, requireActor(request), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send();
  });
}
