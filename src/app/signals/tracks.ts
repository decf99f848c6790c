// Which follow-up track (pupil-file issue) a rule belongs to: ongeoorloofd (B), geoorloofd (Z/D),
// schoolweigering, thuiszitter; kleuterparticipatie for the 290 half-days rules.
export type Track =
  | 'ongeoorloofd'
  | 'geoorloofd'
  | 'schoolweigering'
  | 'thuiszitter'
  | 'kleuterparticipatie'
  | 'algemeen';

export const TRACKS: readonly Track[] = [
  'ongeoorloofd',
  'geoorloofd',
  'schoolweigering',
  'thuiszitter',
  'kleuterparticipatie',
  'algemeen',
];

const RULE_TRACK: Record<string, Track> = {
  B_FIRST: 'ongeoorloofd',
  B5_CLB: 'ongeoorloofd',
  B_AUTUMN: 'ongeoorloofd',
  B30: 'ongeoorloofd',
  B30_TWO_YEARS: 'ongeoorloofd',
  Z_EAZIE: 'geoorloofd',
  Z_LONG: 'geoorloofd',
  Z_NOTE_LIMIT: 'geoorloofd',
  AFTER_BREAK: 'schoolweigering',
  FIXED_SLOT: 'schoolweigering',
  LONG_ABSENCE: 'thuiszitter',
  P30: 'thuiszitter',
  EXCLUDED_NO_SCHOOL: 'thuiszitter',
  K5_290: 'kleuterparticipatie',
  K5_290_RISK: 'kleuterparticipatie',
  K5_ALLOWANCE: 'kleuterparticipatie',
  LATE_OFTEN: 'schoolweigering',
};

export const trackOf = (ruleId: string): Track => RULE_TRACK[ruleId] ?? 'algemeen';
