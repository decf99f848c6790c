// Use cases of the file transfer to the new school's CLB (issue 15, docs/decisions/0036): the old CLB sees where
// the pupil went (same keyed identity), records the decision of the parents or the adult pupil, and sends a
// read-only snapshot of chosen items; refused categories and disciplinary content never go along. The receiving
// CLB reads the snapshot (CLB-doctor items by its CLB doctor only) and follows it up as a case in its inbox.
import { clbOfSchool } from '../../db/clb-case.repository.ts';
import type { Database, Sql } from '../../db/database.ts';
import {
  copyDocumentToTransfer,
  copyEntryToTransfer,
  type DecisionRow,
  decisionsOf,
  findTransfer,
  insertDecision,
  insertTransfer,
  type LeftOut,
  linkTransferCase,
  lockPupil,
  newSchoolsOf,
  pendingTransfersOf,
  type TransferRow,
  transferDocumentContent,
  transferItemCounts,
  transferItemsOf,
  transfersOfPupil,
  visibleDocumentsOf,
  visibleEntriesOf,
} from '../../db/file-transfer.repository.ts';
import { organisationName } from '../../db/organisation.repository.ts';
import { findPupil } from '../../db/pupil.repository.ts';
import { ensureFile, insertEdit, insertEntry } from '../../db/pupil-file.repository.ts';
import {
  categoryOfDocument,
  categoryOfEntry,
  deciderOn,
  planTransfer,
  TRANSFER_CATEGORIES,
  TRANSFER_DECIDER_RULE,
  type TransferCategory,
  type TransferDecider,
  type TransferReaders,
  transferCategory,
  transferDecisionProblems,
  transferVerdict,
} from '../../domain/file-transfer.ts';
import type { Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { openClbCase } from '../clb-inbox/clb-inbox.service.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { can, requireAccess, rolesReaching } from '../policy/policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { fileVisibility } from '../pupil-file/file-access.ts';

const refused = (type: string, nl: string, en: string, extra: Record<string, unknown> = {}) =>
  new AppError(422, type, { nl, en }, extra);

const staleDecision = (current: ReturnType<typeof decisionOf> | null) =>
  new AppError(
    409,
    'conflict',
    {
      nl: 'Intussen werd een andere beslissing over de overdracht geregistreerd. Bekijk ze en probeer opnieuw.',
      en: 'Another decision on the transfer was recorded in the meantime. Review it and try again.',
    },
    { current },
  );

/** The CLB levels of the pupil file a transfer can carry: the school's own level is the school's to pass on. */
const TRANSFERABLE_LEVELS = new Set(['school+clb', 'clb', 'clb-arts']);

const readersOf = (category: TransferCategory): TransferReaders => transferCategory(category).readers;

/** The role through which a CLB member acts on a pupil's file transfer (the CLB doctor first), or 403. */
function clbRole(actor: Actor, schoolId: number): Role {
  if (actor.kind === 'system') return 'clb-arts';
  const roles = rolesReaching(actor, 'file-transfer.manage', { schoolId });
  const role = roles.includes('clb-arts') ? 'clb-arts' : roles[0];
  if (!role) throw forbidden();
  return role;
}

/** The sending CLB: the actor's CLB that serves the old school (the system: the school's CLB). */
async function sendingClb(db: Sql, actor: Actor, schoolId: number): Promise<number> {
  const membership = actor.memberships.find((m) => m.kind === 'clb' && m.schoolIds.includes(schoolId));
  const clbId = membership?.organisationId ?? (actor.kind === 'system' ? await clbOfSchool(db, schoolId) : undefined);
  if (clbId === undefined) throw forbidden();
  return clbId;
}

/** What a choosable item of the old file is, with its category and whether it would go along now. */
function choosable(
  items: {
    entries: Awaited<ReturnType<typeof visibleEntriesOf>>;
    documents: Awaited<ReturnType<typeof visibleDocumentsOf>>;
  },
  refusedNow: readonly TransferCategory[] | null,
) {
  const verdict = (category: TransferCategory) => {
    const v = transferVerdict(category, refusedNow ?? []);
    return {
      category,
      rule: transferCategory(category).rule,
      goesAlong: v.included,
      reason: v.included ? null : v.reason,
    };
  };
  return {
    entries: items.entries
      .filter((e) => TRANSFERABLE_LEVELS.has(e.confidentiality))
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredOn: e.occurredOn,
        who: e.who,
        confidentiality: e.confidentiality,
        ...verdict(categoryOfEntry(e.kind, e.confidentiality)),
      })),
    documents: items.documents
      .filter((d) => TRANSFERABLE_LEVELS.has(d.confidentiality))
      .map((d) => ({
        id: d.id,
        title: d.title,
        uploadedOn: d.uploadedOn,
        confidentiality: d.confidentiality,
        ...verdict(
          categoryOfDocument({ confidentiality: d.confidentiality, linkedEntryKind: d.linkedEntryKind, marked: null }),
        ),
      })),
  };
}

