// Signs a user in through the real HTTP API and returns the headers a browser would send afterwards.
import type { FastifyInstance } from 'fastify';

export interface HttpSession {
  /** Cookie header with the session and the CSRF cookie, plus the matching x-csrf-token header. */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<HttpSession> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] as string);
  const csrf = cookies.find((c) => c.startsWith('aanwezig_csrf='))?.slice('aanwezig_csrf='.length) ?? '';
  return { headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } };
}
