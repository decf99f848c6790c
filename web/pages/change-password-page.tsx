// The forced password change after an invitation or a reset: until it is done the server refuses every other
// API call (403 password-change-required), so the app shows only this form and the sign-out.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { LoginCard } from '../components/login-card.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        autoComplete={props.autoComplete}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function ChangePasswordPage() {
  const { language, t } = useI18n();
  const { reload, signOut } = useSession();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('password.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.next !== form.repeat) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(form.current, form.next);
      reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.messageFor(language) : t('app.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <LoginCard>
      <h1>{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <form onSubmit={submit} data-testid="password-form">
        {error && (
          <p className="alert alert--error" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
        <PasswordField
          id="password-current"
          label={t('password.current')}
          autoComplete="current-password"
          value={form.current}
          onChange={(current) => setForm({ ...form, current })}
        />
        <PasswordField
          id="password-new"
          label={t('password.new')}
          autoComplete="new-password"
          value={form.next}
          onChange={(next) => setForm({ ...form, next })}
        />
        <PasswordField
          id="password-repeat"
          label={t('password.repeat')}
          autoComplete="new-password"
          value={form.repeat}
          onChange={(repeat) => setForm({ ...form, repeat })}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
      <button type="button" className="button button--secondary" onClick={() => void signOut()}>
        {t('header.logout')}
      </button>
    </LoginCard>
  );
}
