// The notice after a sign-in that followed wrong passwords for the account ("was this you?"), shown once on the
// first page of the session until dismissed. The login page leaves the count in sessionStorage.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

const NOTICE_KEY = 'aanwezig.failedLoginsSinceLastSignIn';

/** Called by the login page with the server's count; 0 clears any earlier notice. */
export function rememberFailedLogins(count: number): void {
  if (count > 0) sessionStorage.setItem(NOTICE_KEY, String(count));
  else sessionStorage.removeItem(NOTICE_KEY);
}

export function LoginNotice() {
  const { t } = useI18n();
  const [count, setCount] = useState(() => Number(sessionStorage.getItem(NOTICE_KEY) ?? 0));
  if (!(count > 0)) return null;
  const dismiss = () => {
    rememberFailedLogins(0);
    setCount(0);
  };
  return (
    <div className="alert page" role="status" data-testid="login-notice">
      <p>{t('login.failedSinceLast', { count })}</p>
      <button type="button" className="button button--secondary button--small" onClick={dismiss}>
        {t('login.dismiss')}
      </button>
    </div>
  );
}
