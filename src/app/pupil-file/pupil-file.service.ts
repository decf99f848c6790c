// Use cases of the pupil file: read the file and its paginated lists, change a track's phase and the
// spilfiguur, record people, contact attempts, interventions and agreements — every edit version-checked and
// kept in the edit history, every read and write audited.

import type { Database, Sql } from '../../db/database.ts';
import {
  type AgreementInput,
  agreementsOf,
  contactAttemptsOf,
  type EntryInput,
  editsOf,
  ensureFile,
  findAgreement,
  findEntry,
  findFile,
  findPerson,
  insertAgreement,
  insertContactAttempt,
  insertEdit,
  insertEntry,
  insertPerson,
  insertTrackChange,
  linkEntryToSignal,
  openSignalsOfPupil,
  type PersonInput,
  peopleOf,
  pupilOfSignal,
  timelineOf,
  trackChangesOf,
  tracksOf,
  updateAgreement,
  updateEntry,
  updatePerson,
  updatePivot,
  writeTrackPhase,
} from '../../db/pupil-file.repository.ts';
import {
  CONTACT_CHANNELS,
  FILE_TRACKS,
  INTERVENTION_KINDS,
  interventionKind,
  isFreeKind,
  PERSON_RELATIONS,
} from '../../domain/pupil-file/intervention-kinds.ts';
import { REMINDER_LEAD_DAYS } from '../../domain/pupil-file/reminders.ts';
import {
  CLB_SIGNAL_FIELDS,
  HOSPITAL_RETURN_QUESTIONS,
  SCHOOL_REFUSAL_DEFINITIONS,
} from '../../domain/pupil-file/workflows/index.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { clbSignalDraftOf, resignalDue } from '../clb-inbox/clb-inbox.service.ts';
import { invalidInput, notFound } from '../errors.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../policy/notes.policy.ts';
import { can, requireAccess } from '../policy/policy.ts';
import { type PupilScope, requirePupilAccess } from '../pupil-access.ts';
import { followUpSignal } from '../signals/attention-list.service.ts';
import { conflict, fileVisibility, readableLevels, writableLevels, writerRole } from './file-access.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARENTS = new Set(['parent1', 'parent2', 'plus-parent']);

export interface Page {
  limit?: number;
  offset?: number;
}
const page = (p: Page, fallback = 50) => ({
  limit: Math.min(Math.max(p.limit ?? fallback, 1), 500),
  offset: Math.max(p.offset ?? 0, 0),
});

export function requireDate(value: string, field: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw invalidInput({ nl: `${field}: datum als JJJJ-MM-DD.`, en: `${field}: date as YYYY-MM-DD.` }, { field });
  return value;
}

export function requireText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0 || text.length > max)
    throw invalidInput({ nl: `${field}: 1 tot ${max} tekens.`, en: `${field}: 1 to ${max} characters.` }, { field });
  return text;
}

const optionalText = (value: string | null | undefined, max: number) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text.slice(0, max);
};

function requireLevel(value: string): Confidentiality {
  if (!(CONFIDENTIALITY_LEVELS as readonly string[]).includes(value))
    throw invalidInput({ nl: 'Onbekend vertrouwelijkheidsniveau.', en: 'Unknown confidentiality level.' });
  return value as Confidentiality;
}

