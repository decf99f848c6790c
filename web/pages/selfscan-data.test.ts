// The self-scan charts' data: one series per school year in order, averages per phase, and their CSV.
import { describe, expect, it } from 'vitest';
import type { InstrumentPhase, SelfscanList } from '../api/selfscan-client.ts';
import { chartCsv, goalChartData, goalRows, phaseChartData } from './selfscan-data.ts';

const text = (s: string) => ({ nl: s, en: s });
const goal = (id: string) => ({
  id,
  seedLine: 1,
  title: text(id),
  overviewTitle: text(id),
  explanation: [],
  questions: [],
});
const phases: InstrumentPhase[] = [
  {
    number: 0,
    title: text('Fase 0'),
    overviewTitle: text('F0'),
    tracks: [{ kind: 'general', goals: [goal('a'), goal('b')] }],
  },
  { number: 1, title: text('Fase 1'), overviewTitle: text('F1'), tracks: [{ kind: 'B', goals: [goal('c')] }] },
];
const list = {
  instrument: { phases },
  canEdit: false,
  scans: [
    { schoolYear: '2024-2025', createdAt: '', scores: { a: 4, b: 5, c: 2 } },
    { schoolYear: '2025-2026', createdAt: '', scores: { a: 7 } },
  ],
} as unknown as SelfscanList;

describe('self-scan chart data', () => {
  it('labels goals per phase and gives one series per school year, null where not scored', () => {
    expect(goalRows(phases).map((r) => r.label)).toEqual(['0.1', '0.2', '1.1']);
    expect(goalChartData(list, 'nl').series).toEqual([
      { name: '2024-2025', values: [4, 5, 2] },
      { name: '2025-2026', values: [7, null, null] },
    ]);
  });

  it('averages the scored goals of a phase', () => {
    expect(phaseChartData(list, 'nl').series).toEqual([
      { name: '2024-2025', values: [4.5, 2] },
      { name: '2025-2026', values: [7, null] },
    ]);
  });

  it('writes the same numbers as CSV, quoting where needed', () => {
    const csv = chartCsv(
      { categories: [{ label: '0.1', name: 'Goal, with comma' }], series: [{ name: '2024-2025', values: [4] }] },
      'Doelstelling',
    );
    expect(csv).toBe('Doelstelling,,2024-2025\r\n0.1,"Goal, with comma",4\r\n');
  });
});
