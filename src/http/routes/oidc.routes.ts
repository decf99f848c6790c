// Single sign-on routes: start at the identity provider, come back with a code, leave with a session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_HOURS } from '../../app/auth.service.ts';
import { AppError } from '../../app/errors.ts';
import { beginOidcLogin, completeOidcLogin, type OidcTransaction } from '../../app/oidc.service.ts';
import { setCsrfCookie } from '../csrf.ts';
import { access } from '../route-access.ts';
import type { Api } from '../schemas.ts';
import { type RouteContext, SESSION_COOKIE } from '../server.ts';

const SingleSignOn = z.object({ enabled: z.boolean(), label: z.string().nullable().describe('Text of the button') });

const TRANSACTION_COOKIE = 'aanwezig_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';
/** Long enough to type a password at the provider, short enough that a stale sign-in cannot be finished. */
const TRANSACTION_SECONDS = 600;

export async function oidcRoutes(api: Api, { db, oidc }: RouteContext) {
  /** Whether the login page shows the single sign-on button, and its label. */
  api.get('/auth/oidc', { ...access('public'), schema: { response: { 200: SingleSignOn } } }, async () => ({
    enabled: oidc !== null,
    label: oidc?.label ?? null,
  }));

  api.get('/auth/oidc/login', access('public'), async (request, reply) => {
    if (!oidc) return notConfigured(reply);
    const redirectUri = oidc.redirectUri ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`;
    const { url, transaction } = await beginOidcLogin(oidc, redirectUri);
    // SameSite=Lax, not Strict: the provider sends the browser back with a cross-site top-level navigation.
    reply.setCookie(TRANSACTION_COOKIE, Buffer.from(JSON.stringify(transaction)).toString('base64url'), {
      path: '/api/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: TRANSACTION_SECONDS,
    });
    return reply.redirect(url);
  });

  api.get('/auth/oidc/callback', access('public'), async (request, reply) => {
    if (!oidc) return notConfigured(reply);
    const transaction = readTransaction(request);
    reply.clearCookie(TRANSACTION_COOKIE, { path: '/api/auth/oidc' });
    if (!transaction) return reply.redirect('/login?sso=failed');
    try {
      const callbackUrl = new URL(request.url, transaction.redirectUri);
      const session = await completeOidcLogin(db, oidc, callbackUrl, transaction);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      setCsrfCookie(request, reply, session.token);
      return reply.redirect('/');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      request.log.warn({ reason: error.messages.en }, 'single sign-on refused');
      return reply.redirect('/login?sso=failed');
    }
  });
}

function readTransaction(request: FastifyRequest): OidcTransaction | null {
  const raw = request.cookies[TRANSACTION_COOKIE];
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as OidcTransaction;
    return typeof value.state === 'string' && typeof value.verifier === 'string' ? value : null;
  } catch {
    return null;
  }
}

function notConfigured(reply: FastifyReply) {
  return reply
    .status(404)
    .type('application/problem+json')
    .send({
      type: 'urn:aanwezig:problem:not-found',
      title: 'Single sign-on is not configured',
      status: 404,
      detail: 'Aanmelden via een school-account is niet ingesteld.',
      messages: { nl: 'Aanmelden via een school-account is niet ingesteld.', en: 'Single sign-on is not configured.' },
    });
}
