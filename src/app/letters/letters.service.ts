// Letters to parents (issue 19): a PDF or DOCX from the school's template (or the default), filled in from what the
// app knows (the register's B and L half-days in a period, the parents in the file), and recorded in the pupil
// file's timeline as a contact with the parents (kind parents-letter, audited like every entry).
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Database } from '../../db/database.ts';
import {
  deleteLetterTemplate,
  halfDaysWithCodes,
  letterTemplatesOf,
  writeLetterTemplate,
} from '../../db/letter.repository.ts';
import { organisationName } from '../../db/organisation.repository.ts';
import { peopleOf } from '../../db/pupil-file.repository.ts';
import { safeFileName } from '../../domain/download-name.ts';
import {
  fillLetter,
  halfDayList,
  isLetterKind,
  LETTER_DEFAULTS,
  LETTER_FORMATS,
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  type LetterFormat,
  type LetterKind,
  type LetterValues,
  unknownPlaceholders,
} from '../../domain/letters/letters.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { invalidInput, notFound } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { conflict } from '../pupil-file/file-access.ts';
import { belgianDate } from '../pupil-file/file-export.service.ts';
import { requireDate, requireText, writeEntry } from '../pupil-file/pupil-file.service.ts';

const PARENT_RELATIONS = ['parent1', 'parent2', 'plus-parent'];

function requireKind(kind: string): LetterKind {
  if (!isLetterKind(kind)) throw notFound({ nl: 'Soort brief', en: 'Kind of letter' });
  return kind;
}

/** The school's templates, each its own text or the default, with the placeholders a text may use. */
export async function listLetterTemplates(db: Database, actor: Actor, schoolId: number) {
  requireAccess(actor, 'letter.template', { schoolId });
  const own = new Map((await letterTemplatesOf(db, schoolId)).map((t) => [t.kind, t]));
  return {
    placeholders: Object.entries(LETTER_PLACEHOLDERS).map(([name, description]) => ({ name, description })),
    templates: LETTER_KINDS.map((kind) => {
      const stored = own.get(kind);
      const fallback = LETTER_DEFAULTS[kind];
      return {
        kind,
        label: fallback.nl,
        source: fallback.source,
        subject: stored?.subject ?? fallback.subject,
        body: stored?.body ?? fallback.body,
        isDefault: stored === undefined,
        version: stored?.version ?? 0,
        defaultSubject: fallback.subject,
        defaultBody: fallback.body,
      };
    }),
  };
}

/** Saves the school's own text of one letter at the version the editor saw (0 when it showed the default). */
export async function saveLetterTemplate(
  db: Database,
  actor: Actor,
  schoolId: number,
  kindText: string,
  input: { subject: string; body: string; version: number },
) {
  requireAccess(actor, 'letter.template', { schoolId });
  const kind = requireKind(kindText);
  const text = { subject: requireText(input.subject, 'subject', 300), body: requireText(input.body, 'body', 20_000) };
  const unknown = unknownPlaceholders(`${text.subject}\n${text.body}`);
  if (unknown.length > 0)
    throw invalidInput(
      {
        nl: `Onbekende invulvelden: ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
        en: `Unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
      },
      { field: 'body' },
    );
  await db.transaction(async (tx) => {
    if (!(await writeLetterTemplate(tx, schoolId, kind, text, input.version, actor.userId)))
      throw conflict((await letterTemplatesOf(tx, schoolId)).find((t) => t.kind === kind) ?? null, input);
    await recordAudit(tx, actor, { action: 'letter.template', organisationId: schoolId, detail: { kind } });
  });
  return listLetterTemplates(db, actor, schoolId);
}

/** Puts back the default text of one letter. */
export async function resetLetterTemplate(db: Database, actor: Actor, schoolId: number, kindText: string) {
  requireAccess(actor, 'letter.template', { schoolId });
  const kind = requireKind(kindText);
  await db.transaction(async (tx) => {
    await deleteLetterTemplate(tx, schoolId, kind);
    await recordAudit(tx, actor, {
      action: 'letter.template',
      organisationId: schoolId,
      detail: { kind, reset: true },
    });
  });
  return listLetterTemplates(db, actor, schoolId);
}

export interface LetterRequest {
  kind: string;
  format: string;
  /** The period the letter counts half-days in; default from the start of the school year to today. */
  from?: string;
  until?: string;
  /** For an invitation: when and where. */
  meetingAt?: string;
  meetingPlace?: string;
}

export interface GeneratedLetter {
  entryId: number;
  fileName: string;
  contentType: string;
  content: Buffer;
  subject: string;
  text: string;
}

