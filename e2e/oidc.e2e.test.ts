// Single sign-on in a real browser against a real OpenID Connect provider (oidc-provider) started by the test:
// the user signs in at the provider and lands in Aanwezig with the roles of their invited account.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations; the test uses its documented constructor and callback() only.
// @ts-expect-error: no declaration file
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, screenshot, startHarness } from './harness.ts';

const CLIENT_ID = 'aanwezig';
const CLIENT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-signing';
const KNOWN_EMAIL = 'leerlingbegeleider@aanwezig.demo';

describe('single sign-on with OpenID Connect', () => {
  let h: Harness;
  let providerServer: Server;
  let issuer: string;

  beforeAll(async () => {
    // 1. The provider's port first (the issuer URL names it), 2. the app, 3. the provider with the app's callback.
    providerServer = createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    h = await startHarness({
      serverOptions: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: 'Scholengroep Demo' } },
    });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${h.baseUrl}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // The provider's own accounts: the login name typed at the provider is the account id, its e-mail the id.
      async findAccount(_context: unknown, id: string) {
        return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      pkce: { required: () => true },
    });
    providerServer.on('request', provider.callback());
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  async function signInAtProvider(login: string) {
    const { page } = h;
    await page.goto('/login');
    await page.getByTestId('login-sso').click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent once per client.
    const consent = page.locator('button[type="submit"]');
    if (page.url().startsWith(issuer) && (await consent.count()) > 0) await consent.click();
  }

  it('shows the single sign-on button and signs an invited user in', async () => {
    const { page } = h;
    await page.goto('/login');
    expect(await page.getByTestId('login-sso').textContent()).toBe('Aanmelden met Scholengroep Demo');
    await screenshot(page, 'oidc-01-login-page');
    // Freshly invited: a temporary password it never used. Single sign-on replaces it (no forced change).
    await h.db.query(
      `UPDATE app_user SET must_change_password = true, password_expires_at = now() + interval '7 days' WHERE email = $1`,
      [KNOWN_EMAIL],
    );
    await signInAtProvider(KNOWN_EMAIL);
    await page.waitForURL(/\/schools\/\d+$/);
    await page.getByTestId('pupil-row').first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.email).toBe(KNOWN_EMAIL);
    expect(me.memberships.map((m: { role: string }) => m.role)).toContain('leerlingbegeleider');
    await screenshot(page, 'oidc-02-signed-in');
    const audit = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND origin = 'oidc'`,
    );
    expect(audit[0]?.n).toBe(1);
    const [account] = await h.db.query<{ mustChange: boolean; hasPassword: boolean }>(
      `SELECT must_change_password AS "mustChange", password_hash IS NOT NULL AS "hasPassword" FROM app_user WHERE email = $1`,
      [KNOWN_EMAIL],
    );
    expect(account).toEqual({ mustChange: false, hasPassword: false });
  });

  it('refuses a person the provider knows but Aanwezig has no account for', async () => {
    const { page, context } = h;
    await context.clearCookies();
    await signInAtProvider('onbekende@elders.test');
    await page.waitForURL(/\/login\?sso=failed$/);
    expect(await page.getByTestId('login-error').textContent()).toContain('niet gelukt');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await screenshot(page, 'oidc-03-refused');
  });
});
