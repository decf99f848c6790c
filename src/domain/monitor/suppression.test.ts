// Small-cell suppression: no count between 1 and 4 survives suppressDashboard, in the JSON or in the CSV.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsOf, suppressionLeaks } from '../../testing/monitor-leaks.ts';
import { dashboardCsv } from './csv.ts';
import { buildDashboard, type Dashboard, type MonitorCell, suppressDashboard } from './dashboard.ts';
import { MIN_SHOWN_COUNT, OFFICIAL_CODES, shareThresholds } from './definitions.ts';
import type { ShownCount } from './suppression.ts';

const cellArbitrary = fc.record({
  schoolYear: fc.constantFrom('2025-2026', '2024-2025'),
  dimension: fc.constantFrom('week', 'month', 'weekday', 'class', 'grade', 'threshold', 'enrolled', 'signal' as const),
  key: fc.constantFrom('01', '02', '10', '1-AM', '5', '30', '1A', 'lager-3'),
  code: fc.constantFrom(...OFFICIAL_CODES, '*'),
  value: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5000 })),
}) as fc.Arbitrary<MonitorCell>;

describe('small-cell suppression', () => {
  it('leaves no count between 1 and 4 in any dashboard or CSV built from random cells', () => {
    fc.assert(
      fc.property(
        fc.array(cellArbitrary, { maxLength: 200 }),
        fc.array(
          fc.record({
            ruleId: fc.constantFrom('B5_CLB', 'B30', 'LONG_ABSENCE'),
            holding: fc.nat(12),
            open: fc.nat(12),
          }),
          {
            maxLength: 3,
          },
        ),
        fc.record({
          signalled: fc.nat(9),
          medianDays: fc.option(fc.nat(60)),
          averageDays: fc.option(fc.nat(60)),
          notYetSignalled: fc.nat(9),
          medianDaysOpen: fc.option(fc.nat(60)),
        }),
        fc.record({ open: fc.nat(12), overdue: fc.nat(12) }),
        (cells, signals, delay, agreements) => {
          const raw = buildDashboard({
            schoolYear: '2025-2026',
            previousSchoolYear: '2024-2025',
            cells,
            thresholds: shareThresholds(),
            signals,
            delay,
            agreements,
          });
          const shown = suppressDashboard(raw, MIN_SHOWN_COUNT);
          expect(suppressionLeaks(shown, dashboardCsv(shown))).toEqual([]);
          // Suppression hides only small counts: zero and counts of 5 or more are shown as they are.
          const before = countsOf(raw as Dashboard<ShownCount>);
          const after = countsOf(shown);
          before.forEach((c, i) => {
            const value = c.value as number;
            expect(after[i]?.value).toBe(value >= 1 && value < MIN_SHOWN_COUNT ? null : value);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a leak when a dashboard is not suppressed (the checker itself works)', () => {
    const raw = buildDashboard({
      schoolYear: '2025-2026',
      previousSchoolYear: '2024-2025',
      cells: [{ schoolYear: '2025-2026', dimension: 'week', key: '01', code: 'B', value: 3 }],
      thresholds: shareThresholds(),
      signals: [],
      agreements: { open: 0, overdue: 0 },
      delay: { signalled: 0, medianDays: null, averageDays: null, notYetSignalled: 0, medianDaysOpen: null },
    });
    expect(suppressionLeaks(raw, dashboardCsv(raw))).not.toEqual([]);
  });

  it('takes the share thresholds from the rule catalog: 5 (B5_CLB), 10 (ABSENT_10), 30 (B30)', () => {
    expect(shareThresholds().map((t) => [t.halfDays, t.ruleId])).toEqual([
      [5, 'B5_CLB'],
      [10, 'ABSENT_10'],
      [30, 'B30'],
    ]);
  });
});
