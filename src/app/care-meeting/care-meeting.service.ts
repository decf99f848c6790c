// The care meeting (zorgoverleg / cel leerlingenbegeleiding, issue 13; seed 001 l. 480): the school's care team and
// its CLB meet on a date; the agenda is built from the attention list (pupils with open signals, legal items
// first); per pupil what was discussed becomes a timeline entry of the pupil file and the decisions agreements
// (wat / wie / wanneer / check, with reminders); the minutes are a PDF. A school reader never sees a CLB member's
// confidential note: notes are read through the file's one visibility rule.
import PDFDocument from 'pdfkit';
import {
  type Attendee,
  agendaOf,
  agreementsOfEntries,
  findMeeting,
  insertAgendaPupil,
  insertMeeting,
  meetingsOf,
  setDiscussionEntries,
  visibleMeetingNotes,
} from '../../db/care-meeting.repository.ts';
import type { Database } from '../../db/database.ts';
import { findPupil } from '../../db/pupil.repository.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { fileVisibility } from '../pupil-file/file-access.ts';
import { belgianDate } from '../pupil-file/file-export.service.ts';
import { addAgreement, requireDate, requireText, writeEntry } from '../pupil-file/pupil-file.service.ts';
import { activeCatalog } from '../signals/active-catalog.ts';
import { listAttention } from '../signals/attention-list.service.ts';

/** How many pupils the agenda proposal lists (product default: what one meeting can discuss). */
export const AGENDA_PROPOSAL_SIZE = 20;
/** At most this many pupils on one meeting's agenda. */
const MAX_AGENDA = 60;
const MAX_ATTENDEES = 40;

function ruleTitles(): Map<string, string> {
  return new Map(activeCatalog().rules.map((r) => [r.id, r.title.nl]));
}

/** Pupils with open signals in attention-list order (legal items first), as a proposal for the agenda. */
export async function agendaProposal(db: Database, actor: Actor, schoolId: number, today: string) {
  requireAccess(actor, 'care-meeting.read', { schoolId });
  const list = await listAttention(
    db,
    actor,
    { schoolId, group: 'pupil', status: 'open', limit: AGENDA_PROPOSAL_SIZE },
    today,
  );
  const titles = ruleTitles();
  const pupils = (list.groups ?? []).map((g) => ({
    pupilId: g.pupil.id,
    externalId: g.pupil.externalId,
    firstName: g.pupil.firstName,
    lastName: g.pupil.lastName,
    className: g.pupil.className,
    legal: g.legal,
    reasons: g.signals.map((s) => ({ ruleId: s.ruleId, title: titles.get(s.ruleId) ?? s.ruleId })),
  }));
  await recordAudit(db, actor, {
    action: 'care-meeting.proposal',
    organisationId: schoolId,
    pupilIds: pupils.map((p) => p.pupilId),
  });
  return { total: list.total, pupils };
}

export interface MeetingRequest {
  heldOn: string;
  title?: string;
  attendees: Attendee[];
  /** The pupils to discuss, in the order chosen; legal items are put first. */
  pupilIds: number[];
}

/** Plans a meeting with its agenda; each pupil's open signals are recorded as the reason it is on the agenda. */
export async function createMeeting(
  db: Database,
  actor: Actor,
  schoolId: number,
  input: MeetingRequest,
  today: string,
) {
  requireAccess(actor, 'care-meeting.manage', { schoolId });
  const heldOn = requireDate(input.heldOn, 'heldOn');
  const title = input.title?.trim() ? requireText(input.title, 'title', 200) : 'Zorgoverleg';
  if (input.attendees.length === 0 || input.attendees.length > MAX_ATTENDEES)
    throw invalidInput(
      { nl: `Vul 1 tot ${MAX_ATTENDEES} deelnemers in.`, en: `Fill in 1 to ${MAX_ATTENDEES} attendees.` },
      { field: 'attendees' },
    );
  const attendees = input.attendees.map((a) => ({
    name: requireText(a.name, 'attendees.name', 200),
    role: a.role?.trim().slice(0, 100) ?? '',
    side: a.side === 'clb' ? ('clb' as const) : ('school' as const),
  }));
  const pupilIds = [...new Set(input.pupilIds)];
  if (pupilIds.length === 0 || pupilIds.length > MAX_AGENDA)
    throw invalidInput(
      { nl: `Zet 1 tot ${MAX_AGENDA} leerlingen op de agenda.`, en: `Put 1 to ${MAX_AGENDA} pupils on the agenda.` },
      { field: 'pupilIds' },
    );
  for (const pupilId of pupilIds)
    if ((await findPupil(db, pupilId))?.schoolId !== schoolId)
      throw invalidInput(
        {
          nl: 'Een leerling van de agenda hoort niet bij deze school.',
          en: 'A pupil on the agenda is not of this school.',
        },
        { field: 'pupilIds' },
      );
  // The reasons: each pupil's open signals, and whether one is binding by law (then the pupil comes first).
  const open = await listAttention(db, actor, { schoolId, group: 'pupil', status: 'open', limit: 500 }, today);
  const reasons = new Map((open.groups ?? []).map((g) => [g.pupil.id, g]));
  const ordered = pupilIds
    .map((pupilId, index) => ({ pupilId, index, legal: reasons.get(pupilId)?.legal ?? false }))
    .sort((a, b) => Number(b.legal) - Number(a.legal) || a.index - b.index);
  return db.transaction(async (tx) => {
    const id = await insertMeeting(tx, { schoolId, heldOn, title, attendees, by: actor.userId });
    for (const [position, item] of ordered.entries())
      await insertAgendaPupil(tx, {
        meetingId: id,
        pupilId: item.pupilId,
        position: position + 1,
        legal: item.legal,
        ruleIds: reasons.get(item.pupilId)?.signals.map((s) => s.ruleId) ?? [],
      });
    await recordAudit(tx, actor, {
      action: 'care-meeting.create',
      organisationId: schoolId,
      pupilIds: ordered.map((o) => o.pupilId),
      detail: { meetingId: id },
    });
    return { id };
  });
}

