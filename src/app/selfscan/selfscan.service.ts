// Use cases of the school's self-scan: start a year's scan, score goals, answer questions, plan actions, comment,
// and read one scan or all years of a school (for the comparison). Edits carry a version (optimistic locking).

import type { Database, Sql } from '../../db/database.ts';
import { organisationName } from '../../db/organisation.repository.ts';
import * as repository from '../../db/selfscan.repository.ts';
import { ACTION_STATUSES, type ActionFields, type StoredScan } from '../../db/selfscan.repository.ts';
import { parseSchoolYearId, type SchoolYear } from '../../domain/school-year.ts';
import { GOAL_FIGURES } from '../../domain/selfscan/goal-figures.ts';
import { DOCUMENT, findGoal, GOALS, isScoreOutOfTen, PHASES } from '../../domain/selfscan/instrument.ts';
import { REFLECTION_MODULE, REFLECTION_PROMPTS } from '../../domain/selfscan/reflection-module.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { can, requireAccess } from '../policy/policy.ts';
import { schoolFigures } from './school-figures.ts';
import { renderDocx } from './selfscan-docx.ts';
import { layoutSelfscan } from './selfscan-layout.ts';
import { renderPdf } from './selfscan-pdf.ts';

/** The instrument as the web app and the exports need it: static content, sent with each scan. */
export const INSTRUMENT = {
  document: DOCUMENT,
  phases: PHASES,
  reflectionModule: REFLECTION_MODULE,
  goalFigures: GOAL_FIGURES,
};

const MAX_TEXT = 4000;
const QUESTION_IDS = new Set([
  ...GOALS.flatMap((g) => g.questions.map((q) => q.id)),
  ...REFLECTION_PROMPTS.map((p) => p.id),
]);

function schoolYearOrFail(id: string): SchoolYear {
  const year = parseSchoolYearId(id);
  if (!year) throw invalidInput({ nl: 'Ongeldig schooljaar.', en: 'Invalid school year.' });
  return year;
}

function goalOrFail(goalId: string) {
  const goal = findGoal(goalId);
  if (!goal) throw notFound({ nl: 'Doelstelling', en: 'Goal' });
  return goal;
}

async function scanOrFail(db: Sql, schoolId: number, schoolYear: string): Promise<StoredScan> {
  const scan = await repository.findScan(db, schoolId, schoolYearOrFail(schoolYear).id);
  if (!scan) throw notFound({ nl: 'Zelfscan', en: 'Self-scan' });
  return scan;
}

const conflict = (current: Record<string, unknown>) =>
  new AppError(
    409,
    'conflict',
    {
      nl: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de huidige versie en probeer opnieuw.',
      en: 'Someone else changed this in the meantime. Review the current version and try again.',
    },
    { current },
  );

const text = (value: string | undefined, what: { nl: string; en: string }) => {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > MAX_TEXT) throw invalidInput({ nl: `${what.nl}: te lang.`, en: `${what.en}: too long.` });
  return trimmed;
};

/** All scans of the school with their scores, for the overview and the comparison over the years. */
export async function listSelfscans(db: Sql, actor: Actor, schoolId: number) {
  requireAccess(actor, 'selfscan.read', { schoolId });
  const scans = await repository.scansOfSchool(db, schoolId);
  const goals = await repository.goalsOfScans(
    db,
    scans.map((s) => s.id),
  );
  return {
    instrument: INSTRUMENT,
    canEdit: can(actor, 'selfscan.edit', { schoolId }),
    scans: scans.map((scan) => ({
      schoolYear: scan.schoolYear,
      createdAt: scan.createdAt,
      scores: Object.fromEntries(
        goals.filter((g) => g.scanId === scan.id && g.score !== null).map((g) => [g.goalId, g.score]),
      ) as Record<string, number>,
    })),
  };
}

