// Phase-2 routes with legal weight (seed 000:78-165, seed 001:663-706, seed 003:412-517): the M-document to the OCJ
// or VK, the report to AgODi and the copy of its letter, NRTJ through the toegangspoort (A-document) and the
// spijbelactieplan with the police. Each checks its preconditions here on the server (422 with every problem, per
// field) and records one timeline entry at level school+clb, so school and CLB both see the route was taken.
import type { Database } from '../../db/database.ts';
import { entriesOfKinds, firstEntryOn } from '../../db/phase2.repository.ts';
import { countEntries, findEntry, tracksOf } from '../../db/pupil-file.repository.ts';
import { registerOfPupil } from '../../db/register.repository.ts';
import { loadCalendar } from '../../db/school.repository.ts';
import { isAbsentCode } from '../../domain/absence-codes.ts';
import { addDays } from '../../domain/civil-date.ts';
import { absenceTrend } from '../../domain/pupil-file/absence-trend.ts';
import { INTERVENTION_KINDS } from '../../domain/pupil-file/intervention-kinds.ts';
import {
  type AgodiLetterCopyInput,
  type AgodiReportInput,
  checkAgodiLetterCopy,
  checkAgodiReport,
  checkMDocument,
  checkNrtjReferral,
  checkPhaseMove,
  checkTruancyActionPlan,
  M_DOCUMENT_DESTINATIONS,
  M_DOCUMENT_GROUNDS,
  type MDocumentInput,
  NRTJ_SECTORS,
  type NrtjInput,
  type PhaseMoveInput,
  type Problem,
  TRUANCY_REGISTRATIONS,
  type TruancyPlanInput,
} from '../../domain/pupil-file/workflows/index.ts';
import { ABSENCE_RISING_RULE } from '../../domain/rules/catalog-vlaanderen.ts';
import type { Actor } from '../actor.ts';
import { can } from '../policy/policy.ts';
import { type PupilScope, requirePupilAccess } from '../pupil-access.ts';
import { CLB_KINDS, isClbInvolved } from './clb-involvement.ts';
import { setTrackPhase, writeEntry } from './pupil-file.service.ts';
import { preconditionFailed } from './workflows.service.ts';

/** The legal routes themselves and what they record; every other kind is a measure of the school. */
const ROUTE_KINDS = [
  'm-document-ocj',
  'agodi-report',
  'agodi-letter-copy',
  'nrtj-a-document',
  'truancy-contract',
  'police-report',
  'unreachability-form',
  'phase-2-update',
];
const SCHOOL_MEASURE_KINDS = INTERVENTION_KINDS.map((k) => k.id).filter(
  (id) => !CLB_KINDS.includes(id) && !ROUTE_KINDS.includes(id),
);

const trimmed = (value: string | undefined | null) => value?.trim() ?? '';
const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const labelOf = (list: readonly { id: string; nl: string }[], id: string) => list.find((x) => x.id === id)?.nl ?? id;

interface Common {
  occurredOn?: string;
  who?: string;
}

const LEVEL = 'school+clb' as const;
/** The summer holiday, 1 July to 31 August. */
const LONGEST_HOLIDAY_DAYS = 62;

async function record(
  db: Database,
  actor: Actor,
  scope: PupilScope,
  input: Common,
  today: string,
  entry: { kind: string; what: string; details: Record<string, unknown> },
) {
  return db.transaction(async (tx) => {
    const written = await writeEntry(tx, actor, scope, {
      ...entry,
      occurredOn: input.occurredOn ?? today,
      who: trimmed(input.who) || actor.label,
      effect: null,
      confidentiality: LEVEL,
    });
    return { id: written.id };
  });
}

const fail = (problems: Problem[]) => {
  if (problems.length > 0) throw preconditionFailed(problems);
};

/** M-document to the OCJ, or to the VK when integrity is at risk (seed 000:134-156, 002:1692-1700). */
export async function recordMDocument(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & MDocumentInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.legal-route', pupilId, today);
  const [clbInvolved, truancyPlans] = await Promise.all([
    isClbInvolved(db, pupilId),
    countEntries(db, pupilId, ['truancy-contract']),
  ]);
  fail(checkMDocument(input, { clbInvolved, truancyPlans, today }));
  const grounds = M_DOCUMENT_GROUNDS.filter((g) => input.grounds?.includes(g.id)).map((g) => g.id);
  const what = [
    `Aanmelding bij de gemandateerde voorziening: ${labelOf(M_DOCUMENT_DESTINATIONS, input.destination ?? '')} (M-document).`,
    `Gronden: ${grounds.map((g) => labelOf(M_DOCUMENT_GROUNDS, g)).join('; ')}.`,
    `Toelichting: ${trimmed(input.groundsExplanation)}`,
    input.integrityAtRisk ? `Integriteit in gevaar: ${trimmed(input.integrityFacts)}` : '',
    `Vraagverheldering: ${trimmed(input.questionClarification)}`,
    `Consultfunctie op ${belgian(input.consultOn as string)}: ${trimmed(input.consultOutcome)}`,
    input.truancyPlanAttached ? 'Kopie van het spijbelactieplan toegevoegd.' : '',
  ]
    .filter(Boolean)
    .join('\n');
  return record(db, actor, scope, input, today, {
    kind: 'm-document-ocj',
    what,
    details: {
      destination: input.destination,
      grounds,
      groundsExplanation: trimmed(input.groundsExplanation),
      integrityAtRisk: input.integrityAtRisk === true,
      integrityFacts: trimmed(input.integrityFacts) || null,
      questionClarification: trimmed(input.questionClarification),
      consultOn: input.consultOn,
      consultOutcome: trimmed(input.consultOutcome),
      truancyPlanAttached: input.truancyPlanAttached === true,
    },
  });
}

