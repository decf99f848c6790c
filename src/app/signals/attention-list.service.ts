// Use cases of the attention list: open signals in a transparent priority order, acknowledge and handle them.

import {
  followUp,
  parentsUnreachable,
  type RankRow,
  recentAbsences,
  signalDetails,
  signalState,
  signalsToRank,
} from '../../db/attention.repository.ts';
import { dataVersion } from '../../db/data-change.repository.ts';
import type { Database, Sql } from '../../db/database.ts';
import { dayNumber } from '../../domain/half-day.ts';
import {
  addressedToClassTeacher,
  closesSignal,
  closingRouteMessage,
  closingRouteOf,
} from '../../domain/pupil-file/closing-route.ts';
import type { RuleDefinition } from '../../domain/rules/index.ts';
import { parseSchoolYearId, schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { can, requireAccess, schoolsWhere } from '../policy/policy.ts';
import { activeCatalog } from './active-catalog.ts';
import { type Track, trackOf } from './tracks.ts';

/** Obligation levels the catalog marks as binding by law: always on top, with how long they have been open. */
const LEGAL = new Set(['legal', 'legal-consequence']);
/** The window for "speed of accumulation": absent half-days in the last four weeks before the list's date. */
const RECENT_DAYS = 28;

export interface AttentionItem {
  id: number;
  version: number;
  schoolId: number;
  schoolName: string;
  pupil: {
    id: number;
    externalId: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    className: string | null;
  };
  ruleId: string;
  title: { nl: string; en: string };
  action: { nl: string; en: string };
  obligation: string;
  source: string;
  track: Track;
  triggeredOn: string;
  status: 'new' | 'acknowledged' | 'handled';
  explanation: { nl: string; en: string };
  evidence: unknown;
  /** Days since triggeredOn for legal obligations (how long the duty has been open); null otherwise. */
  daysOpen: number | null;
  /** The facts behind the position in the list, in the order they were applied. */
  priority: {
    rule: number;
    legal: boolean;
    ageYears: number;
    /** The latest contact attempt with a parent recorded in the pupil file failed. */
    parentsUnreachable: boolean;
    recentAbsences: number;
    otherOpenSignals: number;
  };
  handledNote: string | null;
  handledAt: string | null;
}

export interface AttentionQuery {
  schoolId?: number;
  schoolYear?: string;
  ruleId?: string;
  className?: string;
  track?: Track;
  status?: 'open' | 'handled' | 'all';
  pupilId?: number;
  /** 'pupil': one card per pupil, paged by pupil (issue 18); default one item per signal. */
  group?: 'signal' | 'pupil';
  limit?: number;
  offset?: number;
}

interface Ranked {
  row: RankRow;
  id: number;
  triggeredOn: string;
  track: Track;
  priority: AttentionItem['priority'];
}

/** A signal joined with one of its pupil's enrolments (a pupil may have two in one school year). */
const detailKey = (id: number, className: string | null) => `${id}|${className === null ? '\u0000' : className}`;

function ruleIndex(): Map<string, RuleDefinition> {
  return new Map(activeCatalog().rules.map((r) => [r.id, r]));
}

/** One card per pupil (issue 18): the pupil's signals folded in, in priority order (legal items first). */
export interface AttentionGroup {
  schoolId: number;
  schoolName: string;
  pupil: AttentionItem['pupil'];
  /** The pupil has a signal the catalog marks as binding by law. */
  legal: boolean;
  /** The priority facts of the pupil's first signal: why the card stands where it stands, explained once. */
  priority: AttentionItem['priority'];
  signals: AttentionItem[];
}

/** The ranking of one query: every visible signal in priority order (the expensive part, cached per data version). */
interface Ranking {
  ranked: Ranked[];
  /** Indexes into `ranked` of each pupil's first signal, in list order, with all of that pupil's signals. */
  groups: number[][];
  rules: string[];
  ruleTitles: Record<string, { nl: string; en: string }>;
  classes: string[];
  /** The answers of the pages read at this version, by page key. */
  pages: Map<string, AttentionList>;
}

/**
 * Rankings per database and query, each stored with the data version it was derived at (docs/decisions/
 * 0017-attention-list-cache.md). A process keeps at most MAX_CACHED of them; a changed version recomputes.
 */
const rankings = new WeakMap<Sql, Map<string, { version: string; ranking: Ranking }>>();
const MAX_CACHED = 64;

function cached(db: Sql, key: string, version: string): Ranking | undefined {
  const perDb = rankings.get(db);
  const hit = perDb?.get(key);
  if (!perDb || !hit || hit.version !== version) return undefined;
  perDb.delete(key); // most recently used last
  perDb.set(key, hit);
  return hit.ranking;
}

function remember(db: Sql, key: string, version: string, ranking: Ranking) {
  const perDb = rankings.get(db) ?? new Map<string, { version: string; ranking: Ranking }>();
  rankings.set(db, perDb);
  perDb.delete(key);
  perDb.set(key, { version, ranking });
  while (perDb.size > MAX_CACHED) perDb.delete(perDb.keys().next().value as string);
}

/**
 * The data version as of some moment after the call: concurrent requests share one read. A read already on its way
 * may have taken its snapshot before this request arrived (and miss a write its client just made), so a request
 * that finds one waits for the next read, which starts after it finished and serves every request that waited.
 */
function freshVersion(db: Sql): Promise<string> {
  let reads = versionReads.get(db);
  if (!reads) {
    reads = { running: null, next: null };
    versionReads.set(db, reads);
  }
  const state = reads;
  const start = () => {
    const read = dataVersion(db);
    state.running = read;
    const done = () => {
      if (state.running === read) state.running = null;
    };
    read.then(done, done);
    return read;
  };
  if (!state.running) return start();
  if (!state.next) {
    const next = state.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        state.next = null;
        return start();
      });
    state.next = next;
  }
  return state.next;
}

