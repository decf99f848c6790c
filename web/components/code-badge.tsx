// A code letter on its code colour, with the meaning as tooltip and for screen readers.
import type { AbsenceCode } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { codeColour } from './code-colours.ts';

export function codeMeaning(code: string, codes: readonly AbsenceCode[], language: 'nl' | 'en'): string | null {
  const found = codes.find((candidate) => candidate.code === code);
  return found ? found[language] : null;
}

export function CodeBadge({ code, codes }: { code: string; codes: readonly AbsenceCode[] }) {
  const { language, t } = useI18n();
  const colour = codeColour(code);
  const meaning = codeMeaning(code, codes, language) ?? t('codes.unknown');
  return (
    <abbr
      className="code-badge"
      style={{ backgroundColor: colour.background, color: colour.foreground }}
      title={meaning}
    >
      {code}
    </abbr>
  );
}
