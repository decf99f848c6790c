// The centred card of the pages shown outside the app (sign-in, forced password change): brand and language.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export function LoginCard({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="login">
      <main id="main" className="login__card">
        <div className="login__top">
          <p className="login__brand">{t('app.name')}</p>
          <LanguageSwitch />
        </div>
        {children}
      </main>
    </div>
  );
}
