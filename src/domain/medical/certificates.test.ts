// The certificate checks, written from the sources (shared/domain/sources.md §2.6–2.7; seed 001 l. 212, 550):
// a parents' note covers at most 3 calendar days (weekends count) and at most 4 times a school year; a D half-day
// needs a certificate; in secondary an illness during exams needs one; a dixit-certificate is no cover; long and
// doubtful certificates go to the CLB.
import { describe, expect, it } from 'vitest';
import { VLAANDEREN_CATALOG } from '../rules/catalog-vlaanderen.ts';
import {
  type CertificateCheckInput,
  type CertificateFacts,
  certificateThresholds,
  checkCertificates,
  type RegisterHalfDay,
} from './certificates.ts';

/** School half-days Monday 2025-09-01 … Friday 2025-10-31 (weekdays; Wednesday afternoon off). */
function schoolHalfDays(): { date: string; half: 'AM' | 'PM' }[] {
  const out: { date: string; half: 'AM' | 'PM' }[] = [];
  for (let d = new Date(Date.UTC(2025, 8, 1)); d <= new Date(Date.UTC(2025, 9, 31)); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    const date = d.toISOString().slice(0, 10);
    out.push({ date, half: 'AM' });
    if (day !== 3) out.push({ date, half: 'PM' });
  }
  return out;
}

const days = (code: string, ...dates: string[]): RegisterHalfDay[] =>
  dates.flatMap((date) => [
    { date, half: 'AM' as const, code },
    { date, half: 'PM' as const, code },
  ]);

const certificate = (from: string, to: string, extra: Partial<CertificateFacts> = {}): CertificateFacts => ({
  id: 1,
  from,
  fromHalf: null,
  to,
  toHalf: null,
  dixit: false,
  doubt: false,
  outcome: null,
  ...extra,
});

function input(register: RegisterHalfDay[], extra: Partial<CertificateCheckInput> = {}): CertificateCheckInput {
  return {
    register,
    schoolHalfDays: schoolHalfDays(),
    certificates: [],
    level: 'lager',
    examPeriods: [],
    thresholds: certificateThresholds(VLAANDEREN_CATALOG),
    ...extra,
  };
}
const kinds = (i: CertificateCheckInput) => checkCertificates(i).map((f) => f.kind);

describe('the thresholds come from the catalog', () => {
  it('3 calendar days, 4 notes, long above 21 days (sources.md §2.6, §2.7)', () => {
    expect(certificateThresholds(VLAANDEREN_CATALOG)).toEqual({
      maxNoteSpanDays: 3,
      maxNotes: 4,
      longCertificateDays: 21,
    });
  });
});

describe('D half-days need a certificate', () => {
  it('D without a certificate is found; with one covering it, not', () => {
    const register = days('D', '2025-09-08', '2025-09-09');
    expect(checkCertificates(input(register))).toEqual([{ kind: 'd-uncovered', on: '2025-09-08', halfDays: register }]);
    expect(kinds(input(register, { certificates: [certificate('2025-09-08', '2025-09-09')] }))).toEqual([]);
  });

  it('a certificate from the afternoon does not cover the morning', () => {
    const register = days('D', '2025-09-08');
    const found = checkCertificates(
      input(register, { certificates: [certificate('2025-09-08', '2025-09-08', { fromHalf: 'PM' })] }),
    );
    expect(found.map((f) => f.halfDays)).toEqual([[{ date: '2025-09-08', half: 'AM', code: 'D' }]]);
  });

  it('a dixit-certificate or one the CLB found not valid is no cover (sources.md §2.6: the school may refuse it)', () => {
    const register = days('D', '2025-09-08');
    expect(
      kinds(input(register, { certificates: [certificate('2025-09-08', '2025-09-08', { dixit: true })] })),
    ).toEqual(['d-uncovered', 'doubt']);
    expect(
      kinds(input(register, { certificates: [certificate('2025-09-08', '2025-09-08', { outcome: 'niet-geldig' })] })),
    ).toEqual(['d-uncovered']);
  });
});

describe('a parents’ note covers at most 3 calendar days', () => {
  it('Monday to Wednesday (3 days) is fine; Monday to Thursday (4 days) is not', () => {
    expect(kinds(input(days('Z', '2025-09-08', '2025-09-09', '2025-09-10')))).toEqual([]);
    expect(kinds(input(days('Z', '2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11')))).toEqual(['z-too-long']);
  });

  it('"vrijdag, zaterdag, zondag en maandag ziek = medisch attest": the weekend counts', () => {
    expect(kinds(input(days('Z', '2025-09-12', '2025-09-15')))).toEqual(['z-too-long']);
  });

  it('a certificate over the spell removes the finding', () => {
    const register = days('Z', '2025-09-12', '2025-09-15');
    expect(kinds(input(register, { certificates: [certificate('2025-09-12', '2025-09-15')] }))).toEqual([]);
  });

  it('a present day in between splits the spells', () => {
    expect(kinds(input(days('Z', '2025-09-08', '2025-09-09', '2025-09-11', '2025-09-12')))).toEqual([]);
  });
});

describe('at most 4 parents’ notes a school year', () => {
  const spells = ['2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'];
  it('4 separate one-day spells are fine; the 5th needs a certificate', () => {
    expect(kinds(input(days('Z', ...spells.slice(0, 4))))).toEqual([]);
    const found = checkCertificates(input(days('Z', ...spells)));
    expect(found.map((f) => [f.kind, f.on])).toEqual([['notes-over-limit', '2025-10-06']]);
  });

  it('a spell covered by a certificate is not a note', () => {
    const certificates = [certificate('2025-09-08', '2025-09-08')];
    expect(kinds(input(days('Z', ...spells), { certificates }))).toEqual([]);
  });
});

describe('in secondary, illness during exams needs a certificate', () => {
  const examPeriods = [{ from: '2025-10-20', to: '2025-10-24' }];
  it('a Z half-day in the exam period of a secondary pupil is found; in primary or outside the period not', () => {
    expect(kinds(input(days('Z', '2025-10-21'), { level: 'secundair', examPeriods }))).toEqual(['exam-period']);
    expect(kinds(input(days('Z', '2025-10-21'), { level: 'lager', examPeriods }))).toEqual([]);
    expect(kinds(input(days('Z', '2025-10-17'), { level: 'secundair', examPeriods }))).toEqual([]);
  });
});

describe('doubtful and long certificates go to the CLB (seed 001 l. 212, 550)', () => {
  it('a doubt stays a finding until the CLB route has an outcome', () => {
    const doubt = certificate('2025-09-08', '2025-09-09', { doubt: true });
    expect(kinds(input([], { certificates: [doubt] }))).toEqual(['doubt']);
    expect(kinds(input([], { certificates: [{ ...doubt, outcome: 'geldig' }] }))).toEqual([]);
  });

  it('21 calendar days is not long; 22 is', () => {
    expect(kinds(input([], { certificates: [certificate('2025-09-01', '2025-09-21')] }))).toEqual([]);
    expect(kinds(input([], { certificates: [certificate('2025-09-01', '2025-09-22')] }))).toEqual(['long']);
  });
});
