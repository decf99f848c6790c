// Single sign-on with OpenID Connect (authorization code flow with PKCE): many schools have an identity
// provider. The provider proves who the person is; Aanwezig still decides what they may do (an invited,
// active account with the same e-mail address and its roles).
import * as client from 'openid-client';
import type { Database } from '../db/database.ts';
import { dropTemporaryPassword, findUserByEmail } from '../db/user.repository.ts';
import { startSession } from './auth.service.ts';
import { AppError } from './errors.ts';
import type { OidcSettings } from './oidc-settings.ts';

export { type OidcSettings, oidcSettingsFromEnv } from './oidc-settings.ts';

/** State, nonce and PKCE verifier of one sign-in, kept in a short-lived HttpOnly cookie until the callback. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

const configurations = new Map<string, Promise<client.Configuration>>();

function isLocal(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}`;
  let config = configurations.get(key);
  if (!config) {
    const issuer = new URL(settings.issuer);
    // Plain http is accepted only for a provider on this machine (development and the end-to-end test).
    const options = issuer.protocol === 'http:' && isLocal(issuer) ? { execute: [client.allowInsecureRequests] } : {};
    config = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
    config.catch(() => configurations.delete(key));
    configurations.set(key, config);
  }
  return config;
}

export async function beginOidcLogin(
  settings: OidcSettings,
  redirectUri: string,
): Promise<{ url: string; transaction: OidcTransaction }> {
  const config = await configuration(settings);
  const verifier = client.randomPKCECodeVerifier();
  const transaction: OidcTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    redirectUri,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: transaction.state,
    nonce: transaction.nonce,
  });
  return { url: url.href, transaction };
}

const refused = (en: string) =>
  new AppError(401, 'sso-refused', {
    nl: 'Aanmelden via uw school-account is niet gelukt. Vraag de beheerder of uw account bestaat.',
    en: `Signing in with your school account failed: ${en}`,
  });

/** Checks the provider's answer and opens a session for the invited, active account with the same e-mail. */
export async function completeOidcLogin(
  db: Database,
  settings: OidcSettings,
  callbackUrl: URL,
  transaction: OidcTransaction,
) {
  const config = await configuration(settings);
  let claims: client.IDToken | undefined;
  let profile: client.UserInfoResponse | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    // Many providers put e-mail only in the userinfo response of a code flow, not in the ID token.
    if (claims && typeof claims.email !== 'string') {
      profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
  } catch (error) {
    throw refused((error as Error).message);
  }
  const emailClaim = claims?.email ?? profile?.email;
  const email = typeof emailClaim === 'string' ? emailClaim : null;
  if (!email) throw refused('the identity provider sent no e-mail address');
  if ((claims?.email_verified ?? profile?.email_verified) === false)
    throw refused('the e-mail address is not verified by the provider');
  const user = await findUserByEmail(db, email);
  if (!user?.active) throw refused('no active account with this e-mail address');
  // An invited account signing in through its provider needs no temporary password: drop it, so the server's
  // forced password change (route gate) does not apply and nobody else can still use that password.
  if (user.mustChangePassword) await dropTemporaryPassword(db, user.id);
  return startSession(db, user, 'oidc', { issuer: settings.issuer, subject: claims?.sub });
}
