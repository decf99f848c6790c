import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { interpolate, languageFromLocale, placeholders, translator } from './translate.ts';

describe('interface texts', () => {
  it('has the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('uses the same placeholders in both languages, so no value goes missing in translation', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(nl[key]) });
    }
  });

  it('has no empty texts', () => {
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{count} leerlingen in {class}', { count: 3 })).toBe('3 leerlingen in {class}');
    expect(translator('nl')('overview.total.other', { count: 12 })).toBe('12 leerlingen');
    expect(translator('en')('overview.total.other', { count: 12 })).toBe('12 pupils');
  });

  it('defaults to Dutch unless the locale is English', () => {
    expect(languageFromLocale('nl-BE')).toBe('nl');
    expect(languageFromLocale('en')).toBe('en');
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('nl');
  });
});
