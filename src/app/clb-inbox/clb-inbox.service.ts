// Use cases of the CLB inbox: a CLB signal or referral becomes a case of the CLB that serves the school; the CLB
// moves it received → in behandeling (plan van aanpak) → afgesloten (outcome) with optimistic concurrency; the school
// reads the status in the pupil file and is prompted to signal again when new B half-days follow the closing.
import {
  bHalfDaysSince,
  type ClbCaseRow,
  clbCasesOf,
  clbCasesOfPupil,
  clbOfSchool,
  findClbCase,
  insertClbCase,
  registerFactsOf,
  sharedMeasuresOf,
  updateClbCaseStatus,
} from '../../db/clb-case.repository.ts';
import type { Database, Sql } from '../../db/database.ts';
import {
  CLB_RESIGNAL,
  type ClbCaseKind,
  type ClbCaseStatus,
  isClbCaseOutcome,
  NEXT_CLB_STATUS,
} from '../../domain/clb-inbox.ts';
import { clbSignalDraft } from '../../domain/pupil-file/clb-signal-draft.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import type { PupilScope } from '../pupil-access.ts';
import { requirePupilAccess } from '../pupil-access.ts';

/** One inbox item as the API, the web page and the e-mail digest read it. */
export interface ClbInboxItem {
  id: number;
  kind: ClbCaseKind;
  clb: { id: number; name: string };
  school: { id: number; name: string };
  pupil: { id: number; externalId: string; name: string; className: string | null };
  receivedOn: string;
  /** What the school had already done when it sent it (its own words, and the measures in the file). */
  schoolActions: string;
  grounds: string[];
  /** A transfer case: the transferred file's snapshot (read it through the file-transfer routes). */
  transferId: number | null;
  status: ClbCaseStatus;
  plan: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  closedOn: string | null;
  version: number;
  updatedAt: string;
}

const itemOf = (row: ClbCaseRow): ClbInboxItem => ({
  id: row.id,
  kind: row.kind,
  clb: { id: row.clbId, name: row.clbName },
  school: { id: row.schoolId, name: row.schoolName },
  pupil: { id: row.pupilId, externalId: row.pupilExternalId, name: row.pupilName, className: row.className },
  receivedOn: row.receivedOn,
  schoolActions: typeof row.summary.schoolActions === 'string' ? row.summary.schoolActions : '',
  grounds: Array.isArray(row.summary.grounds) ? (row.summary.grounds as string[]) : [],
  transferId: typeof row.summary.transferId === 'number' ? row.summary.transferId : null,
  status: row.status,
  plan: row.plan,
  outcome: row.outcome,
  outcomeNote: row.outcomeNote,
  closedOn: row.closedOn,
  version: row.version,
  updatedAt: row.updatedAt,
});

/**
 * Inside the workflow's transaction: the CLB signal or referral just recorded (entry) becomes a case in the inbox
 * of the CLB that serves the school. A school no CLB serves gets no case (the entry stays in the file).
 */
export async function openClbCase(
  tx: Sql,
  actor: Actor,
  scope: PupilScope,
  c: {
    kind: ClbCaseKind;
    entryId: number;
    receivedOn: string;
    schoolActions: string;
    grounds?: readonly string[];
    transferId?: number;
  },
): Promise<number | null> {
  const clbId = await clbOfSchool(tx, scope.schoolId);
  if (clbId === undefined) return null;
  const id = await insertClbCase(tx, {
    kind: c.kind,
    clbId,
    schoolId: scope.schoolId,
    pupilId: scope.pupil.id,
    entryId: c.entryId,
    receivedOn: c.receivedOn,
    summary: {
      schoolActions: c.schoolActions,
      grounds: [...(c.grounds ?? [])],
      ...(c.transferId === undefined ? {} : { transferId: c.transferId }),
    },
    by: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: 'clb-inbox.received',
    organisationId: scope.schoolId,
    pupilIds: [scope.pupil.id],
    detail: { caseId: id, clbId, kind: c.kind },
  });
  return id;
}

export interface InboxQuery {
  status?: ClbCaseStatus;
  schoolId?: number;
  /** Only items received on or after this date (e.g. since the last digest). */
  receivedFrom?: string;
  limit?: number;
  offset?: number;
}

/**
 * The inbox of one CLB, newest first: every CLB signal and referral its schools sent. Reusable by other use cases
 * (the e-mail digest lists the items received since its last run with `receivedFrom`).
 */
export async function listClbInbox(db: Sql, actor: Actor, clbId: number, query: InboxQuery = {}) {
  requireAccess(actor, 'clb-inbox.read', { organisationId: clbId });
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const offset = Math.max(query.offset ?? 0, 0);
  const { items, total } = await clbCasesOf(db, [clbId], { ...query, limit, offset });
  await recordAudit(db, actor, {
    action: 'clb-inbox.read',
    organisationId: clbId,
    pupilIds: [...new Set(items.map((i) => i.pupilId))],
  });
  return { items: items.map(itemOf), total, limit, offset };
}

export interface ClbCaseChange {
  to: 'in-progress' | 'closed';
  version: number;
  plan?: string;
  outcome?: string;
  outcomeNote?: string;
}

