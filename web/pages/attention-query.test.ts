import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../api/client.ts';
import {
  attentionSearch,
  DEFAULT_ATTENTION_FILTER,
  defaultHighlightedSignal,
  evidenceHalfDays,
  parseAttentionFilter,
  priorityReasons,
} from './attention-query.ts';

const item = (id: number, status: AttentionItem['status'], evidence: AttentionItem['evidence']) =>
  ({ id, status, evidence }) as AttentionItem;

describe('attention filter in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    const filter = {
      className: '3B',
      rule: 'B5_CLB',
      track: 'ongeoorloofd',
      status: 'all',
      view: 'signal',
      page: 2,
    } as const;
    expect(attentionSearch(filter)).toBe('?class=3B&rule=B5_CLB&track=ongeoorloofd&status=all&view=signal&page=2');
    expect(parseAttentionFilter(attentionSearch(filter))).toEqual(filter);
    expect(attentionSearch(DEFAULT_ATTENTION_FILTER)).toBe('');
  });

  it('ignores unknown tracks, statuses and bad pages', () => {
    expect(parseAttentionFilter('?track=x&status=closed&view=class&page=-3')).toEqual(DEFAULT_ATTENTION_FILTER);
  });
});

describe('priorityReasons', () => {
  it('names legal duty, a younger child, rapid accumulation and other signals', () => {
    expect(
      priorityReasons({
        rule: 90,
        legal: true,
        ageYears: 6,
        parentsUnreachable: true,
        recentAbsences: 7,
        otherOpenSignals: 2,
      }).map((r) => r.kind),
    ).toEqual(['legal', 'younger', 'parentsUnreachable', 'rapid', 'otherSignals']);
  });

  it('gives no reason for an older pupil with little recent absence', () => {
    expect(
      priorityReasons({
        rule: 10,
        legal: false,
        ageYears: 15,
        parentsUnreachable: false,
        recentAbsences: 1,
        otherOpenSignals: 0,
      }),
    ).toEqual([]);
  });
});

describe('evidence', () => {
  it('turns half-day evidence into heat-map keys and ignores fact evidence', () => {
    const halfDays = [
      { date: '2025-09-15', half: 'AM', code: 'B' },
      { date: '2025-09-15', half: 'PM', code: 'B' },
    ] as const;
    expect(evidenceHalfDays([...halfDays])).toEqual(['2025-09-15|AM', '2025-09-15|PM']);
    expect(evidenceHalfDays({ previousYearBHalfDays: 30 })).toEqual([]);
  });

  it('highlights the first open signal with half-day evidence by default', () => {
    const halfDay = [{ date: '2025-09-15', half: 'AM' as const, code: 'B' }];
    expect(defaultHighlightedSignal([item(1, 'handled', halfDay), item(2, 'new', {}), item(3, 'new', halfDay)])).toBe(
      3,
    );
    expect(defaultHighlightedSignal([item(1, 'handled', halfDay)])).toBeNull();
  });
});
