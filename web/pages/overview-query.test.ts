import { describe, expect, it } from 'vitest';
import { codeColumns, DEFAULT_QUERY, nextSort, overviewSearch, parseOverviewQuery } from './overview-query.ts';

describe('overview query in the URL', () => {
  it('round-trips filters, sort and page', () => {
    const query = {
      className: '3B',
      level: 'lager',
      q: 'Peeters',
      sort: 'code:B',
      order: 'desc',
      page: 3,
    } as const;
    expect(parseOverviewQuery(overviewSearch(query))).toEqual(query);
  });

  it('keeps a plain URL for the defaults and ignores nonsense', () => {
    expect(overviewSearch(DEFAULT_QUERY)).toBe('');
    expect(parseOverviewQuery('?level=hoger&sort=drop&page=-2')).toEqual(DEFAULT_QUERY);
  });
});

describe('nextSort', () => {
  it('flips the order on the same column and sorts counts from high to low first', () => {
    expect(nextSort(DEFAULT_QUERY, 'lastName')).toEqual({ sort: 'lastName', order: 'desc' });
    expect(nextSort(DEFAULT_QUERY, 'absent')).toEqual({ sort: 'absent', order: 'desc' });
    expect(nextSort(DEFAULT_QUERY, 'className')).toEqual({ sort: 'className', order: 'asc' });
  });
});

describe('codeColumns', () => {
  it('shows codes that occur, in code-list order, and the sorted column', () => {
    expect(
      codeColumns(
        [
          { Z: 2, B: 0 },
          { B: 1, X: 1 },
        ],
        ['B', 'Z', 'R'],
        'code:R',
      ),
    ).toEqual(['B', 'Z', 'R', 'X']);
  });
});
