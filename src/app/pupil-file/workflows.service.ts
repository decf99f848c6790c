// Guided workflows of the pupil file: each checks the seeds' preconditions (src/domain/pupil-file/workflows/index.ts),
// records its checklist as a timeline entry and, for the CLB signal, handles the open B5_CLB signal.

import { openSignalsOfRules } from '../../db/clb-case.repository.ts';
import type { Database } from '../../db/database.ts';
import {
  contactAttemptsOf,
  countEntries,
  ensureFile,
  findAgreement,
  findFile,
  insertAgreement,
  insertEdit,
  updatePivot,
} from '../../db/pupil-file.repository.ts';
import { rulesClosedBy } from '../../domain/pupil-file/closing-route.ts';
import {
  CLB_REFERRAL_FIELDS,
  CLB_REFERRAL_GROUNDS,
  CLB_SIGNAL_FIELDS,
  type ClbReferralInput,
  checkClbReferral,
  checkClbSignal,
  checkHospitalReturn,
  checkLetGoOfSchool,
  checkPerspectives,
  checkPoliceReport,
  checkReturnHow,
  checkReturnPlan,
  checkSchoolRefusalReview,
  checkSchoolRefusalSignals,
  HOSPITAL_RETURN_QUESTIONS,
  LET_GO_ALTERNATIVES,
  LET_GO_GROUNDS,
  type LetGoInput,
  PERSPECTIVE_COLUMNS,
  type PerspectiveRow,
  type PoliceReportInput,
  type Problem,
  REVIEW_CHANNELS,
  REVIEW_COLUMNS,
  REVIEW_STAGES,
  type ReturnHow,
  type ReturnStep,
  SCHOOL_REFUSAL_SIGNALS,
  type SchoolRefusalReviewInput,
  type SchoolRefusalSignalsInput,
  STAKEHOLDERS,
} from '../../domain/pupil-file/workflows/index.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { openClbCase } from '../clb-inbox/clb-inbox.service.ts';
import { AppError } from '../errors.ts';
import type { Confidentiality } from '../policy/notes.policy.ts';
import { requireAccess } from '../policy/policy.ts';
import type { PupilScope } from '../pupil-access.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { followUpSignal } from '../signals/attention-list.service.ts';
import { isClbInvolved } from './clb-involvement.ts';
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

interface Common {
  occurredOn?: string;
  who?: string;
  confidentiality?: Confidentiality;
}

/**
 * Writes the entry of a workflow that is the closing route of legal signals (catalog `closedBy`): the entry handles
 * every open signal of the pupil that this kind closes, and the CLB signal or referral becomes a case in the inbox
 * of the CLB that serves the school.
 */
async function writeClbRoute(
  tx: Database,
  actor: Actor,
  scope: PupilScope,
  entry: Parameters<typeof writeEntry>[3],
  inbox: { kind: 'signal' | 'referral'; schoolActions: string; grounds?: readonly string[] },
) {
  // Every open signal this route closes, of any school year (an older B5_CLB never signalled is closed too).
  const open = await openSignalsOfRules(tx, scope.pupil.id, rulesClosedBy(entry.kind));
  if (open.length > 0) requireAccess(actor, 'signal.follow-up', scope);
  const note = `${entry.kind === 'clb-signal' ? 'Gesignaleerd aan het CLB' : 'Aangemeld bij het CLB'} via het dossier.`;
  const [first, ...rest] = open;
  const written = await writeEntry(tx, actor, scope, entry, first ? { ...first, note } : undefined);
  for (const signal of rest)
    await followUpSignal(
      tx,
      actor,
      signal.id,
      { to: 'handled', version: signal.version, note, link: `entry:${written.id}` },
      entry.kind,
    );
  const caseId = await openClbCase(tx, actor, scope, {
    ...inbox,
    entryId: written.id,
    receivedOn: entry.occurredOn,
  });
  return { ...written, caseId };
}

/**
 * Signal to the CLB (from 5 B half-days, seed 003:114-117): the checklist of seed 001:494/498, after a
 * conversation with the pupil (001:482). It handles the open B5_CLB (and K5) signals and lands in the CLB's inbox.
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
  return db.transaction((tx) =>
    writeClbRoute(
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
      { kind: 'signal', schoolActions: checklist.actionsTaken ?? '' },
    ),
  );
}

/**
 * Referral to the CLB for a CLB trajectory (seed 003 §2.1): at least one of the grounds of 003:266-282, what the
 * school clarified and did, and how the parents were told (003:284). It handles the open B30 (and K5) signals and
 * lands in the CLB's inbox.
 */
