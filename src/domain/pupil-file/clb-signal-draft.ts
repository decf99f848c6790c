// The CLB signal's pre-filled answers (seed 001:494, 001:498): what the app already knows — the register's counts
// per code and the dates of the B half-days this school year, and the measures already in the file.
import { interventionKind } from './intervention-kinds.ts';

const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const HALF_NL: Record<string, string> = { AM: 'VM', PM: 'NM' };

export interface ClbSignalFacts {
  counts: readonly { code: string; n: number }[];
  bHalfDays: readonly { date: string; half: string }[];
  measures: readonly { kind: string; occurredOn: string }[];
}

/** The answers the form opens with (the school edits them before sending); only fields the app can fill. */
export function clbSignalDraft(facts: ClbSignalFacts): { absenceCount: string; actionsTaken: string } {
  const b = facts.bHalfDays.length;
  const perCode = facts.counts.map((c) => `${c.code}: ${c.n}`).join(', ');
  const dates = facts.bHalfDays.map((h) => `${belgian(h.date)} ${HALF_NL[h.half] ?? h.half}`).join(', ');
  const absenceCount = [
    `${b} halve dagen B dit schooljaar${dates ? ` (${dates})` : ''}.`,
    perCode ? `Per code: ${perCode}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const actionsTaken = facts.measures
    .map((m) => `${belgian(m.occurredOn)}: ${interventionKind(m.kind)?.nl ?? m.kind}`)
    .join('; ');
  return { absenceCount, actionsTaken };
}
