import { describe, expect, it } from 'vitest';
import { checkClbSignal, checkPoliceReport, checkReturnPlan } from './workflows.ts';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('police report preconditions (seed 003:418-422)', () => {
  it('refuses without a recorded CLB consultation even with a valid ground', () => {
    const problems = checkPoliceReport(
      { ground: 'manifest-unwillingness', unwillingnessFacts: 'Weigeren elk contact.', notPowerlessness: true },
      { clbConsultations: 0, contactAttempts: [] },
    );
    expect(codes(problems)).toEqual(['clb-consultation-first']);
  });
  it('tells unwillingness apart from powerlessness', () => {
    const problems = checkPoliceReport(
      { ground: 'manifest-unwillingness', unwillingnessFacts: 'x' },
      { clbConsultations: 1, contactAttempts: [] },
    );
    expect(codes(problems)).toEqual(['not-powerlessness']);
  });
  it('needs the fiche onbereikbaarheid and a last failed parent contact for total unreachability', () => {
    const form = { lastKnownAddress: 'Kerkstraat 1', lastSeenOn: '2026-01-10', attemptsSummary: 'gebeld' };
    const reached = [{ relation: 'parent1', attemptedOn: '2026-02-01', reached: true, channel: 'phone' }];
    expect(
      codes(
        checkPoliceReport(
          { ground: 'total-unreachability', unreachability: form },
          { clbConsultations: 1, contactAttempts: reached },
        ),
      ),
    ).toEqual(['unreachable-not-shown']);
    const failed = [
      ...reached,
      { relation: 'parent2', attemptedOn: '2026-02-10', reached: false, channel: 'home-visit' },
    ];
    expect(
      checkPoliceReport(
        { ground: 'total-unreachability', unreachability: form },
        { clbConsultations: 1, contactAttempts: failed },
      ),
    ).toEqual([]);
    expect(
      codes(checkPoliceReport({ ground: 'total-unreachability' }, { clbConsultations: 1, contactAttempts: failed })),
    ).toEqual(['required', 'required', 'required']);
  });
});

describe('CLB signal checklist (seed 001:482-498)', () => {
  it('accepts a reason instead of the conversation when the pupil no longer comes', () => {
    const checklist = {
      absenceCount: '5',
      absenceReasons: 'a',
      actionsTaken: 'b',
      whatWorks: 'c',
      whatDoesNotWork: 'd',
      underlyingProblems: 'e',
      truancyProfile: 'f',
    };
    expect(codes(checkClbSignal(checklist, { pupilConversations: 0 }))).toEqual(['conversation-first']);
    expect(
      checkClbSignal(checklist, { pupilConversations: 0, noConversationReason: 'Komt niet meer naar school' }),
    ).toEqual([]);
  });
});

describe('gradual return plan (seed 002:1558-1592)', () => {
  const step = (from: string, load: number) => ({ from, load, description: `${load} uur`, leaveOut: ['turnen'] });
  it('never steps up on a Monday', () => {
    // 2026-03-09 is a Monday.
    const plan = [step('2026-03-02', 1), step('2026-03-04', 1), step('2026-03-09', 2)];
    expect(codes(checkReturnPlan(plan))).toEqual(['no-step-up-on-monday']);
  });
  it('repeats a step before the next and leaves out burdening moments', () => {
    const plan = [step('2026-03-02', 1), { ...step('2026-03-05', 2), leaveOut: [] }];
    expect(codes(checkReturnPlan(plan))).toEqual(['repeat-before-next', 'leave-out-burdening-moments']);
    expect(checkReturnPlan([step('2026-03-02', 1), step('2026-03-03', 1), step('2026-03-05', 2)])).toEqual([]);
  });
});
