// The attention list's filters and page as URL query parameters, plus the pure helpers its rows and the
// pupil page's signals use: why a row is near the top, and which half-days a signal's evidence points at.
import type { AttentionItem, SignalEvidence, SignalTrack } from '../api/client.ts';
import { halfDayKey } from '../dates.ts';

export const ATTENTION_PAGE_SIZE = 50;
export const TRACKS: readonly SignalTrack[] = [
  'ongeoorloofd',
  'geoorloofd',
  'schoolweigering',
  'thuiszitter',
  'kleuterparticipatie',
  'algemeen',
];
export type AttentionStatusFilter = 'open' | 'handled' | 'all';
export type AttentionView = 'pupil' | 'signal';
const STATUSES: readonly AttentionStatusFilter[] = ['open', 'handled', 'all'];

/** Obligation levels that are binding by law (the server puts them on top). */
export const LEGAL_OBLIGATIONS: readonly string[] = ['legal', 'legal-consequence'];
/** Under this age a pupil counts as a "younger child" in the hint (the order itself always prefers younger). */
export const YOUNGER_CHILD_BELOW = 12;
/** From this many absent half-days in the last four weeks, absence is "quickly accumulating". */
export const RAPID_FROM = 4;

export interface AttentionFilter {
  className: string;
  rule: string;
  track: SignalTrack | '';
  status: AttentionStatusFilter;
  /** 'pupil': one card per pupil (the default); 'signal': one row per signal. */
  view: AttentionView;
  /** 1-based */
  page: number;
}

export const DEFAULT_ATTENTION_FILTER: AttentionFilter = {
  className: '',
  rule: '',
  track: '',
  status: 'open',
  view: 'pupil',
  page: 1,
};

export function parseAttentionFilter(search: string): AttentionFilter {
  const params = new URLSearchParams(search);
  const track = params.get('track') ?? '';
  const status = params.get('status') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    className: params.get('class') ?? '',
    rule: params.get('rule') ?? '',
    track: (TRACKS as readonly string[]).includes(track) ? (track as SignalTrack) : '',
    status: (STATUSES as readonly string[]).includes(status)
      ? (status as AttentionStatusFilter)
      : DEFAULT_ATTENTION_FILTER.status,
    view: params.get('view') === 'signal' ? 'signal' : 'pupil',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** Writes only what differs from the defaults, so the plain list keeps a plain URL. */
export function attentionSearch(filter: AttentionFilter): string {
  const params = new URLSearchParams();
  if (filter.className) params.set('class', filter.className);
  if (filter.rule) params.set('rule', filter.rule);
  if (filter.track) params.set('track', filter.track);
  if (filter.status !== DEFAULT_ATTENTION_FILTER.status) params.set('status', filter.status);
  if (filter.view !== DEFAULT_ATTENTION_FILTER.view) params.set('view', filter.view);
  if (filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type PriorityReason =
  | { kind: 'legal' }
  | { kind: 'younger'; ageYears: number }
  | { kind: 'parentsUnreachable' }
  | { kind: 'rapid'; recentAbsences: number }
  | { kind: 'otherSignals'; count: number };

/**
 * The facts that put a row high in the list, in the server's order: a legal obligation, a younger child,
 * parents who could not be reached at the latest attempt, quickly accumulating absence (half-days in the last four weeks), other open signals for the same pupil.
 */
export function priorityReasons(priority: AttentionItem['priority']): PriorityReason[] {
  const reasons: PriorityReason[] = [];
  if (priority.legal) reasons.push({ kind: 'legal' });
  if (priority.ageYears < YOUNGER_CHILD_BELOW) reasons.push({ kind: 'younger', ageYears: priority.ageYears });
  if (priority.parentsUnreachable) reasons.push({ kind: 'parentsUnreachable' });
  if (priority.recentAbsences >= RAPID_FROM) reasons.push({ kind: 'rapid', recentAbsences: priority.recentAbsences });
  if (priority.otherOpenSignals > 0) reasons.push({ kind: 'otherSignals', count: priority.otherOpenSignals });
  return reasons;
}

/** The half-days a signal's evidence lists, as heat-map keys (`YYYY-MM-DD|AM`); none for fact evidence. */
export function evidenceHalfDays(evidence: SignalEvidence | null | undefined): string[] {
  if (!Array.isArray(evidence)) return [];
  return evidence
    .filter((row) => typeof row?.date === 'string' && (row.half === 'AM' || row.half === 'PM'))
    .map((row) => halfDayKey(row.date, row.half));
}

/** The signal to highlight on the pupil page before the user chooses: the first open one with half-day evidence. */
export function defaultHighlightedSignal(items: readonly AttentionItem[]): number | null {
  const open = items.filter((item) => item.status !== 'handled');
  return (open.find((item) => evidenceHalfDays(item.evidence).length > 0) ?? open[0])?.id ?? null;
}
