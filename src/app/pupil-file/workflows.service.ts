// Guided workflows of the pupil file: each checks the seeds' preconditions (src/domain/care/workflows.ts),
// records its checklist as a timeline entry and, for the CLB signal, handles the open B5_CLB signal.
import type { Database } from '../../db/database.ts';
import { contactAttemptsOf, countEntries } from '../../db/pupil-file.repository.ts';
import {
  CLB_SIGNAL_FIELDS,
  checkClbSignal,
  checkHospitalReturn,
  checkPoliceReport,
  checkReturnPlan,
  HOSPITAL_RETURN_QUESTIONS,
  type PoliceReportInput,
  type Problem,
  type ReturnStep,
} from '../../domain/care/workflows.ts';
import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import type { Confidentiality } from '../policy/notes.policy.ts';
import { requireAccess } from '../policy/policy.ts';
import { requirePupilAccess } from './file-access.ts';
import { writeEntry } from './pupil-file.service.ts';

/** 422 listing every unmet precondition or missing checklist answer, in Dutch and English. */
export const preconditionFailed = (problems: readonly Problem[]) =>
  new AppError(
    422,
    'precondition-failed',
    {
      nl: `Nog niet mogelijk: ${problems.map((p) => p.nl).join(' ')}`,
      en: `Not possible yet: ${problems.map((p) => p.en).join(' ')}`,
    },
    { preconditions: problems },
  );

const CLB_SIGNAL_RULE = 'B5_CLB';

interface Common {
  occurredOn?: string;
  who?: string;
  confidentiality?: Confidentiality;
}

/**
 * Signal to the CLB (from 5 B half-days, seed 003:114-117): the checklist of seed 001:494/498, after a
 * conversation with the pupil (001:482). When the pupil has an open B5_CLB signal, it is handled and linked.
 */
export async function signalClb(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & { checklist: Record<string, string>; noConversationReason?: string },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkClbSignal(input.checklist, {
    pupilConversations: await countEntries(db, pupilId, ['pupil-conversation']),
    noConversationReason: input.noConversationReason,
  });
  if (problems.length > 0) throw preconditionFailed(problems);
  const checklist = Object.fromEntries(CLB_SIGNAL_FIELDS.map((f) => [f.id, input.checklist[f.id]?.trim() ?? '']));
  const what = CLB_SIGNAL_FIELDS.map((f) => `${f.nl}: ${checklist[f.id]}`).join('\n');
  return db.transaction(async (tx) => {
    const [open] = await tx.query<{ id: number; version: number }>(
      `SELECT id::int AS id, version FROM signal
       WHERE pupil_id = $1 AND rule_id = $2 AND holds AND status <> 'handled' ORDER BY triggered_on DESC LIMIT 1`,
      [pupilId, CLB_SIGNAL_RULE],
    );
    if (open) requireAccess(actor, 'signal.follow-up', scope);
    return writeEntry(
      db,
      tx,
      actor,
      scope,
      {
        kind: 'clb-signal',
        occurredOn: input.occurredOn ?? today,
        who: input.who?.trim() || actor.label,
        what,
        effect: null,
        confidentiality: input.confidentiality ?? 'school+clb',
        details: { checklist, noConversationReason: input.noConversationReason ?? null },
      },
      open ? { id: open.id, version: open.version, note: 'Gesignaleerd aan het CLB via het dossier.' } : undefined,
    );
  });
}

/**
 * Police report (seed 003:412-436): refused without a recorded consultation with the CLB, and only for manifest
 * unwillingness of the parents or total unreachability of the family (with the fiche onbereikbaarheid).
 */
export async function reportToPolice(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & PoliceReportInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkPoliceReport(input, {
    clbConsultations: await countEntries(db, pupilId, ['clb-consultation']),
    contactAttempts: await contactAttemptsOf(db, pupilId),
  });
  if (problems.length > 0) throw preconditionFailed(problems);
  const base = {
    occurredOn: input.occurredOn ?? today,
    who: input.who?.trim() || actor.label,
    effect: null,
    confidentiality: input.confidentiality ?? ('school+clb' as Confidentiality),
  };
  return db.transaction(async (tx) => {
    let formId: number | null = null;
    if (input.ground === 'total-unreachability') {
      const form = input.unreachability ?? {};
      formId = (
        await writeEntry(db, tx, actor, scope, {
          ...base,
          kind: 'unreachability-form',
          what: `Fiche onbereikbaarheid. Laatst gekend adres: ${form.lastKnownAddress}. Laatst gezien: ${form.lastSeenOn}. Contactpogingen: ${form.attemptsSummary}`,
          details: { unreachability: form },
        })
      ).id;
    }
    const ground =
      input.ground === 'manifest-unwillingness'
        ? 'manifeste onwil van de ouders'
        : 'totale onbereikbaarheid van het gezin';
    const entry = await writeEntry(db, tx, actor, scope, {
      ...base,
      kind: 'police-report',
      what: `Melding bij de politie na overleg met het CLB wegens ${ground}.${input.unwillingnessFacts ? ` ${input.unwillingnessFacts.trim()}` : ''}`,
      details: { ground: input.ground, unwillingnessFacts: input.unwillingnessFacts ?? null, formEntryId: formId },
    });
    return { id: entry.id, formEntryId: formId };
  });
}

/** Return after a hospital or K-dienst stay: the checklist of seed 000:60-69 and the discharge date (000:44-47). */
export async function recordHospitalReturn(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & { dischargeOn?: string; answers: Record<string, string> },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkHospitalReturn(input.answers, input.dischargeOn);
  if (problems.length > 0) throw preconditionFailed(problems);
  const what = [
    `Ontslag op ${input.dischargeOn}.`,
    ...HOSPITAL_RETURN_QUESTIONS.map((q) => `${q.nl} ${input.answers[q.id]?.trim()}`),
  ].join('\n');
  return db.transaction((tx) =>
    writeEntry(db, tx, actor, scope, {
      kind: 'hospital-return',
      occurredOn: input.occurredOn ?? today,
      who: input.who?.trim() || actor.label,
      what,
      effect: null,
      confidentiality: input.confidentiality ?? 'school+clb',
      details: { dischargeOn: input.dischargeOn, answers: input.answers },
    }),
  );
}

/** A gradual return plan after school refusal, checked against the FAQ rules of seed 002:1558-1592. */
export async function recordReturnPlan(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & { steps: ReturnStep[] },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkReturnPlan(input.steps);
  if (problems.length > 0) throw preconditionFailed(problems);
  const what = input.steps
    .map((s) => `Vanaf ${s.from}: ${s.description} (belasting ${s.load}; weggelaten: ${s.leaveOut.join(', ')})`)
    .join('\n');
  return db.transaction((tx) =>
    writeEntry(db, tx, actor, scope, {
      kind: 'return-plan',
      occurredOn: input.occurredOn ?? today,
      who: input.who?.trim() || actor.label,
      what,
      effect: null,
      confidentiality: input.confidentiality ?? 'school+clb',
      details: { steps: input.steps },
    }),
  );
}
