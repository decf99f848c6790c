// TOAH and Bednet/SIO entitlement at the boundaries, written from the sources (shared/domain/sources.md):
// §2.7 "Langdurig ziek = more than 21 calendar days in a row absent through illness (weekends and holidays
// count)"; "each time 9 half-days of absence (not necessarily consecutive) … 4 lestijden" for chronic illness;
// "within 10 km (gewoon onderwijs) / 20 km (buitengewoon onderwijs)"; §2.8 SIO "at least 4 weeks or 36 half-days
// per year", "pupil aged ≥ 5".
import { describe, expect, it } from 'vitest';
import type { CertificateFacts, RegisterHalfDay } from './certificates.ts';
import { type EntitlementInput, tuitionEntitlements } from './entitlement.ts';

/** Weekday school half-days from Monday 1 September 2025 to Friday 27 February 2026 (no holidays, for clarity). */
function schoolHalfDays(): { date: string; half: 'AM' | 'PM' }[] {
  const out: { date: string; half: 'AM' | 'PM' }[] = [];
  for (let d = new Date(Date.UTC(2025, 8, 1)); d <= new Date(Date.UTC(2026, 1, 27)); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const date = d.toISOString().slice(0, 10);
    out.push({ date, half: 'AM' }, { date, half: 'PM' });
  }
  return out;
}
const SCHOOL = schoolHalfDays();

/** Every school half-day from `from` to `to` registered with the code. */
const ill = (from: string, to: string, code = 'Z'): RegisterHalfDay[] =>
  SCHOOL.filter((h) => h.date >= from && h.date <= to).map((h) => ({ ...h, code }));
/** The first n school half-days from `from`, each followed by a present day (never consecutive). */
const scattered = (n: number): RegisterHalfDay[] =>
  SCHOOL.filter((h) => h.half === 'AM')
    .filter((_, i) => i % 2 === 0)
    .slice(0, n)
    .map((h) => ({ ...h, code: 'Z' }));

const input = (extra: Partial<EntitlementInput>): EntitlementInput => ({
  register: [],
  schoolHalfDays: SCHOOL,
  certificates: [],
  chronic: false,
  distanceKm: null,
  specialEducation: false,
  birthDate: '2014-05-01',
  today: '2026-02-27',
  ...extra,
});
const certificate = (from: string, to: string): CertificateFacts => ({
  id: 1,
  from,
  fromHalf: null,
  to,
  toHalf: null,
  dixit: false,
  doubt: false,
  outcome: null,
});

describe('TOAH after more than 21 calendar days of illness in a row', () => {
  it('Monday 6/10 to Sunday 26/10 is 21 days: not yet; to Monday 27/10 (22 days): entitled from that 22nd day', () => {
    // Ill Monday 6/10 to Friday 24/10; the weekend counts, so with a certificate up to Sunday 26/10 that is 21 days.
    const twentyOne = tuitionEntitlements(
      input({ register: ill('2025-10-06', '2025-10-24'), certificates: [certificate('2025-10-06', '2025-10-26')] }),
    );
    expect(twentyOne.longestIllnessDays).toBe(21);
    expect(twentyOne.toah).toMatchObject({ entitled: false, from: null });
    const twentyTwo = tuitionEntitlements(input({ register: ill('2025-10-06', '2025-10-27') }));
    expect(twentyTwo.longestIllnessDays).toBe(22);
    expect(twentyTwo.toah).toMatchObject({ entitled: true, from: '2025-10-27', basis: 'long' });
  });

  it('a present day breaks the spell', () => {
    const broken = tuitionEntitlements(
      input({ register: [...ill('2025-10-06', '2025-10-16'), ...ill('2025-10-20', '2025-10-31')] }),
    );
    expect(broken.toah.entitled).toBe(false);
  });
});

describe('TOAH for a chronic illness from 9 half-days', () => {
  it('8 scattered half-days: not yet; the 9th: entitled from its date, one block of 4 lestijden', () => {
    const eight = tuitionEntitlements(input({ register: scattered(8), chronic: true }));
    expect(eight.toah).toMatchObject({ entitled: false, chronicBlocks: 0 });
    const nine = scattered(9);
    const result = tuitionEntitlements(input({ register: nine, chronic: true }));
    expect(result.toah).toMatchObject({ entitled: true, from: nine[8]?.date, basis: 'chronic', chronicBlocks: 1 });
  });

  it('without a chronic illness, 9 scattered half-days give nothing', () => {
    expect(tuitionEntitlements(input({ register: scattered(9) })).toah.entitled).toBe(false);
  });
});

describe('the distance limit: 10 km in gewoon, 20 km in buitengewoon onderwijs', () => {
  const long = ill('2025-10-06', '2025-10-31');
  it('10 km is within, 11 km beyond; in buitengewoon onderwijs 20 km is within', () => {
    expect(tuitionEntitlements(input({ register: long, distanceKm: 10 })).toah.withinDistance).toBe(true);
    expect(tuitionEntitlements(input({ register: long, distanceKm: 11 })).toah.withinDistance).toBe(false);
    const special = tuitionEntitlements(input({ register: long, distanceKm: 20, specialEducation: true })).toah;
    expect(special).toMatchObject({ withinDistance: true, distanceLimitKm: 20 });
  });
});

describe('Bednet/SIO from 4 weeks or 36 half-days', () => {
  it('35 scattered half-days: not yet; 36: entitled from the 36th', () => {
    expect(tuitionEntitlements(input({ register: scattered(35) })).sio.entitled).toBe(false);
    const halfDays = scattered(36);
    expect(tuitionEntitlements(input({ register: halfDays })).sio).toEqual({
      entitled: true,
      from: halfDays[35]?.date,
      basis: 'half-days',
    });
  });

  it('27 calendar days in a row: not yet; 28 (4 weeks): entitled from the 28th day', () => {
    // Monday 6/10 + 26 days = Saturday 1/11 (27 days, with a certificate over the weekend); + 27 = Sunday 2/11.
    // The register has only the first week (10 half-days): the certificate carries the period.
    const short = tuitionEntitlements(
      input({ register: ill('2025-10-06', '2025-10-10'), certificates: [certificate('2025-10-06', '2025-11-01')] }),
    );
    expect(short.sio.entitled).toBe(false);
    const four = tuitionEntitlements(
      input({ register: ill('2025-10-06', '2025-10-10'), certificates: [certificate('2025-10-06', '2025-11-02')] }),
    );
    expect(four.sio).toEqual({ entitled: true, from: '2025-11-02', basis: 'weeks' });
  });

  it('a child under 5 is not entitled to SIO', () => {
    expect(tuitionEntitlements(input({ register: scattered(36), birthDate: '2021-09-01' })).sio.entitled).toBe(false);
  });
});
