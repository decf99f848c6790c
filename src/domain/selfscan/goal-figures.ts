// Which of the school's own figures (register and signals) relate to which goal of the self-scan, and why.
export type FigureKey =
  | 'registerCorrections'
  | 'b5Clb'
  | 'openSignals'
  | 'openSignalsB'
  | 'openSignalsZD'
  | 'openSignalsSW'
  | 'openSignalsKleuter';

/**
 * The goals the seed ties to something the register or the signals measure: registration (seed 210–213:
 * "strikt beleid m.b.t. registratie" → corrections afterwards), reporting from 5 B-codes to the CLB (seed 480,
 * 486 → B5_CLB signals and how long until handled), monitoring (seed 297–306 → open signals), and per track the
 * open signals of that track.
 */
export const GOAL_FIGURES: Readonly<Record<string, readonly FigureKey[]>> = {
  'f0-kleuterparticipatie': ['openSignalsKleuter'],
  'f0-registratie': ['registerCorrections'],
  'f0-terugkerende-leerlingen': ['openSignals'],
  'f0-monitoring': ['openSignals', 'registerCorrections'],
  'f1-binding': ['openSignals'],
  'f1-b-zorgoverleg': ['b5Clb', 'openSignalsB'],
  'f1-b-maatregelen': ['openSignalsB'],
  'f1-zd-zorgoverleg': ['openSignalsZD'],
  'f1-zd-zieke-leerlingen': ['openSignalsZD'],
  'f1-sw-signalen': ['openSignalsSW'],
  'f2-b-zorgoverleg': ['b5Clb', 'openSignalsB'],
  'f2-sw-overleg': ['openSignalsSW'],
};

/** The median of whole numbers (days), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