/** Report of a worrying case to AgODi, only after documented efforts of school and CLB (seed 000:158-160). */
export async function reportToAgodi(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & AgodiReportInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.legal-route', pupilId, today);
  const [schoolMeasures, clbMeasures] = await Promise.all([
    countEntries(db, pupilId, SCHOOL_MEASURE_KINDS),
    countEntries(db, pupilId, CLB_KINDS),
  ]);
  fail(checkAgodiReport(input, { schoolMeasures, clbMeasures }));
  const what = [
    'Melding zorgwekkend dossier bij AgODi.',
    `Inspanningen van de school: ${trimmed(input.schoolEfforts)}`,
    `Inspanningen van het CLB: ${trimmed(input.clbEfforts)}`,
    `Waarom de situatie niet verbetert: ${trimmed(input.situation)}`,
  ].join('\n');
  return record(db, actor, scope, input, today, {
    kind: 'agodi-report',
    what,
    details: {
      schoolEfforts: trimmed(input.schoolEfforts),
      clbEfforts: trimmed(input.clbEfforts),
      situation: trimmed(input.situation),
      recordedMeasures: { school: schoolMeasures, clb: clbMeasures },
    },
  });
}

/** The copy of AgODi's letter to the parents that school and CLB receive (seed 000:162-165). */
export async function recordAgodiLetterCopy(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & AgodiLetterCopyInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.legal-route', pupilId, today);
  const report = input.reportEntryId ? await findEntry(db, input.reportEntryId) : undefined;
  const reportOn = report && report.pupilId === pupilId && report.kind === 'agodi-report' ? report.occurredOn : null;
  fail(checkAgodiLetterCopy(input, { reportOn, today }));
  const to = [input.copyToSchool ? 'de school' : '', input.copyToClb ? 'het CLB' : ''].filter(Boolean).join(' en ');
  return record(db, actor, scope, { ...input, occurredOn: input.receivedOn }, today, {
    kind: 'agodi-letter-copy',
    what: `Kopie van de brief van AgODi aan de ouders ontvangen op ${belgian(input.receivedOn as string)} door ${to} (melding van ${belgian(reportOn as string)}).${trimmed(input.note) ? ` ${trimmed(input.note)}` : ''}`,
    details: {
      reportEntryId: input.reportEntryId,
      receivedOn: input.receivedOn,
      copyToSchool: input.copyToSchool === true,
      copyToClb: input.copyToClb === true,
      note: trimmed(input.note) || null,
    },
  });
}

/** Non-directly accessible youth care through the toegangspoort with an A-document (seed 000:127-132). */
export async function referNrtj(db: Database, actor: Actor, pupilId: number, input: Common & NrtjInput, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.legal-route', pupilId, today);
  fail(checkNrtjReferral(input, { clbInvolved: await isClbInvolved(db, pupilId), today }));
  return record(db, actor, scope, input, today, {
    kind: 'nrtj-a-document',
    what: [
      `A-document via de toegangspoort ingediend op ${belgian(input.submittedOn as string)}: ${labelOf(NRTJ_SECTORS, input.sector ?? '')}.`,
      `Waarom rechtstreeks toegankelijke hulp niet volstaat: ${trimmed(input.motivation)}`,
      `Betrokkenheid van jongere en ouders: ${trimmed(input.familyInvolvement)}`,
    ].join('\n'),
    details: {
      sector: input.sector,
      submittedOn: input.submittedOn,
      motivation: trimmed(input.motivation),
      familyInvolvement: trimmed(input.familyInvolvement),
    },
  });
}

/** Spijbelactieplan: registration (or re-registration) with the police after consulting the CLB (seed 001:689-706). */
export async function registerTruancyActionPlan(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Common & TruancyPlanInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.legal-route', pupilId, today);
  const [clbConsultations, registrations] = await Promise.all([
    countEntries(db, pupilId, ['clb-consultation']),
    entriesOfKinds(db, pupilId, ['truancy-contract']),
  ]);
  const firstRegistrations = registrations.filter((r) => r.details.registration === 'first').length;
  fail(checkTruancyActionPlan(input, { clbConsultations, firstRegistrations, today }));
  return record(db, actor, scope, { ...input, occurredOn: input.registeredOn }, today, {
    kind: 'truancy-contract',
    what: [
      `Spijbelactieplan: ${labelOf(TRUANCY_REGISTRATIONS, input.registration ?? '').toLowerCase()} op ${belgian(input.registeredOn as string)} (politiezone ${trimmed(input.policeZone)}), na overleg met het CLB.`,
      `Afspraken: ${trimmed(input.agreements)}`,
    ].join('\n'),
    details: {
      registration: input.registration,
      registeredOn: input.registeredOn,
      policeZone: trimmed(input.policeZone),
      agreements: trimmed(input.agreements),
    },
  });
}

