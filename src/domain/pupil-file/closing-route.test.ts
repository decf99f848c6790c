import { describe, expect, it } from 'vitest';
import { VLAANDEREN_CATALOG } from '../rules/catalog-vlaanderen.ts';
import { addressedToClassTeacher, closesSignal, closingRouteMessage, rulesClosedBy } from './closing-route.ts';
import { interventionKind, isFreeKind } from './intervention-kinds.ts';

describe('closing routes of legal signals', () => {
  it('names only kinds of the pupil file; the CLB routes are workflows a free entry cannot pose as', () => {
    for (const rule of VLAANDEREN_CATALOG.rules)
      for (const kind of rule.closedBy ?? []) expect(interventionKind(kind), `${rule.id} → ${kind}`).toBeDefined();
    expect(isFreeKind('clb-signal')).toBe(false);
    expect(isFreeKind('clb-referral')).toBe(false);
  });

  it('gives every legal rule a route', () => {
    const legal = VLAANDEREN_CATALOG.rules.filter(
      (r) => r.obligation === 'legal' || r.obligation === 'legal-consequence',
    );
    expect(legal.filter((r) => !r.closedBy).map((r) => r.id)).toEqual([]);
  });

  it('B5_CLB closes only through the CLB signal; a rule without a route closes with a note', () => {
    expect(closesSignal('B5_CLB', 'clb-signal')).toBe(true);
    expect(closesSignal('B5_CLB', undefined)).toBe(false);
    expect(closesSignal('B5_CLB', 'other')).toBe(false);
    expect(closesSignal('B30', 'clb-referral')).toBe(true);
    expect(closesSignal('B_FIRST', undefined)).toBe(true);
    expect(rulesClosedBy('clb-signal').sort()).toEqual(['B5_CLB', 'K5_290', 'K5_290_RISK', 'K5_ALLOWANCE']);
    expect(closingRouteMessage('B5_CLB').nl).toBe(
      'Het wettelijke signaal B5_CLB sluit je niet af met een vrije notitie. Gebruik in het leerlingendossier: "Signalering aan het CLB".',
    );
  });

  it('addresses ABSENT_10 to the class teacher, and no legal signal', () => {
    expect(addressedToClassTeacher('ABSENT_10')).toBe(true);
    expect(addressedToClassTeacher('B5_CLB')).toBe(false);
  });
});
