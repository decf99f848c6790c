// CSRF defence. State-changing API requests carry the double-submit token (header `x-csrf-token` equal to the
// readable cookie `aanwezig_csrf`), and that token must be the one derived from the session cookie, so a
// cookie planted by a sibling site does not help. Sign-in has no session yet: SameSite=Strict cookies plus an
// Origin / Sec-Fetch-Site check refuse cross-site sign-in (login CSRF).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor, SESSION_HOURS } from '../app/auth.service.ts';
import { AppError } from '../app/errors.ts';

export const CSRF_COOKIE = 'aanwezig_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_URL = '/api/auth/login';

const csrfRefused = () =>
  new AppError(403, 'csrf', {
    nl: 'Deze aanvraag werd geweigerd (beveiligingstoken ontbreekt of klopt niet). Laad de pagina opnieuw.',
    en: 'This request was refused (missing or wrong security token). Reload the page.',
  });

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function checkCsrf(request: FastifyRequest, sessionToken: string | undefined): void {
  if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  if (request.routeOptions.url === LOGIN_URL) {
    if (crossSite(request)) throw csrfRefused();
    return;
  }
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !sessionToken) throw csrfRefused();
  if (!same(header, cookie) || !same(header, csrfTokenFor(sessionToken))) throw csrfRefused();
}

/** A request from another site: Sec-Fetch-Site says so, or the Origin is not this host. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, sessionToken: string): void {
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(sessionToken), {
    path: '/',
    httpOnly: false, // the web client reads it and sends it back in the header
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}