export async function listMeetings(
  db: Database,
  actor: Actor,
  schoolId: number,
  page: { limit?: number; offset?: number },
) {
  requireAccess(actor, 'care-meeting.read', { schoolId });
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  return { items: await meetingsOf(db, schoolId, limit, Math.max(page.offset ?? 0, 0)) };
}

async function meetingFor(
  db: Database,
  actor: Actor,
  meetingId: number,
  action: 'care-meeting.read' | 'care-meeting.manage',
) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw notFound({ nl: 'Zorgoverleg', en: 'Care meeting' });
  requireAccess(actor, action, { schoolId: meeting.schoolId });
  return meeting;
}

/** The meeting with its agenda, per pupil the notes the reader may see and the agreements decided. */
export async function getMeeting(db: Database, actor: Actor, meetingId: number, today: string) {
  const meeting = await meetingFor(db, actor, meetingId, 'care-meeting.read');
  const agenda = await agendaOf(db, meetingId, schoolYearOf(meeting.heldOn).id);
  const entryIds = agenda.flatMap((a) => [a.sharedEntryId, a.clbEntryId]).filter((id): id is number => id !== null);
  const visibility = fileVisibility(actor, { schoolId: meeting.schoolId }, today);
  const [notes, agreements] = await Promise.all([
    visibleMeetingNotes(db, entryIds, visibility),
    agreementsOfEntries(
      db,
      agenda.map((a) => a.sharedEntryId).filter((id): id is number => id !== null),
    ),
  ]);
  const titles = ruleTitles();
  await recordAudit(db, actor, {
    action: 'care-meeting.read',
    organisationId: meeting.schoolId,
    pupilIds: agenda.map((a) => a.pupilId),
    detail: { meetingId },
  });
  return {
    ...meeting,
    agenda: agenda.map((a) => ({
      pupilId: a.pupilId,
      externalId: a.externalId,
      firstName: a.firstName,
      lastName: a.lastName,
      className: a.className,
      position: a.position,
      legal: a.legal,
      reasons: a.ruleIds.map((ruleId) => ({ ruleId, title: titles.get(ruleId) ?? ruleId })),
      discussed: a.sharedEntryId !== null,
      notes: notes
        .filter((n) => n.id === a.sharedEntryId || n.id === a.clbEntryId)
        .map((n) => ({ text: n.what, confidentiality: n.confidentiality })),
      agreements: agreements
        .filter((g) => g.entryId === a.sharedEntryId)
        .map(({ id, what, who, dueOn, remindOn, checkNote, status }) => ({
          id,
          what,
          who,
          dueOn,
          remindOn,
          checkNote,
          status,
        })),
    })),
  };
}

export interface DecisionRequest {
  /** What was discussed, for everyone who follows the pupil (school and CLB: level school+clb). */
  note: string;
  /** A CLB member's confidential note (level clb): never shown to school roles. */
  clbNote?: string | null;
  agreements: { what: string; who: string; dueOn: string; remindOn?: string | null; checkNote?: string | null }[];
}