const versionReads = new WeakMap<Sql, { running: Promise<string> | null; next: Promise<string> | null }>();

/** Lists signals of the schools the actor may see (one school, or every school of a CLB), ordered by priority. */
export async function listAttention(
  db: Database,
  actor: Actor,
  query: AttentionQuery,
  today: string,
): Promise<AttentionList> {
  let schoolIds: number[];
  const classScope = new Map<number, 'all' | string[]>();
  if (query.schoolId !== undefined) {
    const access = requireAccess(actor, 'signal.list', { schoolId: query.schoolId });
    schoolIds = [query.schoolId];
    classScope.set(query.schoolId, access.classNames);
  } else {
    const reachable = schoolsWhere(actor, 'signal.list');
    if (reachable === 'all') throw invalidInput({ nl: 'Kies een school.', en: 'Choose a school.' });
    schoolIds = reachable;
    for (const id of schoolIds) classScope.set(id, requireAccess(actor, 'signal.list', { schoolId: id }).classNames);
  }
  const year = query.schoolYear ? parseSchoolYearId(query.schoolYear) : schoolYearOf(today);
  if (!year) throw invalidInput({ nl: 'Ongeldig schooljaar.', en: 'Invalid school year.' });
  const asOf = today < year.lastDay ? today : year.lastDay;
  const status = query.status ?? 'open';
  const grouped = query.group === 'pupil';
  if (schoolIds.length === 0)
    return {
      schoolYear: year.id,
      asOf,
      total: 0,
      items: [],
      ...(grouped ? { groups: [] } : {}),
      rules: [],
      ruleTitles: {},
      classes: [],
    };
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const offset = Math.max(query.offset ?? 0, 0);
  // The version first: a ranking derived after it is at least as new as the version it is stored under.
  const version = await freshVersion(db);
  const key = JSON.stringify([
    schoolIds,
    [...classScope],
    year.id,
    asOf,
    status,
    query.ruleId ?? null,
    query.className ?? null,
    query.pupilId ?? null,
    query.track ?? null,
  ]);
  let ranking = cached(db, key, version);
  if (!ranking) {
    ranking = await rank(db, schoolIds, classScope, { ...query, status }, year.id, asOf);
    remember(db, key, version, ranking);
  }
  const pageKey = `${grouped ? 'p' : 's'}|${offset}|${limit}`;
  let result = ranking.pages.get(pageKey);
  if (!result) {
    const pageRanked = grouped
      ? ranking.groups.slice(offset, offset + limit).flatMap((g) => g.map((i) => ranking.ranked[i] as Ranked))
      : ranking.ranked.slice(offset, offset + limit);
    const items = await pageItems(db, pageRanked, asOf);
    const base = {
      schoolYear: year.id,
      asOf,
      rules: ranking.rules,
      ruleTitles: ranking.ruleTitles,
      classes: ranking.classes,
    };
    result = grouped
      ? { ...base, total: ranking.groups.length, items: [], groups: foldPerPupil(items) }
      : { ...base, total: ranking.ranked.length, items };
    ranking.pages.set(pageKey, result);
  }
  // Every read is audited, cached or not: one row per request with the pupils on the page.
  await recordAudit(db, actor, {
    action: 'signal.list',
    organisationId: query.schoolId ?? null,
    pupilIds: pupilsOf(result),
  });
  // The same object for the same query and data version: the route may keep its serialised form (see the route).
  return result;
}

function pupilsOf(list: AttentionList): number[] {
  const items = list.groups ? list.groups.flatMap((g) => g.signals) : list.items;
  return [...new Set(items.map((i) => i.pupil.id))];
}

