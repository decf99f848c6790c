import { describe, expect, it } from 'vitest';
import { lastingEvidence } from './signals.ts';

describe('lastingEvidence (what only new evidence changes)', () => {
  it('keeps half-day evidence as it is', () => {
    const halfDays = [{ date: '2025-09-15', half: 'AM' as const, code: 'B' }];
    expect(lastingEvidence(halfDays)).toBe(halfDays);
  });

  it('drops the facts that grow with the calendar and keeps a projection’s missing half-days', () => {
    const day1 = {
      schoolHalfDaysInYear: 350,
      elapsedSchoolHalfDays: 200,
      presentHalfDays: 130,
      remainingSchoolHalfDays: 150,
      projectedHalfDays: 280,
      requiredHalfDays: 290,
    };
    // One more school day, present on both halves: the same 70 missing half-days.
    const day2 = { ...day1, elapsedSchoolHalfDays: 202, presentHalfDays: 132, remainingSchoolHalfDays: 148 };
    expect(lastingEvidence(day1)).toEqual({ schoolHalfDaysInYear: 350, requiredHalfDays: 290, missingHalfDays: 70 });
    expect(lastingEvidence(day2)).toEqual(lastingEvidence(day1));
    // An absence is new evidence.
    expect(lastingEvidence({ ...day2, presentHalfDays: 131 })).not.toEqual(lastingEvidence(day1));
  });

  it('keeps the exclusion date and the other school, not the days without school', () => {
    const facts = { excludedOn: '2025-11-17', schoolDaysWithoutSchool: 12, enrolledElsewhereFrom: '' };
    expect(lastingEvidence(facts)).toEqual({ excludedOn: '2025-11-17', enrolledElsewhereFrom: '' });
  });
});
