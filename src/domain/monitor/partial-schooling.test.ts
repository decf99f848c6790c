// The signals of a partial-schooling arrangement, on hand-made school weeks: the review date passed, and more
// absent half-days outside the agreed ones than the catalog allows.
import { describe, expect, it } from 'vitest';
import { PARTIAL_SCHOOLING_RULES } from '../rules/partial-schooling-rules.ts';
import {
  type PartialSchoolingTerms,
  type PupilHalfDay,
  partialSchoolingSignals,
  weekHalfDayOf,
} from './partial-schooling.ts';

const TERMS: PartialSchoolingTerms = {
  requestedBy: 'directie',
  reason: 'agressief gedrag in de klas',
  homeHalfDays: ['3-PM', '5-AM', '5-PM'],
  since: '2026-01-05',
  reviewOn: '2026-02-02',
  endedOn: null,
  parentsAgreed: true,
  clbInvolved: false,
  clbDoctorInvolved: false,
};

/** School half-days Monday to Friday from `from` to `until` (no holidays), absent on the given `date|half`s. */
function weeks(from: string, until: string, absent: readonly string[]): PupilHalfDay[] {
  const days: PupilHalfDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= until; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    for (const half of ['AM', 'PM'] as const) days.push({ date, half, absent: absent.includes(`${date}|${half}`) });
  }
  return days;
}

describe('partial schooling signals', () => {
  it('names the weekday and half of a date as an arrangement does', () => {
    expect(weekHalfDayOf('2026-01-07', 'PM')).toBe('3-PM'); // a Wednesday
    expect(weekHalfDayOf('2026-01-05', 'AM')).toBe('1-AM'); // a Monday
  });

  it('signals the review date from the day after it, not on it', () => {
    const halfDays = weeks('2026-01-05', '2026-02-03', []);
    expect(partialSchoolingSignals(TERMS, halfDays, '2026-02-02')).toEqual([]);
    const [signal] = partialSchoolingSignals(TERMS, halfDays, '2026-02-03');
    expect(signal).toMatchObject({ ruleId: 'PARTIAL_REVIEW_DUE', since: '2026-02-03' });
    expect(signal?.explanation.nl).toBe('Evaluatie gepland op 02/02/2026 en nog niet gebeurd.');
  });

  it('no signal once the arrangement ended', () => {
    const ended = { ...TERMS, endedOn: '2026-01-30' };
    expect(partialSchoolingSignals(ended, weeks('2026-01-05', '2026-02-10', []), '2026-02-10')).toEqual([]);
  });

  it('absence on the agreed half-days is what was agreed; two more half-days within 20 school days signal', () => {
    // Agreed: Wednesday afternoon and Friday. Absent on all of them in January, plus Tuesday 13 January AM.
    const agreed = ['2026-01-07|PM', '2026-01-09|AM', '2026-01-09|PM', '2026-01-14|PM', '2026-01-16|AM'];
    const asOf = '2026-01-20';
    const one = weeks('2026-01-05', asOf, [...agreed, '2026-01-13|AM']);
    expect(partialSchoolingSignals(TERMS, one, asOf)).toEqual([]);
    // A second half-day outside the agreement (Monday 19 January PM) makes 2 = extraHalfDays.
    const two = weeks('2026-01-05', asOf, [...agreed, '2026-01-13|AM', '2026-01-19|PM']);
    const [signal] = partialSchoolingSignals(TERMS, two, asOf);
    expect(signal).toMatchObject({
      ruleId: 'PARTIAL_MORE_THAN_AGREED',
      since: '2026-01-19',
      halfDays: [
        { date: '2026-01-13', half: 'AM' },
        { date: '2026-01-19', half: 'PM' },
      ],
    });
    expect(PARTIAL_SCHOOLING_RULES.PARTIAL_MORE_THAN_AGREED.params.extraHalfDays).toBe(2);
  });

  it('counts only the last 20 school days: an old extra absence falls out of the window', () => {
    // 5 January … 13 February: 30 school days; the window is 19 January … 13 February.
    const halfDays = weeks('2026-01-05', '2026-02-13', ['2026-01-06|AM', '2026-02-10|AM']);
    expect(partialSchoolingSignals({ ...TERMS, reviewOn: '2026-03-01' }, halfDays, '2026-02-13')).toEqual([]);
    // Absences before the arrangement began never count.
    const before = weeks('2026-01-01', '2026-01-20', ['2026-01-02|AM', '2026-01-19|AM']);
    expect(partialSchoolingSignals(TERMS, before, '2026-01-20')).toEqual([]);
  });
});
