import { describe, expect, it } from 'vitest';
import {
  ageOn,
  categoryOfDocument,
  categoryOfEntry,
  deciderOn,
  planTransfer,
  REFUSABLE_CATEGORIES,
  TRANSFER_CATEGORIES,
  transferDecisionProblems,
  transferVerdict,
} from './file-transfer.ts';
import { INTERVENTION_KINDS } from './pupil-file/intervention-kinds.ts';

describe('the transfer categories and their rules', () => {
  it('states a rule and a source for every category; the seed’s three rules each occur', () => {
    for (const c of TRANSFER_CATEGORIES) expect(c.source.length, c.id).toBeGreaterThan(10);
    expect(new Set(TRANSFER_CATEGORIES.map((c) => c.rule))).toEqual(new Set(['mandatory', 'unless-refused', 'never']));
    expect(REFUSABLE_CATEGORIES).toEqual(['guidance', 'clb-medical']);
  });

  it('sends a verslag always, guidance and medical data unless refused, disciplinary content never', () => {
    expect(transferVerdict('verslag', ['guidance', 'clb-medical'])).toEqual({ included: true });
    expect(transferVerdict('guidance', [])).toEqual({ included: true });
    expect(transferVerdict('guidance', ['guidance'])).toEqual({ included: false, reason: 'refused' });
    expect(transferVerdict('clb-medical', ['clb-medical'])).toEqual({ included: false, reason: 'refused' });
    expect(transferVerdict('disciplinary', [])).toEqual({ included: false, reason: 'never-transferable' });
  });

  it('classifies a sanctioning measure as disciplinary at any level, a clb-arts entry as medical', () => {
    expect(INTERVENTION_KINDS.some((k) => k.id === 'sanctioning-measure')).toBe(true);
    for (const level of ['school+clb', 'clb', 'clb-arts'] as const)
      expect(categoryOfEntry('sanctioning-measure', level)).toBe('disciplinary');
    expect(categoryOfEntry('home-visit', 'clb-arts')).toBe('clb-medical');
    expect(categoryOfEntry('home-visit', 'clb')).toBe('guidance');
  });

  it('classifies documents: a disciplinary mark or link wins; a clb-arts document stays the doctor’s', () => {
    const doc = (over: Partial<Parameters<typeof categoryOfDocument>[0]>) =>
      categoryOfDocument({ confidentiality: 'school+clb', linkedEntryKind: null, marked: null, ...over });
    expect(doc({})).toBe('guidance');
    expect(doc({ marked: 'verslag' })).toBe('verslag');
    expect(doc({ marked: 'disciplinary' })).toBe('disciplinary');
    expect(doc({ marked: 'verslag', linkedEntryKind: 'sanctioning-measure' })).toBe('disciplinary');
    expect(doc({ marked: 'verslag', confidentiality: 'clb-arts' })).toBe('clb-medical');
  });

  it('plans a transfer: what goes and what is left out with its reason', () => {
    const items = [
      { id: 1, category: 'verslag' as const },
      { id: 2, category: 'guidance' as const },
      { id: 3, category: 'clb-medical' as const },
      { id: 4, category: 'disciplinary' as const },
    ];
    const plan = planTransfer(items, ['guidance']);
    expect(plan.included.map((i) => i.id)).toEqual([1, 3]);
    expect(plan.excluded).toEqual([
      { id: 2, category: 'guidance', reason: 'refused' },
      { id: 4, category: 'disciplinary', reason: 'never-transferable' },
    ]);
  });
});

describe('who decides', () => {
  it('counts whole years, a birthday counting from its day', () => {
    expect(ageOn('2008-03-02', '2026-03-01')).toBe(17);
    expect(ageOn('2008-03-02', '2026-03-02')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('lets the parents decide for a minor and the pupil from 18 (seed 004 l. 11662)', () => {
    expect(deciderOn('2008-03-02', '2026-03-01')).toBe('parents');
    expect(deciderOn('2008-03-02', '2026-03-02')).toBe('pupil');
  });

  it('refuses a decision by the wrong party, before informing, in the future, or refusing the mandatory', () => {
    const context = { birthDate: '2011-02-02', today: '2026-03-02' };
    const ok = { decidedBy: 'parents' as const, informedOn: '2026-02-20', decidedOn: '2026-02-25', refused: [] };
    expect(transferDecisionProblems(ok, context)).toEqual([]);
    const fields = (over: object) => transferDecisionProblems({ ...ok, ...over }, context).map((p) => p.field);
    expect(fields({ decidedBy: 'pupil' })).toEqual(['decidedBy']);
    expect(fields({ informedOn: '2026-02-26' })).toEqual(['informedOn']);
    expect(fields({ decidedOn: '2026-03-03', informedOn: '2026-03-03' })).toEqual(['decidedOn']);
    expect(fields({ refused: ['verslag'] })).toEqual(['refused']);
    expect(fields({ refused: ['disciplinary'] })).toEqual(['refused']);
    expect(fields({ refused: ['guidance', 'clb-medical'] })).toEqual([]);
  });
});