/** Moves a case to its next status (CLB roles of its CLB only); 409 with the current case when it changed. */
export async function changeClbCase(db: Database, actor: Actor, caseId: number, change: ClbCaseChange, today: string) {
  return db.transaction(async (tx) => {
    const current = await findClbCase(tx, caseId);
    if (!current) throw notFound({ nl: 'Melding', en: 'Case' });
    requireAccess(actor, 'clb-inbox.manage', { organisationId: current.clbId });
    if (current.version !== change.version)
      throw new AppError(
        409,
        'conflict',
        {
          nl: 'Iemand anders heeft deze melding intussen gewijzigd. Bekijk de huidige status en probeer opnieuw.',
          en: 'Someone else changed this case in the meantime. Review its current status and try again.',
        },
        { current: itemOf(current) },
      );
    if (NEXT_CLB_STATUS[current.status] !== change.to)
      throw new AppError(422, 'invalid-transition', {
        nl: `Een melding met status "${current.status}" kan niet naar "${change.to}": eerst in behandeling (plan van aanpak), dan afsluiten.`,
        en: `A case with status "${current.status}" cannot move to "${change.to}": first in progress (plan), then closed.`,
      });
    const plan = change.plan?.trim() ?? '';
    const outcome = change.outcome ?? '';
    if (change.to === 'in-progress' && !plan)
      throw invalidInput(
        { nl: 'Beschrijf het plan van aanpak.', en: 'Describe the plan.' },
        { problems: [{ field: 'plan', nl: 'Beschrijf het plan van aanpak.', en: 'Describe the plan.' }] },
      );
    if (change.to === 'closed' && !isClbCaseOutcome(outcome))
      throw invalidInput(
        { nl: 'Kies de uitkomst van het plan van aanpak.', en: 'Choose the outcome.' },
        {
          problems: [{ field: 'outcome', nl: 'Kies de uitkomst van het plan van aanpak.', en: 'Choose the outcome.' }],
        },
      );
    const updated = await updateClbCaseStatus(tx, caseId, change.version, {
      status: change.to,
      plan: change.to === 'in-progress' ? plan : null,
      outcome: change.to === 'closed' && isClbCaseOutcome(outcome) ? outcome : null,
      outcomeNote: change.to === 'closed' ? change.outcomeNote?.trim() || null : null,
      closedOn: change.to === 'closed' ? today : null,
      by: actor.userId,
    });
    if (!updated)
      throw new AppError(409, 'conflict', {
        nl: 'Iemand anders heeft deze melding intussen gewijzigd.',
        en: 'Someone else changed this case in the meantime.',
      });
    await recordAudit(tx, actor, {
      action: `clb-inbox.${change.to}`,
      organisationId: current.clbId,
      pupilIds: [current.pupilId],
      detail: { caseId },
    });
    return itemOf((await findClbCase(tx, caseId)) as ClbCaseRow);
  });
}

/**
 * Whether new B half-days since the CLB closed the pupil's latest CLB signal (dated after the closing date, or
 * registered after the closing) ask the school to signal again (CLB_RESIGNAL).
 */
async function resignalPrompt(db: Sql, cases: readonly ClbCaseRow[], pupilId: number, today: string) {
  const latest = cases.find((c) => c.kind === 'signal');
  if (latest?.status !== 'closed' || !latest.closedOn) return null;
  // The case is not changed after closing, so its last update is the closing moment.
  const after = await bHalfDaysSince(db, pupilId, { on: latest.closedOn, at: latest.updatedAt }, today);
  if (after.length < CLB_RESIGNAL.threshold) return null;
  return {
    id: CLB_RESIGNAL.id,
    title: CLB_RESIGNAL.title,
    action: CLB_RESIGNAL.action,
    source: CLB_RESIGNAL.source,
    closedOn: latest.closedOn,
    newBHalfDays: after,
  };
}

/** The pupil's CLB cases with their status, and the prompt to signal again, for the school's pupil file. */
export async function pupilClbCases(db: Database, actor: Actor, pupilId: number, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  // A transferred file is the receiving CLB's (its inbox and the transfer routes), never the school's to read.
  const cases = (await clbCasesOfPupil(db, pupilId)).filter((c) => c.kind !== 'transfer');
  const prompt = await resignalPrompt(db, cases, pupilId, today);
  await recordAudit(db, actor, { action: 'clb-inbox.pupil', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return { items: cases.map(itemOf), resignal: prompt };
}

/** The CLB signal's pre-filled answers for the pupil (register of this school year, measures in the file). */
export async function clbSignalDraftOf(db: Sql, pupilId: number, today: string) {
  const year = schoolYearOf(today);
  const [facts, measures] = await Promise.all([
    registerFactsOf(db, pupilId, year.firstDay, year.lastDay),
    sharedMeasuresOf(db, pupilId),
  ]);
  return clbSignalDraft({ ...facts, measures });
}

/** Whether the pupil's latest CLB signal was closed by the CLB and new B half-days followed (offer the form again). */
export async function resignalDue(db: Sql, pupilId: number, today: string): Promise<boolean> {
  return (await resignalPrompt(db, await clbCasesOfPupil(db, pupilId), pupilId, today)) !== null;
}
