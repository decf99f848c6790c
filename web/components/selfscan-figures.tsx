// The school's own figures next to a self-scan goal (register corrections, B5_CLB follow-up, open signals).
import type { FigureKey, SchoolFigures } from '../api/selfscan-client.ts';
import { useI18n } from '../i18n/i18n.tsx';

const TRACK: Record<string, string> = {
  openSignalsB: 'ongeoorloofd',
  openSignalsZD: 'geoorloofd',
  openSignalsSW: 'schoolweigering',
  openSignalsKleuter: 'kleuterparticipatie',
};

export function SelfscanFigures({
  figures,
  keys,
  compact = false,
}: {
  figures: SchoolFigures;
  keys: readonly FigureKey[];
  compact?: boolean;
}) {
  const { t, language } = useI18n();
  if (keys.length === 0) return null;
  const percent = (share: number | null) =>
    share === null
      ? '–'
      : new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(share);
  const lines = keys.map((key) => {
    switch (key) {
      case 'registerCorrections':
        return t('selfscan.figure.corrections', {
          share: percent(figures.correctedShare),
          corrected: figures.registerCorrections,
          rows: figures.registerRows,
        });
      case 'b5Clb':
        return t('selfscan.figure.b5Clb', {
          pupils: figures.b5Clb.pupils,
          handled: figures.b5Clb.handled,
          days: figures.b5Clb.medianDaysToHandled ?? '–',
        });
      case 'openSignals':
        return t('selfscan.figure.openSignals', { count: figures.openSignals });
      default:
        return t('selfscan.figure.openSignalsTrack', {
          count: figures.openSignalsByTrack[TRACK[key] ?? ''] ?? 0,
          track: TRACK[key] ?? key,
        });
    }
  });
  return (
    <ul className={compact ? 'selfscan-figures selfscan-figures--compact' : 'selfscan-figures'}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