/** Records what was discussed about one pupil of the agenda and turns the decisions into agreements of the file. */
/** The access checks of recording decisions (the meeting, then the pupil's file), run before the body is read. */
export async function requireDecisionAccess(
  db: Database,
  actor: Actor,
  meetingId: number,
  pupilId: number,
  today: string,
): Promise<void> {
  await meetingFor(db, actor, meetingId, 'care-meeting.manage');
  await requirePupilAccess(db, actor, 'file.write', pupilId, today);
}

export async function recordDecisions(
  db: Database,
  actor: Actor,
  meetingId: number,
  pupilId: number,
  input: DecisionRequest,
  today: string,
) {
  const meeting = await meetingFor(db, actor, meetingId, 'care-meeting.manage');
  const onAgenda = (await agendaOf(db, meetingId, schoolYearOf(meeting.heldOn).id)).find((a) => a.pupilId === pupilId);
  if (!onAgenda) throw notFound({ nl: 'Leerling op de agenda', en: 'Pupil on the agenda' });
  const scope = await requirePupilAccess(db, actor, 'file.write', pupilId, today);
  const note = requireText(input.note, 'note', 10_000);
  const clbNote = input.clbNote?.trim() ? requireText(input.clbNote, 'clbNote', 10_000) : null;
  const who =
    meeting.attendees
      .map((a) => a.name)
      .join(', ')
      .slice(0, 200) || actor.label;
  const heading = `${meeting.title} van ${belgianDate(meeting.heldOn)}`;
  return db.transaction(async (tx) => {
    const shared = await writeEntry(tx, actor, scope, {
      kind: 'care-meeting',
      occurredOn: meeting.heldOn,
      who,
      what: `${heading}: ${note}`,
      effect: null,
      confidentiality: 'school+clb',
      details: { careMeetingId: meetingId },
    });
    const clb = clbNote
      ? await writeEntry(tx, actor, scope, {
          kind: 'care-meeting',
          occurredOn: meeting.heldOn,
          who,
          what: `${heading} (CLB): ${clbNote}`,
          effect: null,
          confidentiality: 'clb',
          details: { careMeetingId: meetingId },
        })
      : null;
    if (!(await setDiscussionEntries(tx, meetingId, pupilId, shared.id, clb?.id ?? null)))
      throw new AppError(409, 'conflict', {
        nl: 'Voor deze leerling is dit overleg al vastgelegd.',
        en: 'This meeting was already recorded for this pupil.',
      });
    const agreements = [];
    for (const a of input.agreements)
      agreements.push(await addAgreement(tx, actor, pupilId, { ...a, status: 'open', entryId: shared.id }, today));
    return { entryId: shared.id, clbEntryId: clb?.id ?? null, agreements: agreements.map((a) => a?.id) };
  });
}

/** The minutes as the reader may see them, as a Dutch PDF (pdfkit, standard fonts: extractable text). */
export async function meetingMinutesPdf(db: Database, actor: Actor, meetingId: number, today: string) {
  const meeting = await getMeeting(db, actor, meetingId, today);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${meeting.title} ${meeting.heldOn}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = (text: string) => doc.font('Helvetica').fontSize(10).text(text);
  doc.font('Helvetica-Bold').fontSize(18).text(`Verslag: ${meeting.title}`);
  line(
    `${meeting.schoolName} · ${belgianDate(meeting.heldOn)} · afgedrukt op ${belgianDate(today)} door ${actor.label}`,
  );
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text('Aanwezig');
  for (const side of ['school', 'clb'] as const) {
    const names = meeting.attendees.filter((a) => a.side === side);
    if (names.length > 0)
      line(
        `${side === 'school' ? 'School' : 'CLB'}: ${names.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ')}`,
      );
  }
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text('Besproken leerlingen');
  for (const pupil of meeting.agenda) {
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(
        `${pupil.position}. ${pupil.firstName} ${pupil.lastName} (klas ${pupil.className ?? '-'})${pupil.legal ? ' · wettelijke verplichting' : ''}`,
      );
    if (pupil.reasons.length > 0) line(`Signalen: ${pupil.reasons.map((r) => r.title).join('; ')}`);
    if (!pupil.discussed) line('Niet besproken.');
    for (const note of pupil.notes)
      line(note.confidentiality === 'clb' ? `Vertrouwelijk (CLB): ${note.text}` : note.text);
    if (pupil.agreements.length > 0) {
      doc.font('Helvetica-Bold').fontSize(10).text('Afspraken (wat / wie / wanneer / check)');
      for (const a of pupil.agreements)
        line(
          `- ${a.what} · ${a.who} · tegen ${belgianDate(a.dueOn)}${a.remindOn ? ` · herinnering ${belgianDate(a.remindOn)}` : ''}${a.checkNote ? ` · check: ${a.checkNote}` : ''}`,
        );
    }
  }
  doc.end();
  return { meeting, pdf: await done };
}