/**
 * What the phase-2 section shows before a route is chosen: who may take the routes, the facts the preconditions
 * read (CLB involvement, school measures, CLB consultations, spijbelactieplan, AgODi reports) and ABSENCE_RISING.
 */
export async function phase2Overview(db: Database, actor: Actor, pupilId: number, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const [clbInvolved, schoolMeasures, clbConsultations, routes, firstMeasureOn] = await Promise.all([
    isClbInvolved(db, pupilId),
    countEntries(db, pupilId, SCHOOL_MEASURE_KINDS),
    countEntries(db, pupilId, ['clb-consultation']),
    entriesOfKinds(db, pupilId, ['truancy-contract', 'agodi-report']),
    firstEntryOn(db, pupilId, SCHOOL_MEASURE_KINDS),
  ]);
  const trend = firstMeasureOn ? await absenceTrendOf(db, scope, pupilId, firstMeasureOn, today) : null;
  return {
    canRecord: can(actor, 'file.legal-route', scope),
    facts: {
      clbInvolved,
      schoolMeasures,
      clbConsultations,
      firstTruancyRegistrations: routes.filter(
        (r) => r.kind === 'truancy-contract' && r.details.registration === 'first',
      ).length,
      truancyRegistrations: routes.filter((r) => r.kind === 'truancy-contract').length,
      agodiReports: routes
        .filter((r) => r.kind === 'agodi-report')
        .map((r) => ({ entryId: r.id, occurredOn: r.occurredOn })),
    },
    absenceRising: trend,
  };
}

/** ABSENCE_RISING for one pupil: the school's calendar and the pupil's register around the first measure. */
async function absenceTrendOf(db: Database, scope: PupilScope, pupilId: number, firstMeasureOn: string, today: string) {
  // Calendar days enough for the window before: five school days a week, plus the longest holiday in between.
  const from = addDays(
    firstMeasureOn,
    -(Math.ceil(ABSENCE_RISING_RULE.windowSchoolDays / 5) * 7 + LONGEST_HOLIDAY_DAYS),
  );
  const until = today;
  const [calendar, register] = await Promise.all([
    loadCalendar(db, scope.schoolId, from, until),
    registerOfPupil(db, pupilId, from, until),
  ]);
  return absenceTrend(
    calendar.filter((h) => h.schoolDay),
    register.filter((r) => isAbsentCode(r.code)),
    firstMeasureOn,
    today,
  );
}

/**
 * A track's phase change with the checks of the move into phase 2 (seed 000:78-90): the CLB involved in the file or a
 * recorded reason why not yet, and the §2.2 update of what was done (002:1268-1346), recorded as a timeline entry
 * in the same transaction as the move. A stale version is a conflict (409) before any precondition.
 */
export async function moveTrackPhase(
  db: Database,
  actor: Actor,
  pupilId: number,
  track: string,
  input: { phase: number; reason: string; version: number } & Pick<PhaseMoveInput, 'noClbReason' | 'whatWasDone'>,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const before = (await tracksOf(db, pupilId)).find((t) => t.track === track);
  const change = { phase: input.phase, reason: input.reason, version: input.version };
  if ((before?.version ?? 0) !== input.version || input.phase !== 2 || before?.phase === 2)
    return setTrackPhase(db, actor, pupilId, track, change, today);
  const clbInvolved = await isClbInvolved(db, pupilId);
  fail(checkPhaseMove({ from: before?.phase ?? null, to: input.phase, ...input }, { clbInvolved }));
  return db.transaction(async (tx) => {
    const written = await setTrackPhase(tx, actor, pupilId, track, change, today);
    const noClbReason = clbInvolved ? null : trimmed(input.noClbReason);
    await writeEntry(tx, actor, scope, {
      kind: 'phase-2-update',
      occurredOn: today,
      who: actor.label,
      what: [
        `Naar fase 2 (uitbreiding van zorg) voor ${track}.`,
        `Wat werd ondernomen en met welk effect: ${trimmed(input.whatWasDone)}`,
        noClbReason ? `Zonder betrokkenheid van het CLB omdat: ${noClbReason}` : 'Het CLB is betrokken.',
      ].join('\n'),
      effect: null,
      confidentiality: LEVEL,
      details: {
        track,
        fromPhase: before?.phase ?? null,
        whatWasDone: trimmed(input.whatWasDone),
        clbInvolved,
        noClbReason,
      },
    });
    return written;
  });
}
