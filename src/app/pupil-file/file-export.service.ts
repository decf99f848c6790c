// Exports of the pupil file — JSON and a Dutch PDF listing the measures and their dates — for the verifier,
// a referral to the CLB or a warm handover. Only what the exporting user may read is exported; audited.

import PDFDocument from 'pdfkit';
import type { Database } from '../../db/database.ts';
import { organisationName } from '../../db/organisation.repository.ts';
import {
  agreementsOf,
  contactAttemptsOf,
  findFile,
  peopleOf,
  timelineOf,
  trackChangesOf,
  tracksOf,
} from '../../db/pupil-file.repository.ts';
import { EVENT_KIND_LABELS, labelOf, RELATION_LABELS, STATUS_LABELS, TRACK_LABELS } from '../../domain/labels.ts';
import { FILE_TRACKS } from '../../domain/pupil-file/intervention-kinds.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { activeCatalog } from '../signals/active-catalog.ts';
import { documentLine, exportedDocuments } from './documents.service.ts';
import { fileVisibility } from './file-access.ts';

/** Hard cap per export: a file with more entries than this is exported in its newest part (and says so). */
const MAX_EXPORTED = 20_000;

export async function exportFileJson(db: Database, actor: Actor, pupilId: number, today: string, format = 'json') {
  const scope = await requirePupilAccess(db, actor, 'file.export', pupilId, today);
  const visibility = fileVisibility(actor, scope, today);
  const [file, tracks, trackChanges, people, contactAttempts, agreements, timeline, school] = await Promise.all([
    findFile(db, pupilId),
    tracksOf(db, pupilId),
    trackChangesOf(db, pupilId),
    peopleOf(db, pupilId, 1000, 0),
    contactAttemptsOf(db, pupilId, 5000, 0),
    agreementsOf(db, pupilId, null, 5000, 0),
    timelineOf(db, pupilId, {
      ...visibility,
      sources: ['entry', 'signal'],
      limit: MAX_EXPORTED,
      offset: 0,
    }),
    organisationName(db, scope.schoolId),
  ]);
  const documents = await exportedDocuments(db, pupilId, visibility);
  await recordAudit(db, actor, {
    action: 'file.export',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
    detail: { format, entries: timeline.items.length },
  });
  const rules = new Map(activeCatalog().rules.map((r) => [r.id, r.title]));
  return {
    generatedOn: today,
    generatedBy: actor.label,
    school: { id: scope.schoolId, name: school },
    pupil: { ...scope.pupil, className: scope.className },
    pivot: { name: file?.pivotName ?? null, role: file?.pivotRole ?? null, contact: file?.pivotContact ?? null },
    tracks: FILE_TRACKS.map((track) => ({ track, phase: tracks.find((t) => t.track === track)?.phase ?? null })),
    trackChanges,
    people: people.items,
    contactAttempts,
    agreements: agreements.items,
    documents,
    measures: timeline.items
      .filter((i) => i.source === 'entry')
      .map((i) => ({
        id: Number(i.id),
        date: i.date,
        kind: i.kind,
        kindLabel: labelOf(EVENT_KIND_LABELS, i.kind),
        who: i.who,
        what: i.what,
        effect: i.effect,
        confidentiality: i.confidentiality,
        handledSignal: i.link,
        details: i.details,
      })),
    signals: timeline.items
      .filter((i) => i.source === 'signal')
      .map((i) => ({
        id: Number(i.id),
        date: i.date,
        ruleId: i.kind,
        title: rules.get(i.kind)?.nl ?? i.kind,
        status: i.status,
        handledNote: i.effect,
        link: i.link,
      })),
    truncated: timeline.total > MAX_EXPORTED,
  };
}

export type FileExport = Awaited<ReturnType<typeof exportFileJson>>;

