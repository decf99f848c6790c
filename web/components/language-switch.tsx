// The button that switches the interface between Dutch and English.
import { useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button--link language-switch"
      lang={other === 'nl' ? 'nl-BE' : 'en'}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLanguage(other)}
      data-testid="language-switch"
    >
      {t('lang.switch')}
    </button>
  );
}
