// The forced password change after an invitation or a reset: until it is done the server refuses every other
// API call (403 password-change-required), so the app shows only this form and the sign-out.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

export function ChangePasswordPage() {
  const { language, t } = useI18n();
  const { reload, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('password.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== repeat) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(current, next);
      reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.messageFor(language) : t('app.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <main id="main" className="login__card">
        <div className="login__top">
          <p className="login__brand">{t('app.name')}</p>
          <LanguageSwitch />
        </div>
        <h1>{t('password.title')}</h1>
        <p>{t('password.intro')}</p>
        <form onSubmit={submit} data-testid="password-form">
          {error && (
            <p className="alert alert--error" role="alert" data-testid="password-error">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="password-current">{t('password.current')}</label>
            <input
              id="password-current"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password-new">{t('password.new')}</label>
            <input
              id="password-new"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password-repeat">{t('password.repeat')}</label>
            <input
              id="password-repeat"
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={busy}>
            {t('password.submit')}
          </button>
        </form>
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          {t('header.logout')}
        </button>
      </main>
    </div>
  );
}