export async function referToClb(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & ClbReferralInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkClbReferral(input);
  if (problems.length > 0) throw preconditionFailed(problems);
  const grounds = CLB_REFERRAL_GROUNDS.filter((g) => input.grounds.includes(g.id)).map((g) => g.id);
  const answers = Object.fromEntries(CLB_REFERRAL_FIELDS.map((f) => [f.id, trimmed(input.answers[f.id])]));
  const what = [
    `Aangemeld bij het CLB. Redenen: ${grounds.map((g) => label(CLB_REFERRAL_GROUNDS, g)).join('; ')}.`,
    ...CLB_REFERRAL_FIELDS.map((f) => `${f.nl}: ${answers[f.id]}`),
  ].join('\n');
  return db.transaction((tx) =>
    writeClbRoute(
      tx,
      actor,
      scope,
      {
        ...entryBase(actor, input, today),
        kind: 'clb-referral',
        what,
        details: { grounds, answers },
      },
      { kind: 'referral', schoolActions: answers.actionsTaken ?? '', grounds },
    ),
  );
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
        await writeEntry(tx, actor, scope, {
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
    const entry = await writeEntry(tx, actor, scope, {
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
    writeEntry(tx, actor, scope, {
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
  input: Common & { how?: ReturnHow; steps: ReturnStep[] },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  // The how before the when (seed 002 l. 1441–1449): its problems come first.
  const problems = [...checkReturnHow(input.how), ...checkReturnPlan(input.steps)];
  if (problems.length > 0) throw preconditionFailed(problems);
  const how = `Hoe: ${input.how?.receivedBy?.trim()} ontvangt de leerling (${input.how?.where?.trim()}).`;
  const what = [
    how,
    ...input.steps.map(
      (s) => `Vanaf ${s.from}: ${s.description} (belasting ${s.load}; weggelaten: ${s.leaveOut.join(', ')})`,
    ),
  ].join('\n');
  return db.transaction((tx) =>
    writeEntry(tx, actor, scope, {
      kind: 'return-plan',
      occurredOn: input.occurredOn ?? today,
      who: input.who?.trim() || actor.label,
      what,
      effect: null,
      confidentiality: input.confidentiality ?? 'school+clb',
      details: {
        how: { receivedBy: input.how?.receivedBy?.trim(), where: input.how?.where?.trim() },
        steps: input.steps,
      },
    }),
  );
}

// --- School refusal (seed 002) ---------------------------------------------------------------------------------

const trimmed = (value: string | undefined | null) => value?.trim() ?? '';
const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const label = (list: readonly { id: string; nl: string }[], id: string) => list.find((x) => x.id === id)?.nl ?? id;
const CHANNEL_NL: Record<string, string> = {
  phone: 'telefoon',
  letter: 'brief',
  message: 'bericht',
  email: 'e-mail',
  'home-visit': 'huisbezoek',
  'in-person': 'persoonlijk gesprek',
};

/** "Schoolse betrokkene 1 (mevr. Claes)": the row's label with its "namelijk …". */
const stakeholderLabel = (row: { stakeholder: string; name?: string }) =>
  `${label(STAKEHOLDERS, row.stakeholder)}${trimmed(row.name) ? ` (${trimmed(row.name)})` : ''}`;

const entryBase = (actor: Actor, input: Common, today: string) => ({
  occurredOn: input.occurredOn ?? today,
  who: input.who?.trim() || actor.label,
  effect: null,
  confidentiality: input.confidentiality ?? ('school+clb' as Confidentiality),
});

/** §1.1 of the school-refusal tool: the signals checklist (seed 002:636-665) and what happens next. */
export async function recordSchoolRefusalSignals(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & SchoolRefusalSignalsInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.phase1', pupilId, today);
  const problems = checkSchoolRefusalSignals(input);
  if (problems.length > 0) throw preconditionFailed(problems);
  const answers = Object.fromEntries(
    SCHOOL_REFUSAL_SIGNALS.map((s) => {
      const a = input.answers[s.id];
      return [s.id, { answer: a?.answer as string, note: trimmed(a?.note) || null }];
    }),
  );
  const group = (answer: string) =>
    SCHOOL_REFUSAL_SIGNALS.filter((s) => answers[s.id]?.answer === answer).map(
      (s) => `${s.nl}${answers[s.id]?.note ? ` (${answers[s.id]?.note})` : ''}`,
    );
  const seen = group('yes');
  const unknown = group('unknown');
  const what = [
    seen.length > 0 ? `Opgemerkt: ${seen.join('; ')}.` : 'Geen signalen van schoolweigering opgemerkt.',
    unknown.length > 0 ? `Onbekend: ${unknown.join('; ')}.` : '',
    `Niet opgemerkt: ${SCHOOL_REFUSAL_SIGNALS.length - seen.length - unknown.length} van ${SCHOOL_REFUSAL_SIGNALS.length}.`,
    trimmed(input.recentEvents) ? `Ingrijpende gebeurtenissen: ${trimmed(input.recentEvents)}` : '',
    trimmed(input.informationNeeded) ? `Nog nodige informatie: ${trimmed(input.informationNeeded)}` : '',
    trimmed(input.followUp) ? `Volgende stap: ${trimmed(input.followUp)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return db.transaction((tx) =>
    writeEntry(tx, actor, scope, {
      ...entryBase(actor, input, today),
      kind: 'school-refusal-signals',
      what,
      details: {
        answers,
        followUp: trimmed(input.followUp) || null,
        recentEvents: trimmed(input.recentEvents) || null,
        informationNeeded: trimmed(input.informationNeeded) || null,
      },
    }),
  );
}

/** §1.6: how each one involved sees the situation (seed 002:929-978), the pupil and the parents at least. */
export async function recordPerspectives(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & { rows: PerspectiveRow[] },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.phase1', pupilId, today);
  const problems = checkPerspectives(input.rows);
  if (problems.length > 0) throw preconditionFailed(problems);
  // Kept in the seed's row order (002:947-968).
  const rows = STAKEHOLDERS.flatMap((s) => input.rows.filter((r) => r.stakeholder === s.id)).map((r) => ({
    stakeholder: r.stakeholder,
    name: trimmed(r.name) || null,
    whatIsGoingOn: trimmed(r.whatIsGoingOn) || null,
    pupilExperience: trimmed(r.pupilExperience) || null,
  }));
  const what = rows
    .map(
      (r) =>
        `${stakeholderLabel({ stakeholder: r.stakeholder, name: r.name ?? undefined })}: ${PERSPECTIVE_COLUMNS.filter(
          (c) => r[c.id],
        )
          .map((c) => `${c.nl} ${r[c.id]}`)
          .join(' ')}`,
    )
    .join('\n');
  return db.transaction((tx) =>
    writeEntry(tx, actor, scope, {
      ...entryBase(actor, input, today),
      kind: 'perspectives',
      what,
      details: { rows },
    }),
  );
}

/**
 * §1.7 (phase 1) or §2.2 (its update in phase 2): what was done, its effect and what is needed per person involved,
 * the roles and how communication runs (seed 002:1016-1089, 002:1268-1346). A file without a spilfiguur gets the
 * one named here (kept in the edit history); an existing spilfiguur is changed only through the file's own form.
 */
export async function recordSchoolRefusalReview(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & SchoolRefusalReviewInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems = checkSchoolRefusalReview(input);
  if (problems.length > 0) throw preconditionFailed(problems);
  const rows = input.rows.map((r) => ({
    stakeholder: r.stakeholder,
    name: trimmed(r.name) || null,
    done: trimmed(r.done),
    effect: trimmed(r.effect),
    needed: trimmed(r.needed),
  }));
  const roles = {
    pivot: trimmed(input.pivot),
    regie: trimmed(input.regie),
    clbRole: trimmed(input.clbRole) || null,
    channels: [...(input.channels ?? [])],
    communication: trimmed(input.communication) || null,
  };
  const [done, effect, needed] = REVIEW_COLUMNS;
  const what = [
    `${label(REVIEW_STAGES, input.stage ?? '')}.`,
    `Spilfiguur: ${roles.pivot}. Regie: ${roles.regie}.${roles.clbRole ? ` CLB: ${roles.clbRole}.` : ''}`,
    `Communicatie: ${roles.channels.map((c) => label(REVIEW_CHANNELS, c)).join(', ')}${roles.communication ? ` (${roles.communication})` : ''}.`,
    ...rows.map(
      (r) =>
        `${stakeholderLabel({ stakeholder: r.stakeholder, name: r.name ?? undefined })}: ${done?.nl} ${r.done} ${effect?.nl} ${r.effect} ${needed?.nl} ${r.needed}`,
    ),
  ].join('\n');
  return db.transaction(async (tx) => {
    const entry = await writeEntry(tx, actor, scope, {
      ...entryBase(actor, input, today),
      kind: 'school-refusal-review',
      what,
      details: { stage: input.stage, rows, ...roles },
    });
    const before = await findFile(tx, pupilId);
    let pivotSet = false;
    if (before && !before.pivotName) {
      const written = await updatePivot(tx, pupilId, before.version, { name: roles.pivot, role: null, contact: null });
      if (written) {
        await insertEdit(tx, {
          pupilId,
          item: 'file',
          itemId: pupilId,
          version: written.version,
          before,
          after: written,
          by: actor.userId,
        });
        await recordAudit(tx, actor, {
          action: 'file.pivot',
          organisationId: scope.schoolId,
          pupilIds: [pupilId],
          detail: { entryId: entry.id },
        });
        pivotSet = true;
      }
    }
    return { id: entry.id, pivotSet };
  });
}

/**
 * Phase 3: school is (temporarily) let go, the pupil is not (seed 002:1648-1660, 002:1742-1885). Records the
 * grounds, the chosen alternatives and the contact plan, and makes the next contact an open agreement (wat / wie
 * / wanneer) so it shows in the agreements and their reminders.
 */
export async function letGoOfSchool(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & LetGoInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const clbInvolved = await isClbInvolved(db, pupilId);
  const problems = checkLetGoOfSchool(input, { clbInvolved, today });
  if (problems.length > 0) throw preconditionFailed(problems);
  const plan = {
    who: trimmed(input.contactPlan?.who),
    frequency: trimmed(input.contactPlan?.frequency),
    nextContactOn: input.contactPlan?.nextContactOn as string,
    channel: input.contactPlan?.channel as string,
  };
  const alternatives = LET_GO_ALTERNATIVES.filter((a) => input.alternatives.includes(a.id)).map((a) => a.id);
  const grounds = LET_GO_GROUNDS.filter((g) => input.grounds.includes(g.id)).map((g) => g.id);
  const otherAlternative = alternatives.includes('other') ? trimmed(input.otherAlternative) : null;
  const channel = CHANNEL_NL[plan.channel] ?? plan.channel;
  const what = [
    'Schoollopen (tijdelijk) losgelaten, de jongere niet.',
    `Waarom: ${grounds.map((g) => label(LET_GO_GROUNDS, g)).join('; ')}.`,
    `Alternatieven: ${alternatives
      .map((a) =>
        a === 'other' ? `${label(LET_GO_ALTERNATIVES, a)}: ${otherAlternative}` : label(LET_GO_ALTERNATIVES, a),
      )
      .join('; ')}.`,
    `Besproken met: ${trimmed(input.discussedWith)}.`,
    `Contactplan: ${plan.who} houdt contact, ${plan.frequency}, via ${channel}; volgend contact op ${belgian(plan.nextContactOn)}.`,
    input.reviewOn && trimmed(input.term)
      ? `Termijn: ${trimmed(input.term)}; herbekijken op ${belgian(input.reviewOn)}.`
      : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return db.transaction(async (tx) => {
    const entry = await writeEntry(tx, actor, scope, {
      ...entryBase(actor, input, today),
      kind: 'let-go-of-school',
      what,
      details: {
        grounds,
        alternatives,
        otherAlternative,
        discussedWith: trimmed(input.discussedWith),
        contactPlan: plan,
        term: trimmed(input.term) || null,
        reviewOn: input.reviewOn ?? null,
      },
    });
    await ensureFile(tx, pupilId, scope.schoolId);
    // The term and review date (seed 002 l. 1866–1874): the review is a reminder of its own.
    if (input.reviewOn && trimmed(input.term)) {
      await insertAgreement(tx, {
        what: `Alternatief herbekijken na de termijn (${trimmed(input.term)}): is een (gedeeltelijke) terugkeer mogelijk?`,
        who: plan.who.slice(0, 200),
        dueOn: input.reviewOn,
        checkNote: null,
        status: 'open',
        pupilId,
        schoolId: scope.schoolId,
        entryId: entry.id,
        by: actor.userId,
      });
    }
    const agreementId = await insertAgreement(tx, {
      what: `Contact met ${scope.pupil.firstName} via ${channel} (${plan.frequency}): school loslaten, de jongere niet`,
      who: plan.who.slice(0, 200),
      dueOn: plan.nextContactOn,
      checkNote: 'Contactplan fase 3: de school blijft betrokken.',
      status: 'open',
      pupilId,
      schoolId: scope.schoolId,
      entryId: entry.id,
      by: actor.userId,
    });
    await insertEdit(tx, {
      pupilId,
      item: 'agreement',
      itemId: agreementId,
      version: 1,
      before: null,
      after: await findAgreement(tx, agreementId),
      by: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'file.agreement',
      organisationId: scope.schoolId,
      pupilIds: [pupilId],
      detail: { agreementId, entryId: entry.id },
    });
    return { id: entry.id, agreementId };
  });
}
