// The attention list's order is the catalog's transparent priority, one fact after the other.
import { describe, expect, it } from 'vitest';
import { type AttentionItem, byPriority } from './attention-list.service.ts';

type Priority = AttentionItem['priority'];
const base: Priority = {
  rule: 50,
  legal: false,
  ageYears: 12,
  parentsUnreachable: false,
  recentAbsences: 0,
  otherOpenSignals: 0,
};
let nextId = 1;
const item = (priority: Partial<Priority>, triggeredOn = '2026-01-05'): AttentionItem =>
  ({ id: nextId++, triggeredOn, priority: { ...base, ...priority } }) as AttentionItem;
const order = (...items: AttentionItem[]) => [...items].sort(byPriority).map((i) => i.id);

describe('byPriority', () => {
  it('puts legal obligations first, whatever else holds', () => {
    const legal = item({ legal: true, rule: 1, ageYears: 17 });
    const other = item({ rule: 99, ageYears: 6, parentsUnreachable: true, recentAbsences: 20 });
    expect(order(other, legal)).toEqual([legal.id, other.id]);
  });

  it('then the rule, then younger pupils', () => {
    const high = item({ rule: 80, ageYears: 16 });
    const young = item({ rule: 50, ageYears: 7 });
    const old = item({ rule: 50, ageYears: 14 });
    expect(order(old, young, high)).toEqual([high.id, young.id, old.id]);
  });

  it('parents unreachable comes before speed of accumulation and other signals', () => {
    const unreachable = item({ parentsUnreachable: true });
    const fast = item({ recentAbsences: 12, otherOpenSignals: 3 });
    expect(order(fast, unreachable)).toEqual([unreachable.id, fast.id]);
  });

  it('ties fall back to the older signal, then the id', () => {
    const later = item({}, '2026-02-01');
    const earlier = item({}, '2026-01-01');
    expect(order(later, earlier)).toEqual([earlier.id, later.id]);
  });
});