export interface AttentionList {
  schoolYear: string;
  asOf: string;
  /** Signals, or pupils in the grouped mode. */
  total: number;
  items: AttentionItem[];
  /** Only in the grouped mode (`group: 'pupil'`): one card per pupil, paged by pupil. */
  groups?: AttentionGroup[];
  rules: string[];
  /** The catalog title of each rule in `rules` (for the rule filter: never a bare rule id in the UI). */
  ruleTitles: Record<string, { nl: string; en: string }>;
  classes: string[];
}

/** Items in list order, folded per pupil (a pupil's first item decides the card's place and explains it). */
function foldPerPupil(items: AttentionItem[]): AttentionGroup[] {
  const byPupil = new Map<number, AttentionGroup>();
  for (const item of items) {
    const group = byPupil.get(item.pupil.id);
    if (group) {
      group.signals.push(item);
      continue;
    }
    byPupil.set(item.pupil.id, {
      schoolId: item.schoolId,
      schoolName: item.schoolName,
      pupil: item.pupil,
      legal: item.priority.legal,
      priority: item.priority,
      signals: [item],
    });
  }
  return [...byPupil.values()];
}

/** Every visible signal of the query in priority order, with the per-pupil grouping and the filter choices. */
async function rank(
  db: Sql,
  schoolIds: number[],
  classScope: Map<number, 'all' | string[]>,
  query: AttentionQuery & { status: 'open' | 'handled' | 'all' },
  yearId: string,
  asOf: string,
): Promise<Ranking> {
  // Two steps: the order needs only a few columns of every signal; the evidence, sentences and names are read for
  // the page alone (decoding every signal's evidence JSON was most of a request's CPU for a large school).
  const rows = await signalsToRank(db, {
    schoolIds,
    schoolYear: yearId,
    status: query.status,
    ruleId: query.ruleId ?? null,
    className: query.className ?? null,
    pupilId: query.pupilId ?? null,
  });
  const visible = rows.filter((r) => {
    const scope = classScope.get(r.schoolId);
    return scope === 'all' || (r.className !== null && scope?.includes(r.className));
  });
  const [recent, unreachable] = await Promise.all([
    recentAbsences(db, schoolIds, asOf, RECENT_DAYS),
    parentsUnreachable(db, schoolIds, asOf),
  ]);
  const openPerPupil = new Map<number, number>();
  for (const r of visible)
    if (r.status !== 'handled') openPerPupil.set(r.pupilId, (openPerPupil.get(r.pupilId) ?? 0) + 1);
  const rules = ruleIndex();
  const asOfDay = dayNumber(asOf);
  let ranked: Ranked[] = visible.map((r) => {
    const rule = rules.get(r.ruleId);
    const legal = LEGAL.has(rule?.obligation ?? '');
    return {
      row: r,
      id: r.id,
      triggeredOn: r.triggeredOn,
      track: trackOf(r.ruleId),
      priority: {
        rule: rule?.priority ?? 0,
        legal,
        ageYears: Math.floor((asOfDay - dayNumber(r.birthDate)) / 365.25),
        parentsUnreachable: unreachable.has(r.pupilId),
        recentAbsences: recent.get(r.pupilId) ?? 0,
        otherOpenSignals: Math.max(0, (openPerPupil.get(r.pupilId) ?? 1) - 1),
      },
    };
  });
  if (query.track) ranked = ranked.filter((i) => i.track === query.track);
  ranked.sort(byPriority);
  const ruleIds = [...new Set(visible.map((r) => r.ruleId))].sort();
  const groupOf = new Map<number, number[]>();
  const groups: number[][] = [];
  ranked.forEach((r, i) => {
    const group = groupOf.get(r.row.pupilId);
    if (group) group.push(i);
    else {
      const fresh = [i];
      groupOf.set(r.row.pupilId, fresh);
      groups.push(fresh);
    }
  });
  return {
    ranked,
    groups,
    rules: ruleIds,
    ruleTitles: Object.fromEntries(ruleIds.map((id) => [id, rules.get(id)?.title ?? { nl: id, en: id }])),
    classes: [...new Set(visible.map((r) => r.className).filter((c): c is string => c !== null))].sort(),
    pages: new Map(),
  };
}

