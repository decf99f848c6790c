// The legend of absence codes: letter, colour and meaning in the interface language.
import type { AbsenceCode } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CodeBadge } from './code-badge.tsx';

interface CodeLegendProps {
  codes: readonly AbsenceCode[];
  /** Show only these codes (in the order of the code list); all codes when omitted. */
  only?: readonly string[];
  title?: string;
}

export function CodeLegend({ codes, only, title }: CodeLegendProps) {
  const { language, t } = useI18n();
  const shown = only ? codes.filter((code) => only.includes(code.code)) : codes;
  if (shown.length === 0) return null;
  return (
    <section className="code-legend" aria-labelledby="code-legend-title" data-testid="code-legend">
      <h2 id="code-legend-title" className="code-legend__title">
        {title ?? t('codes.legend')}
      </h2>
      <dl className="code-legend__list">
        {shown.map((code) => (
          <div key={code.code} className="code-legend__item">
            <dt>
              <CodeBadge code={code.code} codes={codes} />
            </dt>
            <dd>
              {code[language]}
              {!code.countsAsAbsent && <span className="muted"> ({t('codes.notAbsent')})</span>}
              {code.countsAsAbsent && !code.official && code.mapsTo && (
                <span className="muted"> ({t('codes.notOfficial', { official: code.mapsTo })})</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