function decisionOf(d: DecisionRow) {
  return {
    id: d.id,
    decidedBy: d.decidedBy,
    informedOn: d.informedOn,
    decidedOn: d.decidedOn,
    refused: d.refused,
    note: d.note,
    recordedBy: d.recordedBy,
    recorderRole: d.recorderRole,
    recordedAt: d.recordedAt,
  };
}

async function summaryOf(db: Sql, t: TransferRow) {
  return {
    id: t.id,
    from: { clb: { id: t.fromClbId, name: t.fromClbName }, school: { id: t.fromSchoolId, name: t.fromSchoolName } },
    to: {
      clb: { id: t.toClbId, name: t.toClbName },
      school: { id: t.toSchoolId, name: t.toSchoolName },
      pupil: { id: t.toPupilId, name: t.toPupilName },
    },
    sentOn: t.sentOn,
    sentAt: t.sentAt,
    sentBy: t.sentBy,
    senderRole: t.senderRole,
    caseId: t.caseId,
    counts: await transferItemCounts(db, t.id),
    leftOut: t.leftOut,
  };
}

/**
 * The transfer panel of a pupil's file for its CLB: the categories and their rules, who decides now, the decisions
 * recorded, the schools where the pupil went, the items the CLB may choose (with what would go along under the
 * decision in force), the transfers sent from this file and those received for it by the actor's CLB.
 */
export async function transferOverview(db: Database, actor: Actor, pupilId: number, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file-transfer.manage', pupilId, today);
  const visibility = fileVisibility(actor, scope, today);
  const [decisions, newSchools, entries, documents, transfers] = await Promise.all([
    decisionsOf(db, pupilId),
    newSchoolsOf(db, pupilId),
    visibleEntriesOf(db, pupilId, visibility),
    visibleDocumentsOf(db, pupilId, visibility),
    transfersOfPupil(db, pupilId),
  ]);
  const inForce = decisions[0] ?? null;
  const sent = transfers.filter((t) => t.fromPupilId === pupilId);
  const received = transfers.filter(
    (t) => t.toPupilId === pupilId && can(actor, 'file-transfer.receive', { organisationId: t.toClbId }),
  );
  await recordAudit(db, actor, {
    action: 'file-transfer.overview',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
  });
  return {
    categories: TRANSFER_CATEGORIES.map((c) => ({
      id: c.id,
      rule: c.rule,
      readers: c.readers,
      nl: c.nl,
      en: c.en,
      source: c.source,
    })),
    decider: {
      now: deciderOn(scope.pupil.birthDate, today),
      adultAge: TRANSFER_DECIDER_RULE.adultAge,
      source: TRANSFER_DECIDER_RULE.source,
    },
    decisions: decisions.map(decisionOf),
    newSchools: newSchools.map((s) => ({
      pupilId: s.pupilId,
      school: { id: s.schoolId, name: s.schoolName },
      enrolledFrom: s.enrolledFrom,
      clb: s.clbId === null ? null : { id: s.clbId, name: s.clbName ?? '' },
    })),
    choosable: choosable({ entries, documents }, inForce?.refused ?? null),
    sent: await Promise.all(sent.map((t) => summaryOf(db, t))),
    received: await Promise.all(received.map((t) => summaryOf(db, t))),
  };
}

export interface TransferDecisionChange {
  decidedBy: TransferDecider;
  informedOn: string;
  decidedOn: string;
  refused: string[];
  note?: string | null;
  /** The id of the decision in force the recorder saw (null: none yet); 409 when another was recorded since. */
  replaces: number | null;
}