/** The items of one page: the ranked signals completed with their details. */
async function pageItems(db: Sql, pageRanked: Ranked[], asOf: string): Promise<AttentionItem[]> {
  const details = new Map(
    (
      await signalDetails(
        db,
        pageRanked.map((r) => r.id),
      )
    ).map((d) => [detailKey(d.id, d.className), d]),
  );
  const rules = ruleIndex();
  const asOfDay = dayNumber(asOf);
  return pageRanked.flatMap(({ row: r, track, priority }) => {
    // Signals are never deleted; a missing detail could only be a row removed between the two reads.
    const d = details.get(detailKey(r.id, r.className));
    if (!d) return [];
    const rule = rules.get(r.ruleId);
    return {
      id: r.id,
      version: d.version,
      schoolId: r.schoolId,
      schoolName: d.schoolName,
      pupil: {
        id: r.pupilId,
        externalId: d.externalId,
        firstName: d.firstName,
        lastName: d.lastName,
        birthDate: r.birthDate,
        className: r.className,
      },
      ruleId: r.ruleId,
      title: rule?.title ?? { nl: r.ruleId, en: r.ruleId },
      action: rule?.action ?? { nl: '', en: '' },
      obligation: rule?.obligation ?? 'guidance',
      source: rule?.source ?? '',
      track,
      triggeredOn: r.triggeredOn,
      status: r.status,
      explanation: { nl: d.explanationNl, en: d.explanationEn },
      evidence: d.evidence,
      daysOpen: priority.legal && r.status !== 'handled' ? Math.max(0, asOfDay - dayNumber(r.triggeredOn)) : null,
      priority,
      handledNote: d.handledNote,
      handledAt: d.handledAt,
      closedBy: closingRouteOf(r.ruleId) ?? null,
    };
  });
}

/**
 * The catalog's transparent priority (rules-vlaanderen.md, "These feed the attention list's priority"): legal
 * obligations first, then the rule's priority, then younger pupils, parents unreachable (the latest contact
 * attempt with a parent in the pupil file failed), faster accumulation (absences in the last four weeks) and more
 * other open signals (known risk factors).
 */
export function byPriority(
  a: Pick<AttentionItem, 'priority' | 'triggeredOn' | 'id'>,
  b: Pick<AttentionItem, 'priority' | 'triggeredOn' | 'id'>,
): number {
  return (
    Number(b.priority.legal) - Number(a.priority.legal) ||
    b.priority.rule - a.priority.rule ||
    a.priority.ageYears - b.priority.ageYears ||
    Number(b.priority.parentsUnreachable) - Number(a.priority.parentsUnreachable) ||
    b.priority.recentAbsences - a.priority.recentAbsences ||
    b.priority.otherOpenSignals - a.priority.otherOpenSignals ||
    a.triggeredOn.localeCompare(b.triggeredOn) ||
    a.id - b.id
  );
}

const conflict = (current: unknown) =>
  new AppError(
    409,
    'conflict',
    {
      nl: 'Iemand anders heeft dit signaal intussen gewijzigd. Bekijk de huidige toestand en probeer opnieuw.',
      en: 'Someone else changed this signal in the meantime. Review its current state and try again.',
    },
    { current },
  );

/** Moves a signal along new → acknowledged → handled, with optimistic locking on its version. */
export async function followUpSignal(
  db: Database,
  actor: Actor,
  signalId: number,
  change: { to: 'acknowledged' | 'handled'; version: number; note?: string; link?: string },
  /** The pupil-file kind of the entry that handles the signal (none: a free note); checked against `closedBy`. */
  closingKind?: string,
) {
  return db.transaction(async (tx) => {
    const current = await signalState(tx, signalId);
    if (!current) throw notFound({ nl: 'Signaal', en: 'Signal' });
    const scope = { schoolId: current.schoolId, classNames: current.className ? [current.className] : [] };
    requireAccess(actor, 'signal.follow-up', scope);
    if (!can(actor, 'signal.follow-up-any', scope) && !addressedToClassTeacher(current.ruleId))
      throw new AppError(403, 'forbidden', {
        nl: `Als klasleraar volg je enkel de signalen op die aan de klasleraar gericht zijn (zoals ABSENT_10); ${current.ruleId} volgt de leerlingbegeleiding of het CLB op.`,
        en: `As a class teacher you follow up only the signals addressed to the class teacher (such as ABSENT_10); ${current.ruleId} is followed up by pupil care or the CLB.`,
      });
    if (change.to === 'handled' && !closesSignal(current.ruleId, closingKind)) {
      throw new AppError(422, 'closing-route', closingRouteMessage(current.ruleId), {
        closedBy: closingRouteOf(current.ruleId),
      });
    }
    if (change.to === 'handled' && !change.note?.trim()) {
      throw invalidInput({
        nl: 'Beschrijf kort wat er gedaan werd.',
        en: 'Briefly describe what was done.',
      });
    }
    const updated = await followUp(tx, signalId, { ...change, userId: actor.userId });
    if (!updated) throw conflict({ version: current.version, status: current.status });
    await recordAudit(tx, actor, {
      action: `signal.${change.to}`,
      organisationId: current.schoolId,
      pupilIds: [current.pupilId],
      detail: { signalId },
    });
    return updated;
  });
}