/** A civil date as Belgian readers write it: 09/03/2026. */
export const belgianDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const PHASES = [
  '0 brede basiszorg',
  '1 verhoogde zorg',
  '2 uitbreiding van zorg',
  '3 individueel aangepast curriculum',
];
/** Renders the export as a Dutch PDF (pdfkit, standard Helvetica: WinAnsi covers Dutch accents). */
export function renderFilePdf(data: FileExport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Leerlingendossier ${data.pupil.lastName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
  const line = (text: string) => doc.font('Helvetica').fontSize(10).text(text);
  const none = () => doc.font('Helvetica-Oblique').fontSize(10).text('Geen.');

  doc.font('Helvetica-Bold').fontSize(18).text(`Leerlingendossier: ${data.pupil.firstName} ${data.pupil.lastName}`);
  line(`${data.school.name} · leerlingnummer ${data.pupil.externalId} · klas ${data.pupil.className ?? '-'}`);
  line(
    `Geboortedatum ${belgianDate(data.pupil.birthDate)} · afgedrukt op ${belgianDate(data.generatedOn)} door ${data.generatedBy}`,
  );

  heading('Fasen van het zorgcontinuüm');
  for (const t of data.tracks)
    line(`${labelOf(TRACK_LABELS, t.track)}: ${t.phase === null ? 'niet gestart' : `fase ${PHASES[t.phase]}`}`);
  for (const c of data.trackChanges)
    line(
      `  ${belgianDate(c.changedAt.slice(0, 10))}: ${labelOf(TRACK_LABELS, c.track)} van fase ${c.fromPhase ?? '-'} naar ${c.toPhase} door ${c.changedBy ?? '-'} — ${c.reason}`,
    );

  heading('Spilfiguur');
  if (data.pivot.name)
    line(
      `${data.pivot.name}${data.pivot.role ? ` (${data.pivot.role})` : ''}${data.pivot.contact ? ` · ${data.pivot.contact}` : ''}`,
    );
  else none();

  heading('Betrokkenen');
  if (data.people.length === 0) none();
  for (const p of data.people)
    line(
      `${labelOf(RELATION_LABELS, p.relation)}: ${p.name}${[p.phone, p.email, p.address]
        .filter(Boolean)
        .map((x) => ` · ${x}`)
        .join('')}`,
    );
  if (data.contactAttempts.length > 0) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text('Contactpogingen');
    for (const a of data.contactAttempts)
      line(
        `${belgianDate(a.attemptedOn)} ${a.personName} via ${a.channel}: ${a.reached ? 'bereikt' : 'niet bereikt'}${a.note ? ` — ${a.note}` : ''}`,
      );
  }

  heading('Begeleidende maatregelen');
  if (data.measures.length === 0) none();
  for (const m of data.measures) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${belgianDate(m.date)} · ${m.kindLabel} · ${m.who ?? ''}`);
    line(m.what ?? '');
    if (m.effect) line(`Effect: ${m.effect}`);
    doc.moveDown(0.3);
  }

  heading('Afspraken (wat / wie / wanneer / check)');
  if (data.agreements.length === 0) none();
  for (const a of data.agreements)
    line(
      `${a.what} · ${a.who} · tegen ${belgianDate(a.dueOn)} · ${labelOf(STATUS_LABELS, a.status)}${a.checkNote ? ` · check: ${a.checkNote}` : ''}`,
    );

  heading('Documenten');
  if (data.documents.length === 0) none();
  for (const d of data.documents) line(documentLine(d));

  heading('Signalen');
  if (data.signals.length === 0) none();
  for (const s of data.signals)
    line(
      `${belgianDate(s.date)} ${s.title}: ${labelOf(STATUS_LABELS, s.status ?? '')}${s.handledNote ? ` — ${s.handledNote}` : ''}`,
    );
  if (data.truncated) line('Dit dossier is langer: enkel de recentste maatregelen staan in deze export.');
  doc.end();
  return done;
}

export async function exportFilePdf(db: Database, actor: Actor, pupilId: number, today: string) {
  const data = await exportFileJson(db, actor, pupilId, today, 'pdf');
  return { data, pdf: await renderFilePdf(data) };
}