/** One year's scan whole: goals, answers, actions, comments, participants and the school's own figures. */
export async function getSelfscan(db: Sql, actor: Actor, schoolId: number, schoolYear: string) {
  requireAccess(actor, 'selfscan.read', { schoolId });
  const scan = await scanOrFail(db, schoolId, schoolYear);
  const [goals, answers, actions, comments, participants, figures] = await Promise.all([
    repository.goalsOfScans(db, [scan.id]),
    repository.answersOfScan(db, scan.id),
    repository.actionsOfScan(db, scan.id),
    repository.commentsOfScan(db, scan.id),
    repository.participantsOfScan(db, scan.id),
    schoolFigures(db, schoolId, schoolYearOrFail(schoolYear)),
  ]);
  const schoolName = await organisationName(db, schoolId);
  return {
    instrument: INSTRUMENT,
    canEdit: can(actor, 'selfscan.edit', { schoolId }),
    schoolId,
    schoolName,
    schoolYear: scan.schoolYear,
    createdAt: scan.createdAt,
    goals: Object.fromEntries(goals.map(({ scanId: _, ...g }) => [g.goalId, g])),
    answers: Object.fromEntries(answers.map((a) => [a.questionId, a])),
    actions,
    comments,
    participants,
    figures,
  };
}

export type Selfscan = Awaited<ReturnType<typeof getSelfscan>>;

/** Starts the scan of a school year (or returns the existing one: starting twice is harmless). */
export async function startSelfscan(db: Database, actor: Actor, schoolId: number, schoolYear: string) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  const year = schoolYearOrFail(schoolYear);
  return db.transaction(async (tx) => {
    const existing = await repository.findScan(tx, schoolId, year.id);
    if (existing) return { schoolYear: existing.schoolYear, created: false };
    const scan = await repository.insertScan(tx, schoolId, year.id, actor.userId);
    await recordAudit(tx, actor, {
      action: 'selfscan.start',
      organisationId: schoolId,
      detail: { schoolYear: year.id, selfscanId: scan.id },
    });
    return { schoolYear: scan.schoolYear, created: true };
  });
}

/** Score (0–10, or none) and "waar wil je op inzetten" of one goal, if the caller saw the current version. */
export async function saveGoal(
  db: Database,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  goalId: string,
  change: { score: number | null; focus?: string; version: number },
) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  goalOrFail(goalId);
  if (change.score !== null && !isScoreOutOfTen(change.score))
    throw invalidInput({ nl: 'Een score is een geheel getal van 0 tot 10.', en: 'A score is a whole number 0–10.' });
  const focus = text(change.focus, { nl: 'Waar wil je op inzetten', en: 'Focus' });
  return db.transaction(async (tx) => {
    const scan = await scanOrFail(tx, schoolId, schoolYear);
    const version = await repository.upsertGoal(tx, scan.id, goalId, {
      score: change.score,
      focus,
      expectedVersion: change.version,
      userId: actor.userId,
    });
    if (version === null) throw conflict(await repository.currentGoal(tx, scan.id, goalId));
    await recordAudit(tx, actor, {
      action: 'selfscan.goal',
      organisationId: schoolId,
      detail: { schoolYear: scan.schoolYear, goalId, score: change.score, version },
    });
    return { goalId, score: change.score, focus, version };
  });
}

/** The answer to one reflection question (of a goal or of the optional phase-0 module). */
export async function saveAnswer(
  db: Database,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  questionId: string,
  change: { answer: string; version: number },
) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  if (!QUESTION_IDS.has(questionId)) throw notFound({ nl: 'Vraag', en: 'Question' });
  const answer = text(change.answer, { nl: 'Antwoord', en: 'Answer' });
  return db.transaction(async (tx) => {
    const scan = await scanOrFail(tx, schoolId, schoolYear);
    const version = await repository.upsertAnswer(tx, scan.id, questionId, {
      answer,
      expectedVersion: change.version,
      userId: actor.userId,
    });
    if (version === null) throw conflict(await repository.currentAnswer(tx, scan.id, questionId));
    await recordAudit(tx, actor, {
      action: 'selfscan.answer',
      organisationId: schoolId,
      detail: { schoolYear: scan.schoolYear, questionId, version },
    });
    return { questionId, answer, version };
  });
}

export interface ActionInput {
  what: string;
  who?: string;
  due?: string;
  check?: string;
  status?: string;
}