/**
 * Records the decision of the parents (or the pupil of age) after informing them: which refusable categories they
 * refused. Appended; the latest decision is in force.
 */
export async function recordTransferDecision(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: TransferDecisionChange,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file-transfer.manage', pupilId, today);
  const problems = transferDecisionProblems(input, { birthDate: scope.pupil.birthDate, today });
  if (problems.length > 0)
    throw refused(
      'transfer-decision-refused',
      problems.map((p) => p.nl).join(' '),
      problems.map((p) => p.en).join(' '),
      { problems },
    );
  const role = clbRole(actor, scope.schoolId);
  return db.transaction(async (tx) => {
    await lockPupil(tx, pupilId);
    const current = (await decisionsOf(tx, pupilId))[0] ?? null;
    if ((current?.id ?? null) !== input.replaces) throw staleDecision(current ? decisionOf(current) : null);
    const refusedCategories = [...new Set(input.refused)] as TransferCategory[];
    const id = await insertDecision(tx, {
      pupilId,
      schoolId: scope.schoolId,
      decidedBy: input.decidedBy,
      informedOn: input.informedOn,
      decidedOn: input.decidedOn,
      refused: refusedCategories,
      note: input.note?.trim() || null,
      by: actor.userId,
      role,
    });
    await recordAudit(tx, actor, {
      action: 'file-transfer.decision',
      organisationId: scope.schoolId,
      pupilIds: [pupilId],
      detail: { decisionId: id, decidedBy: input.decidedBy, refused: refusedCategories },
    });
    return decisionOf((await decisionsOf(tx, pupilId))[0] as DecisionRow);
  });
}

export interface TransferSend {
  /** The pupil row at the new school (one of the overview's `newSchools`). */
  toPupilId: number;
  /** The decision in force the sender saw; 409 when another was recorded since. */
  decisionId: number;
  entryIds: number[];
  documents: { id: number; mark?: 'verslag' | 'disciplinary' | null }[];
  handoverNote?: string | null;
}

/**
 * Sends the snapshot to the CLB of the new school. Preconditions on the server: a decision recorded (the parents
 * informed), the decision the sender saw still in force, a new school where the same identity is enrolled later and
 * that a CLB serves, and only items of this file the sender reads. Refused categories and disciplinary content are
 * left out whatever was chosen (counted, not copied). Writes the snapshot, a warm-handover entry (level clb) in the
 * new school's file and a 'transfer' case in the receiving CLB's inbox, in one transaction.
 */