const CONTENT_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Renders the letter and records it in the pupil file as a contact with the parents, in one transaction. */
export async function generateLetter(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: LetterRequest,
  today: string,
): Promise<GeneratedLetter> {
  const scope = await requirePupilAccess(db, actor, 'letter.write', pupilId, today);
  const kind = requireKind(input.kind);
  if (!(LETTER_FORMATS as readonly string[]).includes(input.format))
    throw invalidInput({ nl: 'Kies PDF of DOCX.', en: 'Choose PDF or DOCX.' }, { field: 'format' });
  const format = input.format as LetterFormat;
  const from = input.from ? requireDate(input.from, 'from') : schoolYearOf(today).firstDay;
  const until = input.until ? requireDate(input.until, 'until') : today;
  if (from > until)
    throw invalidInput(
      { nl: 'Het begin van de periode valt na het einde.', en: 'The period starts after it ends.' },
      { field: 'from' },
    );
  if (kind === 'invitation' && !input.meetingAt?.trim())
    throw invalidInput(
      { nl: 'Vul dag en uur van het gesprek in.', en: 'Fill in the day and time of the meeting.' },
      { field: 'meetingAt' },
    );
  const [templates, school, people, bDays, lateDays] = await Promise.all([
    letterTemplatesOf(db, scope.schoolId),
    organisationName(db, scope.schoolId),
    peopleOf(db, pupilId, 100, 0),
    halfDaysWithCodes(db, pupilId, ['B'], from, until),
    halfDaysWithCodes(db, pupilId, ['L'], from, until),
  ]);
  const template = templates.find((t) => t.kind === kind) ?? LETTER_DEFAULTS[kind];
  const parents = people.items.filter((p) => PARENT_RELATIONS.includes(p.relation)).map((p) => p.name);
  const values: LetterValues = {
    voornaam: scope.pupil.firstName,
    naam: `${scope.pupil.firstName} ${scope.pupil.lastName}`,
    klas: scope.className ?? '-',
    school: school ?? '',
    datum: belgianDate(today),
    ouders: parents.length > 0 ? `Beste ${parents.join(' en ')}` : 'Beste ouders',
    ondertekenaar: actor.label,
    periode_van: belgianDate(from),
    periode_tot: belgianDate(until),
    aantal_b: String(bDays.length),
    data_b: halfDayList(bDays),
    aantal_te_laat: String(lateDays.length),
    data_te_laat: halfDayList(lateDays),
    gesprek_moment: input.meetingAt?.trim().slice(0, 200) || '-',
    gesprek_plaats: input.meetingPlace?.trim().slice(0, 200) || 'op school',
  };
  const subject = fillLetter(template.subject, values);
  const text = fillLetter(template.body, values);
  const letter = { school: values.school, date: values.datum, subject, text };
  const content = format === 'pdf' ? await renderLetterPdf(letter) : await renderLetterDocx(letter);
  const label = LETTER_DEFAULTS[kind].nl;
  const entry = await db.transaction((tx) =>
    writeEntry(tx, actor, scope, {
      kind: 'parents-letter',
      occurredOn: today,
      who: actor.label,
      what: `Brief aan de ouders: ${label} (${format.toUpperCase()}).`,
      effect: null,
      confidentiality: 'school+clb',
      details: {
        letter: kind,
        format,
        period: { from, until },
        counts: { b: bDays.length, late: lateDays.length },
      },
    }),
  );
  return {
    entryId: entry.id,
    fileName: safeFileName(`brief-${kind}-${scope.pupil.externalId}-${today}.${format}`),
    contentType: CONTENT_TYPES[format],
    content,
    subject,
    text,
  };
}

interface LetterContent {
  school: string;
  date: string;
  subject: string;
  text: string;
}

/** One A4 letter: school and date at the top, the subject in bold, the text (pdfkit, Helvetica: WinAnsi). */
function renderLetterPdf(letter: LetterContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: letter.subject } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(12).text(letter.school);
  doc.font('Helvetica').fontSize(10).text(letter.date, { align: 'right' }).moveDown(2);
  doc.font('Helvetica-Bold').fontSize(12).text(letter.subject).moveDown(1);
  doc.font('Helvetica').fontSize(11).text(letter.text, { lineGap: 2 });
  doc.end();
  return done;
}

function renderLetterDocx(letter: LetterContent): Promise<Buffer> {
  const paragraphs = letter.text
    .split('\n')
    .map((line) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: line, size: 22 })] }));
  const doc = new Document({
    title: letter.subject,
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: letter.school, bold: true, size: 24 })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: letter.date, size: 20 })] }),
          new Paragraph({
            spacing: { before: 400, after: 200 },
            children: [new TextRun({ text: letter.subject, bold: true, size: 24 })],
          }),
          ...paragraphs,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