function actionFields(input: ActionInput): ActionFields {
  const what = text(input.what, { nl: 'Wat', en: 'What' });
  if (!what)
    throw invalidInput({ nl: 'Beschrijf de geplande actie (wat).', en: 'Describe the planned action (what).' });
  const status = input.status ?? 'planned';
  if (!(ACTION_STATUSES as readonly string[]).includes(status))
    throw invalidInput({ nl: 'Onbekende status.', en: 'Unknown status.' });
  return {
    what,
    who: text(input.who, { nl: 'Wie', en: 'Who' }),
    due: text(input.due, { nl: 'Wanneer', en: 'When' }),
    check: text(input.check, { nl: 'Check', en: 'Check' }),
    status: status as ActionFields['status'],
  };
}

/** Adds an action (wat / wie / wanneer / check) to a goal's plan. */
export async function addAction(
  db: Database,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  goalId: string,
  input: ActionInput,
) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  goalOrFail(goalId);
  const fields = actionFields(input);
  return db.transaction(async (tx) => {
    const scan = await scanOrFail(tx, schoolId, schoolYear);
    const created = await repository.insertAction(tx, scan.id, goalId, fields, actor.userId);
    await recordAudit(tx, actor, {
      action: 'selfscan.action.add',
      organisationId: schoolId,
      detail: { schoolYear: scan.schoolYear, goalId, actionId: created.id },
    });
    return { ...created, goalId, ...fields };
  });
}

/** Changes an action (its fields or its status), if the caller saw the current version. */
export async function changeAction(
  db: Database,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  actionId: number,
  input: ActionInput & { version: number },
) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  const fields = actionFields(input);
  return db.transaction(async (tx) => {
    const scan = await scanOrFail(tx, schoolId, schoolYear);
    const current = await repository.findAction(tx, scan.id, actionId);
    if (!current) throw notFound({ nl: 'Actie', en: 'Action' });
    const version = await repository.updateAction(tx, scan.id, actionId, fields, input.version, actor.userId);
    if (version === null) throw conflict({ ...current });
    await recordAudit(tx, actor, {
      action: 'selfscan.action.change',
      organisationId: schoolId,
      detail: { schoolYear: scan.schoolYear, actionId, status: fields.status, version },
    });
    return { id: actionId, goalId: current.goalId, version, ...fields };
  });
}

/** A comment of a participant on a goal (append-only). */
export async function addComment(
  db: Database,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  goalId: string,
  body: string,
) {
  requireAccess(actor, 'selfscan.edit', { schoolId });
  goalOrFail(goalId);
  const trimmed = text(body, { nl: 'Opmerking', en: 'Comment' });
  if (!trimmed) throw invalidInput({ nl: 'Schrijf een opmerking.', en: 'Write a comment.' });
  return db.transaction(async (tx) => {
    const scan = await scanOrFail(tx, schoolId, schoolYear);
    const id = await repository.insertComment(tx, scan.id, goalId, trimmed, actor.userId);
    await recordAudit(tx, actor, {
      action: 'selfscan.comment',
      organisationId: schoolId,
      detail: { schoolYear: scan.schoolYear, goalId, commentId: id },
    });
    return { id, goalId, body: trimmed };
  });
}

export type ExportFormat = 'pdf' | 'docx';

/** The scan as a PDF or DOCX document laid out like seed 001 (see selfscan-layout.ts). */
export async function exportSelfscan(
  db: Sql,
  actor: Actor,
  schoolId: number,
  schoolYear: string,
  format: ExportFormat,
  lang: 'nl' | 'en',
) {
  const scan = await getSelfscan(db, actor, schoolId, schoolYear);
  const blocks = layoutSelfscan(scan, lang);
  const title = `${DOCUMENT.title[lang]} ${scan.schoolName} ${scan.schoolYear}`;
  const body = format === 'pdf' ? await renderPdf(blocks, { title }) : await renderDocx(blocks, { title });
  await recordAudit(db, actor, {
    action: 'selfscan.export',
    organisationId: schoolId,
    detail: { schoolYear: scan.schoolYear, format },
  });
  return {
    body,
    filename: `zelfscan-${scan.schoolYear}.${format}`,
    contentType:
      format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