export async function sendTransfer(db: Database, actor: Actor, pupilId: number, input: TransferSend, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file-transfer.manage', pupilId, today);
  const role = clbRole(actor, scope.schoolId);
  const fromClbId = await sendingClb(db, actor, scope.schoolId);
  const target = (await newSchoolsOf(db, pupilId)).find((s) => s.pupilId === input.toPupilId);
  if (!target)
    throw refused(
      'transfer-no-new-school',
      'Deze leerling is niet (later) ingeschreven in die school: kies een school uit de lijst van nieuwe scholen.',
      'This pupil is not enrolled (later) at that school: choose a school from the list of new schools.',
    );
  if (target.clbId === null)
    throw refused(
      'transfer-no-clb',
      'Geen CLB begeleidt de nieuwe school: het dossier kan niet in de toepassing worden overgedragen.',
      'No CLB serves the new school: the file cannot be transferred in the application.',
    );
  return db.transaction(async (tx) => {
    await lockPupil(tx, pupilId);
    const decision = (await decisionsOf(tx, pupilId))[0];
    if (!decision)
      throw refused(
        'transfer-decision-required',
        'Registreer eerst de beslissing van de ouders (of de meerderjarige leerling) nadat ze geïnformeerd werden.',
        'Record the decision of the parents (or the adult pupil) after informing them first.',
      );
    if (decision.id !== input.decisionId) throw staleDecision(decisionOf(decision));
    // Read under the pupil's lock, in the transaction that copies: what is classified is what is copied.
    const visibility = fileVisibility(actor, scope, today);
    const entries = await visibleEntriesOf(tx, pupilId, visibility);
    const documents = await visibleDocumentsOf(tx, pupilId, visibility);
    const entryById = new Map(entries.filter((e) => TRANSFERABLE_LEVELS.has(e.confidentiality)).map((e) => [e.id, e]));
    const documentById = new Map(
      documents.filter((d) => TRANSFERABLE_LEVELS.has(d.confidentiality)).map((d) => [d.id, d]),
    );
    const unknown = [
      ...input.entryIds.filter((id) => !entryById.has(id)).map((id) => `entry ${id}`),
      ...input.documents.filter((d) => !documentById.has(d.id)).map((d) => `document ${d.id}`),
    ];
    if (unknown.length > 0)
      throw refused(
        'transfer-item-unknown',
        `Niet in het CLB-deel van dit dossier: ${unknown.join(', ')}.`,
        `Not in the CLB part of this file: ${unknown.join(', ')}.`,
      );
    const chosen = [
      ...[...new Set(input.entryIds)].map((id) => {
        const e = entryById.get(id) as (typeof entries)[number];
        return { source: 'entry' as const, id, category: categoryOfEntry(e.kind, e.confidentiality) };
      }),
      ...[...new Map(input.documents.map((d) => [d.id, d])).values()].map((d) => {
        const row = documentById.get(d.id) as (typeof documents)[number];
        return {
          source: 'document' as const,
          id: d.id,
          category: categoryOfDocument({
            confidentiality: row.confidentiality,
            linkedEntryKind: row.linkedEntryKind,
            marked: d.mark ?? null,
          }),
        };
      }),
    ];
    const plan = planTransfer(chosen, decision.refused);
    const leftOut: LeftOut[] = [];
    for (const item of plan.excluded) {
      const known = leftOut.find((l) => l.category === item.category && l.reason === item.reason);
      if (known) known.count += 1;
      else leftOut.push({ category: item.category, reason: item.reason, count: 1 });
    }
    const handoverNote = input.handoverNote?.trim() || null;
    const id = await insertTransfer(tx, {
      fromSchoolId: scope.schoolId,
      fromPupilId: pupilId,
      fromClbId,
      toSchoolId: target.schoolId,
      toPupilId: target.pupilId,
      toClbId: target.clbId as number,
      decisionId: decision.id,
      handoverNote,
      leftOut,
      by: actor.userId,
      role,
      sentOn: today,
    });
    for (const item of plan.included) {
      const copy = item.source === 'entry' ? copyEntryToTransfer : copyDocumentToTransfer;
      await copy(tx, id, item.id, { category: item.category, readers: readersOf(item.category) });
    }
    // The attention point in the new school's file (CLB level: the new school's staff do not read it) and the case.
    const toPupil = await findPupil(tx, target.pupilId);
    if (!toPupil) throw notFound({ nl: 'Leerling', en: 'Pupil' });
    const fromClbName = await organisationName(tx, fromClbId);
    const what = [
      `Dossier overgedragen door ${fromClbName} (vorige school). Aandachtspunt: opvolging vereist.`,
      `${plan.included.length} onderdelen overgedragen.`,
      handoverNote ? `Overdrachtsnota: ${handoverNote}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    await ensureFile(tx, target.pupilId, target.schoolId);
    const entry = {
      kind: 'warm-handover',
      occurredOn: today,
      who: fromClbName || actor.label,
      what,
      effect: null,
      confidentiality: 'clb' as const,
      details: { transferId: id },
    };
    const entryId = await insertEntry(tx, {
      ...entry,
      pupilId: target.pupilId,
      schoolId: target.schoolId,
      authorId: actor.userId,
      authorRole: role,
    });
    await insertEdit(tx, {
      pupilId: target.pupilId,
      item: 'entry',
      itemId: entryId,
      version: 1,
      before: null,
      after: entry,
      by: actor.userId,
    });
    const caseId = await openClbCase(
      tx,
      actor,
      { schoolId: target.schoolId, classNames: [], pupil: toPupil, enrolments: [], className: null },
      { kind: 'transfer', entryId, receivedOn: today, schoolActions: '', transferId: id },
    );
    if (caseId !== null) await linkTransferCase(tx, id, caseId);
    await recordAudit(tx, actor, {
      action: 'file-transfer.sent',
      organisationId: scope.schoolId,
      pupilIds: [pupilId, target.pupilId],
      detail: {
        transferId: id,
        toClbId: target.clbId,
        decisionId: decision.id,
        items: plan.included.map((i) => `${i.source}:${i.id}`),
        leftOut,
      },
    });
    return summaryOf(tx, (await findTransfer(tx, id)) as TransferRow);
  });
}

/** Whether the actor reads a transfer: the receiving CLB, or the sending CLB (of the old school); and which levels. */
function transferReaders(actor: Actor, t: TransferRow): TransferReaders[] {
  const receiving = rolesReaching(actor, 'file-transfer.receive', { organisationId: t.toClbId });
  const sending = rolesReaching(actor, 'file-transfer.manage', { schoolId: t.fromSchoolId });
  const roles = actor.kind === 'system' ? (['clb-arts'] as Role[]) : [...receiving, ...sending];
  if (roles.length === 0) throw forbidden();
  return roles.includes('clb-arts') ? ['clb', 'clb-arts'] : ['clb'];
}

async function loadTransfer(db: Sql, actor: Actor, transferId: number) {
  const t = await findTransfer(db, transferId);
  if (!t) throw notFound({ nl: 'Overdracht', en: 'Transfer' });
  return { transfer: t, readers: transferReaders(actor, t) };
}

/**
 * The read-only snapshot with its provenance for the receiving CLB (and the sending one): items of the CLB doctor's
 * category only for a CLB doctor; the decision it was sent under; what was left out (counted, never shown).
 */
export async function readTransfer(db: Database, actor: Actor, transferId: number) {
  const { transfer, readers } = await loadTransfer(db, actor, transferId);
  const [items, decision] = await Promise.all([
    transferItemsOf(db, transferId, readers),
    decisionsOf(db, transfer.fromPupilId).then((all) => all.find((d) => d.id === transfer.decisionId)),
  ]);
  await recordAudit(db, actor, {
    action: 'file-transfer.read',
    organisationId: transfer.toClbId,
    pupilIds: [transfer.toPupilId, transfer.fromPupilId],
    detail: { transferId, items: items.length, readers },
  });
  return {
    ...(await summaryOf(db, transfer)),
    handoverNote: transfer.handoverNote,
    decision: decision ? decisionOf(decision) : null,
    items: items.map((i) => ({
      id: i.id,
      category: i.category,
      readers: i.readers,
      source: i.source,
      sourceConfidentiality: i.sourceConfidentiality,
      occurredOn: i.occurredOn,
      kind: i.kind,
      who: i.who,
      what: i.what,
      effect: i.effect,
      title: i.title,
      fileName: i.fileName,
      mediaType: i.mediaType,
      sizeBytes: i.sizeBytes,
      sha256: i.sha256,
      authorRole: i.authorRole,
    })),
    hiddenItems: (await transferItemCounts(db, transferId)).reduce((n, c) => n + c.count, 0) - items.length,
  };
}

/** The bytes of a transferred document, for a reader of its level; audited. */
export async function transferDocument(db: Database, actor: Actor, transferId: number, itemId: number) {
  const { transfer, readers } = await loadTransfer(db, actor, transferId);
  const document = await transferDocumentContent(db, transferId, itemId, readers);
  if (!document) throw notFound({ nl: 'Document', en: 'Document' });
  await recordAudit(db, actor, {
    action: 'file-transfer.document',
    organisationId: transfer.toClbId,
    pupilIds: [transfer.toPupilId, transfer.fromPupilId],
    detail: { transferId, itemId },
  });
  return document;
}

/** The old CLB's list of school changers to transfer: detected through the keyed identity, none sent yet. */
export async function pendingTransfers(db: Database, actor: Actor, clbId: number) {
  requireAccess(actor, 'clb-inbox.read', { organisationId: clbId });
  const items = await pendingTransfersOf(db, clbId, 200);
  await recordAudit(db, actor, {
    action: 'file-transfer.pending',
    organisationId: clbId,
    pupilIds: items.map((i) => i.pupilId),
  });
  return {
    items: items.map((i) => ({
      pupil: { id: i.pupilId, name: i.pupilName, externalId: i.externalId },
      school: { id: i.schoolId, name: i.schoolName },
      newSchool: { name: i.newSchoolName, enrolledFrom: i.enrolledFrom },
    })),
  };
}
