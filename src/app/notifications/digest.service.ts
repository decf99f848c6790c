// The staff e-mail digest (issue 19): per user, the items of every digest source the user may see — new legal
// signals, agreements falling due or overdue, CLB-inbox items — as names and links only, sent over SMTP by the daily
// job. Each user's preference (daily, weekly, off) is respected; every digest sent or given up on is logged (to
// whom, what kind, how many items, when) without its content, and audited as a read of the pupils it names.
import { clbCasesOf } from '../../db/clb-case.repository.ts';
import type { Database } from '../../db/database.ts';
import {
  alreadySent,
  digestRecipients,
  logNotification,
  newSignalsOfRules,
  type RecipientRow,
} from '../../db/notification.repository.ts';
import { dueReminders } from '../../db/reminder.repository.ts';
import { membershipsOf } from '../../db/user.repository.ts';
import { weekday } from '../../domain/civil-date.ts';
import { type DigestItem, digestDue, renderDigest } from '../../domain/notifications/digest.ts';
import { REMINDER_LEAD_DAYS } from '../../domain/pupil-file/reminders.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { type Action, accessFor, schoolsWhere } from '../policy/policy.ts';
import { activeCatalog } from '../signals/active-catalog.ts';
import type { Mailer } from './mailer.ts';

export const DIGEST_KIND = 'digest';

/** The user a digest is being built for: an Actor with the user's memberships, and since when items are new. */
export interface DigestRecipient {
  actor: Actor;
  /** The previous digest sent to this user (ISO instant), or null: items "new since" then. */
  since: string | null;
  today: string;
  schoolYear: string;
}

/**
 * A source of digest items. It must return only items the recipient may see (the same policy actions as the web
 * pages) and only names, dates and links (never explanations, codes or free text).
 */
export interface DigestSource {
  name: string;
  items(db: Database, recipient: DigestRecipient): Promise<DigestItem[]>;
}

/** The schools where the actor may do `action`, each with the classes it reaches ('all' or a teacher's classes). */
function reach(actor: Actor, action: Action): Map<number, 'all' | string[]> {
  const schools = schoolsWhere(actor, action);
  const result = new Map<number, 'all' | string[]>();
  if (schools === 'all') return result; // no user role reaches every school; never mail a whole country's pupils
  for (const schoolId of schools) {
    const access = accessFor(actor, action, { schoolId });
    if (access.allowed) result.set(schoolId, access.classNames);
  }
  return result;
}

const inReach = (scope: Map<number, 'all' | string[]>, schoolId: number, className: string | null) => {
  const classes = scope.get(schoolId);
  return classes === 'all' || (classes !== undefined && className !== null && classes.includes(className));
};

