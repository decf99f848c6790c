// Pure translation helpers: message lookup, `{name}` interpolation and the stored language choice.
import { en } from './en.ts';
import { type MessageKey, type Messages, nl } from './nl.ts';

export type Language = 'nl' | 'en';
export type TranslateValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslateValues) => string;

export const MESSAGES: Record<Language, Messages> = { nl, en };
export const LANGUAGE_STORAGE_KEY = 'aanwezig.language';

/** The BCP 47 tag for the `lang` attribute and for number formatting. */
export function htmlLang(language: Language): string {
  return language === 'nl' ? 'nl-BE' : 'en';
}

/** Maps a user's locale (`nl-BE`, `en`, …) to an interface language; Dutch unless it is English. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function parseStoredLanguage(value: string | null): Language | null {
  return value === 'nl' || value === 'en' ? value : null;
}

/** Replaces `{name}` with values.name; unknown placeholders stay visible so they are noticed. */
export function interpolate(template: string, values?: TranslateValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translator(language: Language): Translate {
  const messages = MESSAGES[language];
  return (key, values) => interpolate(messages[key], values);
}

/** Names the placeholders in a message, e.g. `['count']` for `'{count} leerlingen'`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}