/** The whole file as the file page opens it: tracks, spilfiguur, people, contact attempts, agreements. */
export async function getFile(db: Database, actor: Actor, pupilId: number, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  const [file, tracks, changes, people, attempts, agreements, signals, draft, resignal] = await Promise.all([
    findFile(db, pupilId),
    tracksOf(db, pupilId),
    trackChangesOf(db, pupilId),
    peopleOf(db, pupilId, 100, 0),
    contactAttemptsOf(db, pupilId, 50, 0),
    agreementsOf(db, pupilId, null, 50, 0),
    openSignalsOfPupil(db, pupilId),
    clbSignalDraftOf(db, pupilId, today),
    resignalDue(db, pupilId, today),
  ]);
  const parentAttempts = attempts.filter((a) => PARENTS.has(a.relation));
  await recordAudit(db, actor, { action: 'file.read', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return {
    pupil: { ...scope.pupil, schoolId: scope.schoolId, className: scope.className },
    pivot: {
      name: file?.pivotName ?? null,
      role: file?.pivotRole ?? null,
      contact: file?.pivotContact ?? null,
      version: file?.version ?? 0,
    },
    tracks: FILE_TRACKS.map((track) => {
      const row = tracks.find((t) => t.track === track);
      return { track, phase: row?.phase ?? null, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
    }),
    trackChanges: changes,
    people,
    contactAttempts: attempts,
    /** The latest contact attempt with a parent failed: feeds the "parents unreachable" priority. */
    parentsUnreachable: parentAttempts.length > 0 && parentAttempts[0]?.reached === false,
    agreements,
    openSignals: signals,
    /** The CLB signal's answers pre-filled from the register and the file (seed 001:494/498). */
    clbSignalDraft: draft,
    /** The CLB closed the latest CLB signal and new B half-days followed: signal again (CLB_RESIGNAL). */
    clbResignalDue: resignal,
    kinds: INTERVENTION_KINDS,
    clbSignalFields: CLB_SIGNAL_FIELDS,
    reminderLeadDays: REMINDER_LEAD_DAYS,
    hospitalReturnQuestions: HOSPITAL_RETURN_QUESTIONS,
    /** The school-refusal tool's checklists (seed 002) for the guided workflows on the page. */
    schoolRefusal: SCHOOL_REFUSAL_DEFINITIONS,
    permissions: {
      write: can(actor, 'file.write', scope),
      manage: can(actor, 'file.manage', scope),
      /** The phase-1 workflows a class teacher may use too (signals list §1.1, perspectives §1.6). */
      phase1: can(actor, 'file.phase1', scope),
      export: can(actor, 'file.export', scope),
      /** The CLB doctor shares clb-arts entries by consent. */
      consent: can(actor, 'consent.manage', scope),
      /** Letters to the parents (issue 19): the school's care team. */
      letter: can(actor, 'letter.write', scope),
      levels: can(actor, 'file.write', scope) ? writableLevels(actor, scope) : [],
    },
  };
}

const SOURCES = ['register', 'signal', 'entry'] as const;

/** One page of the timeline (newest first): register facts, signals and the entries the actor may read. */
export async function fileTimeline(
  db: Database,
  actor: Actor,
  pupilId: number,
  query: Page & { sources?: readonly string[] },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  const sources = (query.sources?.length ? query.sources : SOURCES).filter((s) =>
    (SOURCES as readonly string[]).includes(s),
  );
  const { limit, offset } = page(query);
  const result = await timelineOf(db, pupilId, {
    ...fileVisibility(actor, scope, today),
    sources,
    limit,
    offset,
  });
  await recordAudit(db, actor, {
    action: 'file.timeline',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
    detail: { limit, offset },
  });
  return { ...result, limit, offset };
}

export async function listAgreements(
  db: Database,
  actor: Actor,
  pupilId: number,
  query: Page & { status?: string },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  const { limit, offset } = page(query);
  const result = await agreementsOf(db, pupilId, query.status ?? null, limit, offset);
  await recordAudit(db, actor, { action: 'file.agreements', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return { ...result, limit, offset };
}

export async function listPeople(db: Database, actor: Actor, pupilId: number, query: Page, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  const { limit, offset } = page(query);
  const result = await peopleOf(db, pupilId, limit, offset);
  await recordAudit(db, actor, { action: 'file.people', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return { ...result, limit, offset };
}

/** The edit history of the file (or of one item), newest first: entries and documents as the timeline shows them. */
export async function listEdits(
  db: Database,
  actor: Actor,
  pupilId: number,
  query: Page & { item?: string; itemId?: string },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const { limit, offset } = page(query);
  const result = await editsOf(
    db,
    pupilId,
    { item: query.item, itemId: query.itemId },
    fileVisibility(actor, scope, today),
    limit,
    offset,
  );
  await recordAudit(db, actor, { action: 'file.history', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return { ...result, limit, offset };
}

async function audit(tx: Sql, actor: Actor, scope: PupilScope, action: string, detail: Record<string, unknown>) {
  await recordAudit(tx, actor, { action, organisationId: scope.schoolId, pupilIds: [scope.pupil.id], detail });
}

/** Moves a track to a phase (0–3) with a reason; the change lands in the phase history. */
export async function setTrackPhase(
  db: Database,
  actor: Actor,
  pupilId: number,
  track: string,
  input: { phase: number; reason: string; version: number },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  if (!(FILE_TRACKS as readonly string[]).includes(track))
    throw invalidInput({ nl: 'Onbekend spoor.', en: 'Unknown track.' });
  if (!Number.isInteger(input.phase) || input.phase < 0 || input.phase > 3)
    throw invalidInput({ nl: 'Een fase is 0, 1, 2 of 3.', en: 'A phase is 0, 1, 2 or 3.' });
  const reason = requireText(input.reason, 'reason', 2000);
  return db.transaction(async (tx) => {
    await ensureFile(tx, pupilId, scope.schoolId);
    const before = (await tracksOf(tx, pupilId)).find((t) => t.track === track);
    const written = await writeTrackPhase(tx, pupilId, track, input.phase, input.version);
    if (!written) throw conflict(before ?? { track, phase: null, version: 0 }, input);
    await insertTrackChange(tx, {
      pupilId,
      track,
      fromPhase: before?.phase ?? null,
      toPhase: input.phase,
      reason,
      by: actor.userId,
    });
    await insertEdit(tx, {
      pupilId,
      item: 'track',
      itemId: track,
      version: written.version,
      before: before ?? null,
      after: { ...written, reason },
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.track', { track, phase: input.phase });
    return written;
  });
}

/** Names the spilfiguur (pivot person): the one who keeps contact and is everyone's point of contact. */
export async function setPivot(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: { name: string; role?: string | null; contact?: string | null; version: number },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const pivot = {
    name: requireText(input.name, 'name', 200),
    role: optionalText(input.role, 200),
    contact: optionalText(input.contact, 500),
  };
  return db.transaction(async (tx) => {
    await ensureFile(tx, pupilId, scope.schoolId);
    const before = await findFile(tx, pupilId);
    const version = input.version === 0 ? (before?.version ?? 1) : input.version;
    if (input.version === 0 && before?.pivotName) throw conflict(before, input);
    const written = await updatePivot(tx, pupilId, version, pivot);
    if (!written) throw conflict(before, input);
    await insertEdit(tx, {
      pupilId,
      item: 'file',
      itemId: pupilId,
      version: written.version,
      before: before ?? null,
      after: written,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.pivot', {});
    return {
      name: written.pivotName,
      role: written.pivotRole,
      contact: written.pivotContact,
      version: written.version,
    };
  });
}

function personInput(input: Partial<Record<keyof PersonInput, string | null>>): PersonInput {
  if (!(PERSON_RELATIONS as readonly string[]).includes(input.relation ?? ''))
    throw invalidInput({ nl: 'Onbekende relatie.', en: 'Unknown relation.' });
  return {
    relation: input.relation as string,
    name: requireText(input.name, 'name', 200),
    phone: optionalText(input.phone, 100),
    email: optionalText(input.email, 200),
    address: optionalText(input.address, 500),
    note: optionalText(input.note, 2000),
  };
}

export async function addPerson(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Partial<Record<keyof PersonInput, string | null>>,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.write', pupilId, today);
  const person = personInput(input);
  return db.transaction(async (tx) => {
    await ensureFile(tx, pupilId, scope.schoolId);
    const row = await insertPerson(tx, pupilId, scope.schoolId, person);
    await insertEdit(tx, {
      pupilId,
      item: 'person',
      itemId: row.id,
      version: 1,
      before: null,
      after: row,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.person', { personId: row.id });
    return row;
  });
}

async function personWithScope(db: Database, actor: Actor, personId: number, action: 'file.write', today: string) {
  const person = await findPerson(db, personId);
  if (!person) throw notFound({ nl: 'Betrokkene', en: 'Person' });
  const scope = await requirePupilAccess(db, actor, action, person.pupilId, today);
  return { person, scope };
}

export async function editPerson(
  db: Database,
  actor: Actor,
  personId: number,
  input: Partial<Record<keyof PersonInput, string | null>> & { version: number },
  today: string,
) {
  const { person, scope } = await personWithScope(db, actor, personId, 'file.write', today);
  const change = personInput(input);
  return db.transaction(async (tx) => {
    const written = await updatePerson(tx, personId, input.version, change);
    if (!written) throw conflict(await findPerson(tx, personId), { ...change, version: input.version });
    await insertEdit(tx, {
      pupilId: person.pupilId,
      item: 'person',
      itemId: personId,
      version: written.version,
      before: person,
      after: written,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.person', { personId });
    return written;
  });
}

/** Logs one attempt to reach a person (reached or not). */
export async function addContactAttempt(
  db: Database,
  actor: Actor,
  personId: number,
  input: { attemptedOn: string; channel: string; reached: boolean; note?: string | null },
  today: string,
) {
  const { person, scope } = await personWithScope(db, actor, personId, 'file.write', today);
  if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel))
    throw invalidInput({ nl: 'Onbekend kanaal.', en: 'Unknown channel.' });
  const attemptedOn = requireDate(input.attemptedOn, 'attemptedOn');
  return db.transaction(async (tx) => {
    const id = await insertContactAttempt(tx, {
      personId,
      pupilId: person.pupilId,
      attemptedOn,
      channel: input.channel,
      reached: input.reached,
      note: optionalText(input.note, 2000),
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.contact-attempt', { personId, reached: input.reached });
    return { id };
  });
}

export interface EntryRequest {
  kind: string;
  occurredOn: string;
  who: string;
  what: string;
  effect?: string | null;
  confidentiality?: string;
  /** Records this entry as the handling of an open signal (from the attention list or the file page). */
  handlesSignal?: { id: number; version: number };
}

function entryInput(input: EntryRequest, options: { workflow?: boolean } = {}): EntryInput {
  if (!interventionKind(input.kind) || (!options.workflow && !isFreeKind(input.kind)))
    throw invalidInput({
      nl: 'Onbekende soort maatregel, of een soort die enkel via zijn stappenplan kan.',
      en: 'Unknown kind of measure, or a kind recorded only through its guided workflow.',
    });
  return {
    kind: input.kind,
    occurredOn: requireDate(input.occurredOn, 'occurredOn'),
    who: requireText(input.who, 'who', 200),
    what: requireText(input.what, 'what', 10_000),
    effect: optionalText(input.effect, 4000),
    confidentiality: requireLevel(input.confidentiality ?? 'school+clb'),
  };
}

/**
 * The handling note a signal gets from the entry that handles it. Signals are read by everyone who follows the
 * school's attention list (school roles and the CLB), so the entry's text is copied only at the shared level
 * school+clb; an entry of any other level leaves a note without its text (decision 0008).
 */
function signalNote(entry: EntryInput): string {
  const kind = interventionKind(entry.kind)?.nl ?? entry.kind;
  if (entry.confidentiality === 'school+clb') return `${kind}: ${entry.what}`.slice(0, 4000);
  return `${kind} (vertrouwelijk, zie het dossier)`;
}

/** Inserts an entry inside a transaction (shared with the workflows); handles a signal when asked. */
export async function writeEntry(
  tx: Database,
  actor: Actor,
  scope: PupilScope,
  entry: EntryInput & { details?: Record<string, unknown> },
  handles?: { id: number; version: number; note?: string },
): Promise<{ id: number; signal?: { id: number; version: number; status: string } }> {
  const role = writerRole(actor, 'file.write', scope, entry.confidentiality);
  await ensureFile(tx, scope.pupil.id, scope.schoolId);
  const id = await insertEntry(tx, {
    ...entry,
    pupilId: scope.pupil.id,
    schoolId: scope.schoolId,
    authorId: actor.userId,
    authorRole: role,
  });
  await insertEdit(tx, {
    pupilId: scope.pupil.id,
    item: 'entry',
    itemId: id,
    version: 1,
    before: null,
    after: entry,
    by: actor.userId,
  });
  await audit(tx, actor, scope, 'file.entry', {
    entryId: id,
    kind: entry.kind,
    confidentiality: entry.confidentiality,
  });
  if (!handles) return { id };
  if ((await pupilOfSignal(tx, handles.id)) !== scope.pupil.id) throw notFound({ nl: 'Signaal', en: 'Signal' });
  const signal = await followUpSignal(
    tx,
    actor,
    handles.id,
    {
      to: 'handled',
      version: handles.version,
      note: handles.note ?? signalNote(entry),
      link: `entry:${id}`,
    },
    entry.kind,
  );
  await linkEntryToSignal(tx, id, handles.id);
  return { id, signal: signal as { id: number; version: number; status: string } };
}

export async function addEntry(db: Database, actor: Actor, pupilId: number, input: EntryRequest, today: string) {
  const scope = await requirePupilAccess(db, actor, 'file.write', pupilId, today);
  const entry = entryInput(input);
  if (input.handlesSignal) requireAccess(actor, 'signal.follow-up', scope);
  return db.transaction((tx) => writeEntry(tx, actor, scope, entry, input.handlesSignal));
}

/**
 * Handles a signal from the attention list by recording what was done as a timeline entry of the pupil's file;
 * the signal's link then points at that entry (`entry:<id>`).
 */
export async function handleSignalWithEntry(
  db: Database,
  actor: Actor,
  signalId: number,
  input: { version: number; note: string; kind?: string; occurredOn?: string },
  today: string,
) {
  const pupilId = await pupilOfSignal(db, signalId);
  if (pupilId === undefined) throw notFound({ nl: 'Signaal', en: 'Signal' });
  const scope = await requirePupilAccess(db, actor, 'signal.follow-up', pupilId, today);
  requireAccess(actor, 'file.write', scope);
  const note = requireText(input.note, 'note', 4000);
  const entry = entryInput({
    kind: input.kind ?? 'other',
    occurredOn: input.occurredOn ?? today,
    who: actor.label,
    what: note,
  });
  return db.transaction((tx) => writeEntry(tx, actor, scope, entry, { id: signalId, version: input.version, note }));
}

export async function editEntry(
  db: Database,
  actor: Actor,
  entryId: number,
  input: EntryRequest & { version: number },
  today: string,
) {
  const before = await findEntry(db, entryId);
  if (!before) throw notFound({ nl: 'Maatregel', en: 'Entry' });
  const scope = await requirePupilAccess(db, actor, 'file.write', before.pupilId, today);
  // An entry one cannot read cannot be edited either (and its existence is not revealed).
  if (!readableLevels(actor, scope).includes(before.confidentiality)) throw notFound({ nl: 'Maatregel', en: 'Entry' });
  const workflow = interventionKind(before.kind)?.workflow === true;
  if (workflow && input.kind !== before.kind)
    throw invalidInput({ nl: 'De soort van een stappenplan blijft.', en: 'A workflow entry keeps its kind.' });
  const change = entryInput(input, { workflow });
  writerRole(actor, 'file.write', scope, change.confidentiality);
  return db.transaction(async (tx) => {
    if (!(await updateEntry(tx, entryId, input.version, change)))
      throw conflict(await findEntry(tx, entryId), { ...change, version: input.version });
    const after = (await findEntry(tx, entryId)) as NonNullable<Awaited<ReturnType<typeof findEntry>>>;
    await insertEdit(tx, {
      pupilId: before.pupilId,
      item: 'entry',
      itemId: entryId,
      version: after.version,
      before,
      after,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.entry', { entryId });
    return after;
  });
}

const STATUSES = ['open', 'done', 'dropped'] as const;

function agreementInput(input: Partial<Record<keyof AgreementInput, string | null>>): AgreementInput {
  const status = input.status ?? 'open';
  if (!(STATUSES as readonly string[]).includes(status))
    throw invalidInput({ nl: 'Onbekende status.', en: 'Unknown status.' });
  const dueOn = requireDate(input.dueOn ?? '', 'dueOn');
  const remindOn = input.remindOn ? requireDate(input.remindOn, 'remindOn') : null;
  if (remindOn !== null && remindOn > dueOn)
    throw invalidInput(
      {
        nl: 'De herinnering valt ten laatste op de vervaldatum.',
        en: 'The reminder falls on the due date at the latest.',
      },
      { field: 'remindOn' },
    );
  return {
    what: requireText(input.what, 'what', 2000),
    who: requireText(input.who, 'who', 200),
    dueOn,
    remindOn,
    checkNote: optionalText(input.checkNote, 2000),
    status: status as AgreementInput['status'],
  };
}

/** An agreement: wat (what), wie (who), wanneer (due date), check (how and when it is checked). */
export async function addAgreement(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Partial<Record<keyof AgreementInput, string | null>> & { entryId?: number | null },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.write', pupilId, today);
  const agreement = agreementInput(input);
  return db.transaction(async (tx) => {
    await ensureFile(tx, pupilId, scope.schoolId);
    if (input.entryId != null && (await findEntry(tx, input.entryId))?.pupilId !== pupilId)
      throw notFound({ nl: 'Maatregel', en: 'Entry' });
    const id = await insertAgreement(tx, {
      ...agreement,
      pupilId,
      schoolId: scope.schoolId,
      entryId: input.entryId ?? null,
      by: actor.userId,
    });
    const row = await findAgreement(tx, id);
    await insertEdit(tx, {
      pupilId,
      item: 'agreement',
      itemId: id,
      version: 1,
      before: null,
      after: row,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.agreement', { agreementId: id });
    return row;
  });
}

/** Edits an agreement at the version the editor saw; a stale version gets 409 with the current agreement. */
export async function editAgreement(
  db: Database,
  actor: Actor,
  agreementId: number,
  input: Partial<Record<keyof AgreementInput, string | null>> & { version: number },
  today: string,
) {
  const before = await findAgreement(db, agreementId);
  if (!before) throw notFound({ nl: 'Afspraak', en: 'Agreement' });
  const scope = await requirePupilAccess(db, actor, 'file.write', before.pupilId, today);
  const change = agreementInput(input);
  return db.transaction(async (tx) => {
    if (!(await updateAgreement(tx, agreementId, input.version, change)))
      throw conflict(await findAgreement(tx, agreementId), { ...change, version: input.version });
    const after = await findAgreement(tx, agreementId);
    await insertEdit(tx, {
      pupilId: before.pupilId,
      item: 'agreement',
      itemId: agreementId,
      version: after?.version ?? input.version + 1,
      before,
      after,
      by: actor.userId,
    });
    await audit(tx, actor, scope, 'file.agreement', { agreementId });
    return after;
  });
}
