// Language context for React: the t() hook, the language switch and the `lang` attribute on <html>.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  htmlLang,
  LANGUAGE_STORAGE_KEY,
  type Language,
  parseStoredLanguage,
  type Translate,
  translator,
} from './translate.ts';

interface I18nContextValue {
  language: Language;
  t: Translate;
  /** Chooses a language explicitly and remembers it on this device. */
  setLanguage: (language: Language) => void;
  /** Uses the user's profile language unless a choice was remembered on this device. */
  adoptDefault: (language: Language) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function storedLanguage(): Language | null {
  try {
    return parseStoredLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? 'nl');

  useEffect(() => {
    document.documentElement.lang = htmlLang(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // private browsing may refuse storage; the choice then lasts for this page only
    }
    setLanguageState(next);
  }, []);

  const adoptDefault = useCallback((next: Language) => {
    if (storedLanguage() === null) setLanguageState(next);
  }, []);

  const value = useMemo(
    () => ({ language, t: translator(language), setLanguage, adoptDefault }),
    [language, setLanguage, adoptDefault],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}
