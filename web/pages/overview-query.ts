// The school overview's filters, sort and page as URL query parameters, so links and the back button work.
import type { Level, PupilSort, SortOrder } from '../api/client.ts';

export const PAGE_SIZE = 50;
const LEVELS: readonly Level[] = ['kleuter', 'lager', 'secundair'];

export interface OverviewQuery {
  className: string;
  level: Level | '';
  q: string;
  sort: PupilSort;
  order: SortOrder;
  /** 1-based */
  page: number;
}

export const DEFAULT_QUERY: OverviewQuery = {
  className: '',
  level: '',
  q: '',
  sort: 'lastName',
  order: 'asc',
  page: 1,
};

function parseSort(value: string | null): PupilSort {
  if (value === 'lastName' || value === 'firstName' || value === 'className' || value === 'absent') return value;
  if (value && /^code:[A-Z]$/.test(value)) return value as PupilSort; // as the server accepts
  return DEFAULT_QUERY.sort;
}

export function parseOverviewQuery(search: string): OverviewQuery {
  const params = new URLSearchParams(search);
  const level = params.get('level') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    className: params.get('class') ?? '',
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : '',
    q: params.get('q') ?? '',
    sort: parseSort(params.get('sort')),
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** Writes only what differs from the defaults, so a plain overview keeps a plain URL. */
export function overviewSearch(query: OverviewQuery): string {
  const params = new URLSearchParams();
  if (query.className) params.set('class', query.className);
  if (query.level) params.set('level', query.level);
  if (query.q) params.set('q', query.q);
  if (query.sort !== DEFAULT_QUERY.sort || query.order !== DEFAULT_QUERY.order) {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Clicking a column header: the same column flips the order; a new column starts at its natural order. */
export function nextSort(query: OverviewQuery, sort: PupilSort): Pick<OverviewQuery, 'sort' | 'order'> {
  if (query.sort === sort) return { sort, order: query.order === 'asc' ? 'desc' : 'asc' };
  // Counts start with the most absent pupils: that is who staff look for first.
  const countsFirst = sort === 'absent' || sort.startsWith('code:');
  return { sort, order: countsFirst ? 'desc' : 'asc' };
}

/** The code columns to show: codes with a count on this page, plus the column being sorted on. */
export function codeColumns(
  countsPerPupil: readonly Record<string, number>[],
  codeOrder: readonly string[],
  sort: PupilSort,
): string[] {
  const used = new Set<string>();
  for (const counts of countsPerPupil) {
    for (const [code, count] of Object.entries(counts)) if (count > 0) used.add(code);
  }
  if (sort.startsWith('code:')) used.add(sort.slice('code:'.length));
  const known = codeOrder.filter((code) => used.has(code));
  const unknown = [...used].filter((code) => !codeOrder.includes(code)).sort();
  return [...known, ...unknown];
}
