import { describe, expect, it } from 'vitest';
import { ENGLAND_CATALOG } from './catalog-england.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import { resolveCatalog, resolveCatalogOrThrow } from './resolve-catalog.ts';
import { find, rows, schoolHalfDaysFrom, signalsOf } from './test-fixtures.ts';

const CONTRACT_IDS = [
  'B_FIRST',
  'B5_CLB',
  'B_AUTUMN',
  'B30',
  'B30_TWO_YEARS',
  'ABSENT_10',
  'SPELLS_RISING',
  'Z_EAZIE',
  'Z_LONG',
  'P30',
  'LONG_ABSENCE',
  'FIXED_SLOT',
  'AFTER_BREAK',
  'K5_290',
  'K5_290_RISK',
  'K5_ALLOWANCE',
  'EXCLUDED_NO_SCHOOL',
  'Z_NOTE_LIMIT',
  'LATE_OFTEN',
  'PRIOR_YEAR',
  // Beyond the contract: the certificate checks of issue 14 (docs/rules.md, "Medical certificates").
  'CERT_MISSING',
  'CERT_DOUBT',
  'CERT_LONG',
];

describe('vlaanderen catalog', () => {
  it('lists exactly the rule IDs of rules-vlaanderen.md', () => {
    expect(VLAANDEREN_CATALOG.rules.map((r) => r.id).sort()).toEqual([...CONTRACT_IDS].sort());
  });

  it('gives every rule titles, action and explanation in Dutch and English, a source and a priority', () => {
    for (const rule of [...VLAANDEREN_CATALOG.rules, ...ENGLAND_CATALOG.rules]) {
      for (const text of [rule.title, rule.action, rule.explanation]) {
        expect(text.nl.length, rule.id).toBeGreaterThan(5);
        expect(text.en.length, rule.id).toBeGreaterThan(5);
      }
      expect(rule.source.length, rule.id).toBeGreaterThan(5);
      expect(rule.priority, rule.id).toBeGreaterThan(0);
      for (const name of Object.keys(rule.params)) expect(rule.parameters[name], `${rule.id}.${name}`).toBeDefined();
    }
  });

  it('uses the obligation levels of the contract', () => {
    const level = Object.fromEntries(VLAANDEREN_CATALOG.rules.map((r) => [r.id, r.obligation]));
    expect(level).toMatchObject({
      B_FIRST: 'duty',
      B5_CLB: 'legal',
      B30: 'legal-consequence',
      B30_TWO_YEARS: 'legal-consequence',
      Z_EAZIE: 'practice',
      K5_290: 'legal',
      K5_290_RISK: 'legal',
      K5_ALLOWANCE: 'legal',
      Z_NOTE_LIMIT: 'regulation',
      PRIOR_YEAR: 'guidance',
    });
  });

  it('marks as product defaults only the numbers the contract marks (plus the school’s D-code setting)', () => {
    const defaults = VLAANDEREN_CATALOG.rules.flatMap((r) =>
      Object.entries(r.parameters)
        .filter(([, origin]) => origin.origin === 'product-default')
        .map(([name]) => `${r.id}.${name}`),
    );
    expect(defaults.sort()).toEqual([
      'EXCLUDED_NO_SCHOOL.schoolDays',
      'LATE_OFTEN.threshold',
      'LATE_OFTEN.withinSchoolDays',
      'LONG_ABSENCE.threshold',
      'SPELLS_RISING.runs',
      'SPELLS_RISING.withinSchoolDays',
      'Z_NOTE_LIMIT.schoolRegistersCertificatesAsD',
    ]);
  });
});

describe('resolveCatalog', () => {
  it('applies a valid per-school override of a product default', () => {
    const catalog = resolveCatalogOrThrow('vlaanderen', { LONG_ABSENCE: { threshold: 10 } });
    const rule = catalog.rules.find((r) => r.id === 'LONG_ABSENCE');
    expect(rule?.params).toEqual({ threshold: 10 });
    // The base catalog is untouched.
    expect(VLAANDEREN_CATALOG.rules.find((r) => r.id === 'LONG_ABSENCE')?.params).toEqual({ threshold: 20 });
  });

  it('the engine uses the overridden number', () => {
    const register = rows('p1', 'Z', schoolHalfDaysFrom('2025-09-08', 10));
    expect(find(signalsOf({ register, asOf: '2025-12-01' }), 'LONG_ABSENCE')).toBeUndefined();
    const overridden = signalsOf({ register, asOf: '2025-12-01', overrides: { LONG_ABSENCE: { threshold: 10 } } });
    expect(find(overridden, 'LONG_ABSENCE')?.triggeredOn).toBe('2025-09-15'); // 9 school half-days a week: Wednesday afternoon is free
  });

  it.each([
    [{ NOPE: { threshold: 1 } }, 'NOPE', 'Unknown rule "NOPE"'],
    [{ LONG_ABSENCE: { length: 3 } }, 'LONG_ABSENCE.length', 'has no parameter "length"'],
    [{ LONG_ABSENCE: { threshold: -5 } }, 'LONG_ABSENCE.threshold', 'must be an integer from 2 to 400'],
    [{ LONG_ABSENCE: { threshold: 2.5 } }, 'LONG_ABSENCE.threshold', 'must be an integer'],
    [{ LONG_ABSENCE: { threshold: true } }, 'LONG_ABSENCE.threshold', 'must be a number'],
    [{ B5_CLB: { threshold: 8 } }, 'B5_CLB.threshold', 'comes from the source'],
    [
      { Z_NOTE_LIMIT: { schoolRegistersCertificatesAsD: 1 } },
      'Z_NOTE_LIMIT.schoolRegistersCertificatesAsD',
      'true or false',
    ],
  ])('rejects %j with a clear error', (overrides, path, message) => {
    const result = resolveCatalog('vlaanderen', overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message.en).toContain(message);
    expect(result.problems[0]?.message.nl.length).toBeGreaterThan(10);
  });

  it('rejects an unknown profile and a malformed override object', () => {
    expect(resolveCatalog('mars').ok).toBe(false);
    const malformed = resolveCatalog('vlaanderen', { LONG_ABSENCE: 12 });
    expect(malformed.ok).toBe(false);
  });

  it('reports every problem at once', () => {
    const result = resolveCatalog('vlaanderen', { NOPE: {}, B30: { threshold: 1 }, LONG_ABSENCE: { threshold: 0 } });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'NOPE',
      'B30.threshold',
      'LONG_ABSENCE.threshold',
    ]);
  });
});
