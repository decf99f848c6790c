// Sign-in with email and password; on success the app opens the overview.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { LoginCard } from '../components/login-card.tsx';
import { rememberFailedLogins } from '../components/login-notice.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function LoginPage() {
  const { language, t } = useI18n();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [singleSignOn, setSingleSignOn] = useState<{ enabled: boolean; label: string | null } | null>(null);

  useEffect(() => {
    api.singleSignOn().then(setSingleSignOn, () => setSingleSignOn(null));
    // The provider's callback sends the browser back here with ?sso=failed when the sign-in was refused.
    if (new URLSearchParams(window.location.search).get('sso') === 'failed') setError(t('login.ssoFailed'));
  }, [t]);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, notice } = await api.login(email.trim(), password);
      signedIn(user);
      rememberFailedLogins(notice?.failedLoginsSinceLastSignIn ?? 0);
      navigate('/');
    } catch (caught) {
      // A rejected password is a 401 with a problem body; prefer its message, else the generic one.
      setError(
        caught instanceof ApiError && (caught.problem.messages || caught.status !== 401)
          ? caught.messageFor(language)
          : t('login.failed'),
      );
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <LoginCard>
      <p className="login__tagline">{t('app.tagline')}</p>
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {singleSignOn?.enabled && (
        <>
          {/* A full navigation, not fetch: the identity provider's pages take over the window. */}
          <a className="button button--primary button--wide" href="/api/auth/oidc/login" data-testid="login-sso">
            {t('login.sso', { label: singleSignOn.label ?? '' })}
          </a>
          <p className="muted login__or">{t('login.or')}</p>
        </>
      )}
      <form onSubmit={submit} data-testid="login-form">
        {error && (
          <p className="alert alert--error" role="alert" tabIndex={-1} ref={errorRef} data-testid="login-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="login-email">{t('login.email')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="login-email"
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </div>
        <button
          type="submit"
          className="button button--primary button--wide"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </LoginCard>
  );
}