const pupilName = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`;

/** Legal signals (obligation legal or legal consequence) that are new and appeared since the previous digest. */
export const legalSignalsSource: DigestSource = {
  name: 'legal-signals',
  async items(db, recipient) {
    const scope = reach(recipient.actor, 'signal.list');
    const legal = activeCatalog()
      .rules.filter((r) => r.obligation === 'legal' || r.obligation === 'legal-consequence')
      .map((r) => r.id);
    const rows = await newSignalsOfRules(db, [...scope.keys()], legal, recipient.schoolYear, recipient.since);
    const seen = new Set<number>();
    return rows
      .filter((r) => inReach(scope, r.schoolId, r.className) && !seen.has(r.signalId) && seen.add(r.signalId))
      .map((r) => ({
        kind: 'legal-signal' as const,
        key: `signal:${r.signalId}`,
        schoolName: r.schoolName,
        pupilId: r.pupilId,
        pupilName: pupilName(r),
        className: r.className,
        date: r.triggeredOn,
        path: `/pupils/${r.pupilId}`,
      }));
  },
};

/** Open agreements of the pupil files whose reminder date has come (falling due) or whose due date has passed. */
export const agreementsSource: DigestSource = {
  name: 'agreements',
  async items(db, recipient) {
    const scope = reach(recipient.actor, 'file.read');
    if (scope.size === 0) return [];
    const rows = await dueReminders(
      db,
      [...scope.keys()],
      recipient.today,
      recipient.schoolYear,
      REMINDER_LEAD_DAYS,
      recipient.actor.userId,
    );
    return rows
      .filter((r) => inReach(scope, r.schoolId, r.className))
      .map((r) => ({
        kind: r.dueOn < recipient.today ? ('agreement-overdue' as const) : ('agreement-due' as const),
        key: `agreement:${r.id}`,
        schoolName: r.schoolName,
        pupilId: r.pupilId,
        pupilName: pupilName(r),
        className: r.className,
        date: r.dueOn,
        path: `/pupils/${r.pupilId}/file`,
      }));
  },
};

/**
 * CLB-inbox cases recorded since the previous digest (issue 13): for each CLB the recipient may read the inbox of
 * (CLB roles of that CLB), the cases its schools sent that are still received or in behandeling — the pupil's name,
 * the school, the date received and a link to the inbox; never the summary the school wrote.
 */
export const clbInboxDigestSource: DigestSource = {
  name: 'clb-inbox',
  async items(db, recipient) {
    const clbIds = [
      ...new Set(
        recipient.actor.memberships
          .filter((m) => m.kind === 'clb')
          .map((m) => m.organisationId)
          .filter((clbId) => accessFor(recipient.actor, 'clb-inbox.read', { organisationId: clbId }).allowed),
      ),
    ];
    if (clbIds.length === 0) return [];
    const createdAfter = recipient.since ?? undefined;
    const { items } = await clbCasesOf(db, clbIds, { createdAfter, limit: 500, offset: 0 });
    return items
      .filter((c) => c.status !== 'closed')
      .map((c) => ({
        kind: 'clb-inbox' as const,
        key: `clb-case:${c.id}`,
        schoolName: c.schoolName,
        pupilId: c.pupilId,
        pupilName: c.pupilName,
        className: c.className,
        date: c.receivedOn,
        path: '/clb-inbox',
      }));
  },
};

/** The sources of the digest, in order. */
export const DIGEST_SOURCES: readonly DigestSource[] = [legalSignalsSource, agreementsSource, clbInboxDigestSource];

export interface DigestRunResult {
  /** Users whose preference makes a digest due today. */
  due: number;
  sent: number;
  failed: number;
  /** Due users with nothing to report (no e-mail sent). */
  empty: number;
  skippedAlreadySent: number;
}

export interface DigestRunOptions {
  mailer: Mailer;
  publicUrl: string;
  sources?: readonly DigestSource[];
  log?: { error(details: Record<string, unknown>, message: string): void };
}

function recipientActor(user: RecipientRow, memberships: Actor['memberships']): Actor {
  return { kind: 'user', userId: user.userId, label: user.displayName, memberships, origin: 'job: e-mail digest' };
}

/** Builds and sends every due user's digest for `today`; a failing recipient never stops the others. */
export async function sendDigests(db: Database, today: string, options: DigestRunOptions): Promise<DigestRunResult> {
  const sources = options.sources ?? DIGEST_SOURCES;
  const result: DigestRunResult = { due: 0, sent: 0, failed: 0, empty: 0, skippedAlreadySent: 0 };
  const schoolYear = schoolYearOf(today).id;
  for (const user of await digestRecipients(db, DIGEST_KIND)) {
    if (user.frequency === 'off' || !digestDue(user.frequency, weekday(today))) continue;
    result.due++;
    if (await alreadySent(db, user.userId, DIGEST_KIND, today)) {
      result.skippedAlreadySent++;
      continue;
    }
    const actor = recipientActor(user, await membershipsOf(db, user.userId));
    const recipient: DigestRecipient = { actor, since: user.lastSentAt, today, schoolYear };
    const items: DigestItem[] = [];
    const keys = new Set<string>();
    for (const source of sources)
      for (const item of await source.items(db, recipient))
        if (!keys.has(item.key)) {
          keys.add(item.key);
          items.push(item);
        }
    if (items.length === 0) {
      result.empty++;
      continue;
    }
    const rendered = renderDigest(user.displayName, items, options.publicUrl, user.frequency);
    const outcome = await options.mailer.send({ to: user.email, ...rendered });
    await logNotification(db, {
      userId: user.userId,
      recipient: user.email,
      kind: DIGEST_KIND,
      day: today,
      itemCount: items.length,
      outcome: outcome.sent ? 'sent' : 'failed',
      attempts: outcome.attempts,
      error: outcome.error,
    });
    if (outcome.sent) {
      result.sent++;
      await recordAudit(db, actor, {
        action: 'notification.digest',
        organisationId: null,
        pupilIds: [...new Set(items.map((i) => i.pupilId))],
        detail: { items: items.length },
      });
    } else {
      result.failed++;
      options.log?.error(
        { userId: user.userId, attempts: outcome.attempts, error: outcome.error },
        'e-mail digest not delivered',
      );
    }
  }
  return result;
}
