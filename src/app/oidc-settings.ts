// The single sign-on settings, apart from the sign-in itself (oidc.service.ts): reading them from the environment
// (config.ts, at every start of the command line) loads no OpenID client or database code.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the login button, e.g. the school group's name. */
  label: string;
  /** Fixed redirect URI; default: /api/auth/oidc/callback on the host the browser used. */
  redirectUri?: string;
}

/** Reads AANWEZIG_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _LABEL and _REDIRECT_URI; null when not configured. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const { AANWEZIG_OIDC_ISSUER: issuer, AANWEZIG_OIDC_CLIENT_ID: clientId } = env;
  if (!issuer || !clientId) return null;
  return {
    issuer,
    clientId,
    clientSecret: env.AANWEZIG_OIDC_CLIENT_SECRET ?? '',
    label: env.AANWEZIG_OIDC_LABEL ?? 'school-account',
    redirectUri: env.AANWEZIG_OIDC_REDIRECT_URI,
  };
}
