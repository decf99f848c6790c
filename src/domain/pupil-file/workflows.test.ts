import { describe, expect, it } from 'vitest';
import {
  checkClbSignal,
  checkContactPlan,
  checkLetGoOfSchool,
  checkPerspectives,
  checkPoliceReport,
  checkReturnPlan,
  checkSchoolRefusalReview,
  checkSchoolRefusalSignals,
  SCHOOL_REFUSAL_SIGNALS,
} from './workflows/index.ts';

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

describe('school refusal signals (seed 002:636-665, 002:713-779)', () => {
  const all = (answer: string) => Object.fromEntries(SCHOOL_REFUSAL_SIGNALS.map((s) => [s.id, { answer }]));
  it('lists the ten signals of §1.1 with their seed lines', () => {
    expect(SCHOOL_REFUSAL_SIGNALS).toHaveLength(10);
    for (const signal of SCHOOL_REFUSAL_SIGNALS) expect(signal.source).toMatch(/^002:6[3-6]\d/);
  });
  it('needs an answer yes, no or unknown for every signal', () => {
    const answers = { ...all('no'), oftenLate: { answer: 'maybe' } } as Record<string, { answer: string }>;
    delete answers.fallingMarks;
    const problems = checkSchoolRefusalSignals({ answers });
    expect(problems.map((p) => p.field)).toEqual(['signals.fallingMarks', 'signals.oftenLate']);
    expect(checkSchoolRefusalSignals({ answers: all('no') })).toEqual([]);
  });
  it('asks the next step once a signal is seen, and what is still needed when one is unknown', () => {
    const answers = { ...all('no'), returnAfterBreak: { answer: 'yes' }, behaviourChange: { answer: 'unknown' } };
    expect(codes(checkSchoolRefusalSignals({ answers }))).toEqual(['follow-up', 'information-needed']);
    expect(
      checkSchoolRefusalSignals({ answers, followUp: 'Gesprek met de jongere', informationNeeded: 'Thuissituatie' }),
    ).toEqual([]);
    expect(codes(checkSchoolRefusalSignals({ answers, followUp: '  ', informationNeeded: 'x' }))).toEqual([
      'follow-up',
    ]);
  });
});

describe('perspectives table (seed 002:929-978)', () => {
  const pupil = { stakeholder: 'pupil', whatIsGoingOn: 'Buikpijn op zondagavond' };
  const parent = { stakeholder: 'parent2', pupilExperience: 'Hij schaamt zich' };
  it("needs the pupil's own view and a parent's view", () => {
    expect(codes(checkPerspectives([]))).toEqual(['pupil-perspective', 'parents-perspective']);
    expect(codes(checkPerspectives([parent]))).toEqual(['pupil-perspective']);
    expect(codes(checkPerspectives([pupil]))).toEqual(['parents-perspective']);
    expect(checkPerspectives([pupil, parent])).toEqual([]);
  });
  it('counts an empty row as not heard, and names school staff and helpers ("namelijk …")', () => {
    const problems = checkPerspectives([
      { stakeholder: 'pupil', whatIsGoingOn: ' ' },
      parent,
      { stakeholder: 'helper-1', whatIsGoingOn: 'Angst' },
      { stakeholder: 'school-1', name: 'Mevr. Claes', whatIsGoingOn: 'Stil in de klas' },
      { stakeholder: 'parent2', whatIsGoingOn: 'dubbel' },
      { stakeholder: 'neighbour', whatIsGoingOn: 'x' },
    ]);
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'rows.pupil:empty',
      'rows.helper-1.name:name-required',
      'rows.parent2:duplicate',
      'rows.5:stakeholder',
      'rows.pupil:pupil-perspective',
    ]);
  });
});

describe('what was done, its effect, what is needed (seed 002:1016-1089, 002:1268-1346)', () => {
  const row = { stakeholder: 'pupil', done: 'Gesprek', effect: 'Opgelucht', needed: 'Rustige plek' };
  const complete = { stage: 'phase-2', rows: [row], pivot: 'An Peeters', regie: 'CLB', channels: ['phone'] };
  it('accepts a complete review and refuses an empty one with every problem', () => {
    expect(checkSchoolRefusalReview(complete)).toEqual([]);
    expect(codes(checkSchoolRefusalReview({ rows: [] }))).toEqual([
      'stage',
      'required',
      'required',
      'required',
      'communication',
    ]);
  });
  it("needs the three columns per row, the pupil's row, the roles and a known channel", () => {
    const problems = checkSchoolRefusalReview({
      ...complete,
      rows: [{ stakeholder: 'school-2', name: 'Titularis', done: 'Mail', effect: '', needed: 'Overleg' }],
      regie: ' ',
      channels: ['pigeon'],
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'rows.0.effect:required',
      'rows.pupil:pupil-view',
      'regie:required',
      'channels:communication',
    ]);
  });
});

describe('phase 3: let go of school, not of the pupil (seed 002:1648-1660, 002:1742-1885)', () => {
  const plan = { who: 'An Peeters', frequency: 'wekelijks', nextContactOn: '2026-03-06', channel: 'phone' };
  const input = {
    grounds: ['severity'],
    alternatives: ['toah'],
    discussedWith: 'Jongere, ouders, CLB',
    contactPlan: plan,
  };
  const facts = { clbInvolved: true, today: '2026-03-02' };
  it('accepts a complete choice and refuses without the CLB involved', () => {
    expect(checkLetGoOfSchool(input, facts)).toEqual([]);
    expect(codes(checkLetGoOfSchool(input, { ...facts, clbInvolved: false }))).toEqual(['clb-first']);
  });
  it('needs grounds, an alternative (an M-doc only alongside one, "other" described) and the dialogue', () => {
    expect(codes(checkLetGoOfSchool({ ...input, grounds: [], alternatives: [], discussedWith: '' }, facts))).toEqual([
      'grounds',
      'alternatives',
      'dialogue',
    ]);
    expect(codes(checkLetGoOfSchool({ ...input, alternatives: ['m-document'] }, facts))).toEqual([
      'm-document-alongside',
    ]);
    expect(checkLetGoOfSchool({ ...input, alternatives: ['m-document', 'coach'] }, facts)).toEqual([]);
    expect(codes(checkLetGoOfSchool({ ...input, alternatives: ['other'] }, facts))).toEqual(['required']);
    expect(codes(checkLetGoOfSchool({ ...input, alternatives: ['toah', 'boarding'] }, facts))).toEqual([
      'alternatives',
    ]);
  });
  it('needs a complete contact plan with the next contact today or later', () => {
    expect(checkContactPlan(plan, '2026-03-06')).toEqual([]);
    expect(codes(checkContactPlan({ ...plan, nextContactOn: '2026-03-05' }, '2026-03-06'))).toEqual([
      'not-in-the-past',
    ]);
    expect(checkContactPlan(undefined, '2026-03-06').map((p) => p.field)).toEqual([
      'contactPlan.who',
      'contactPlan.frequency',
      'contactPlan.nextContactOn',
      'contactPlan.channel',
    ]);
    expect(codes(checkContactPlan({ ...plan, nextContactOn: '2026-02-30x', channel: 'pigeon' }, '2026-03-02'))).toEqual(
      ['required', 'required'],
    );
  });
});
