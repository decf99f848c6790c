// The pupil file's tables: file (spilfiguur), tracks and phase history, people and contact attempts, entries,
// agreements, edit history, and the one timeline that mixes register facts, signals and entries.
import type { Sql } from './database.ts';
import { sharedByConsent, type Visibility, visibilityValues, visibleItem } from './file-visibility.sql.ts';

const TS = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface FileRow {
  pupilId: number;
  schoolId: number;
  pivotName: string | null;
  pivotRole: string | null;
  pivotContact: string | null;
  version: number;
  updatedAt: string;
}

const FILE_COLUMNS = `pupil_id::int AS "pupilId", school_id::int AS "schoolId", pivot_name AS "pivotName",
  pivot_role AS "pivotRole", pivot_contact AS "pivotContact", version, ${TS('updated_at')} AS "updatedAt"`;

export async function findFile(db: Sql, pupilId: number): Promise<FileRow | undefined> {
  const rows = await db.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM pupil_file WHERE pupil_id = $1`, [pupilId]);
  return rows[0];
}

/** Creates the file on first use; a no-op when it exists. */
export async function ensureFile(db: Sql, pupilId: number, schoolId: number): Promise<void> {
  await db.query(`INSERT INTO pupil_file (pupil_id, school_id) VALUES ($1, $2) ON CONFLICT (pupil_id) DO NOTHING`, [
    pupilId,
    schoolId,
  ]);
}

export async function updatePivot(
  db: Sql,
  pupilId: number,
  version: number,
  pivot: { name: string | null; role: string | null; contact: string | null },
): Promise<FileRow | undefined> {
  const rows = await db.query<FileRow>(
    `UPDATE pupil_file SET pivot_name = $3, pivot_role = $4, pivot_contact = $5, version = version + 1,
            updated_at = now()
     WHERE pupil_id = $1 AND version = $2 RETURNING ${FILE_COLUMNS}`,
    [pupilId, version, pivot.name, pivot.role, pivot.contact],
  );
  return rows[0];
}

export interface TrackRow {
  track: string;
  phase: number;
  version: number;
  updatedAt: string;
}

export async function tracksOf(db: Sql, pupilId: number): Promise<TrackRow[]> {
  return db.query<TrackRow>(
    `SELECT track, phase::int AS phase, version, ${TS('updated_at')} AS "updatedAt"
     FROM file_track WHERE pupil_id = $1 ORDER BY track`,
    [pupilId],
  );
}

/** Sets a track's phase: insert when version is 0 (no track yet), else update at that version. */
export async function writeTrackPhase(
  db: Sql,
  pupilId: number,
  track: string,
  phase: number,
  version: number,
): Promise<TrackRow | undefined> {
  const rows =
    version === 0
      ? await db.query<TrackRow>(
          `INSERT INTO file_track (pupil_id, track, phase) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
           RETURNING track, phase::int AS phase, version, ${TS('updated_at')} AS "updatedAt"`,
          [pupilId, track, phase],
        )
      : await db.query<TrackRow>(
          `UPDATE file_track SET phase = $3, version = version + 1, updated_at = now()
           WHERE pupil_id = $1 AND track = $2 AND version = $4
           RETURNING track, phase::int AS phase, version, ${TS('updated_at')} AS "updatedAt"`,
          [pupilId, track, phase, version],
        );
  return rows[0];
}

export interface TrackChangeRow {
  id: number;
  track: string;
  fromPhase: number | null;
  toPhase: number;
  reason: string;
  changedBy: string | null;
  changedAt: string;
}

export async function insertTrackChange(
  db: Sql,
  change: {
    pupilId: number;
    track: string;
    fromPhase: number | null;
    toPhase: number;
    reason: string;
    by: number | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO file_track_change (pupil_id, track, from_phase, to_phase, reason, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.pupilId, change.track, change.fromPhase, change.toPhase, change.reason, change.by],
  );
}

export async function trackChangesOf(db: Sql, pupilId: number): Promise<TrackChangeRow[]> {
  return db.query<TrackChangeRow>(
    `SELECT c.id::int AS id, c.track, c.from_phase::int AS "fromPhase", c.to_phase::int AS "toPhase", c.reason,
            u.display_name AS "changedBy", ${TS('c.changed_at')} AS "changedAt"
     FROM file_track_change c LEFT JOIN app_user u ON u.id = c.changed_by
     WHERE c.pupil_id = $1 ORDER BY c.changed_at DESC, c.id DESC`,
    [pupilId],
  );
}

export interface PersonRow {
  id: number;
  pupilId: number;
  schoolId: number;
  relation: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
  version: number;
}

export type PersonInput = Pick<PersonRow, 'relation' | 'name' | 'phone' | 'email' | 'address' | 'note'>;

const PERSON_COLUMNS = `id::int AS id, pupil_id::int AS "pupilId", school_id::int AS "schoolId", relation, name,
  phone, email, address, note, version`;

export async function peopleOf(db: Sql, pupilId: number, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM file_person WHERE pupil_id = $1 ORDER BY id LIMIT $2 OFFSET $3`,
      [pupilId, limit, offset],
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_person WHERE pupil_id = $1', [pupilId]),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findPerson(db: Sql, id: number): Promise<PersonRow | undefined> {
  return (await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM file_person WHERE id = $1`, [id]))[0];
}

export async function insertPerson(db: Sql, pupilId: number, schoolId: number, p: PersonInput): Promise<PersonRow> {
  const rows = await db.query<PersonRow>(
    `INSERT INTO file_person (pupil_id, school_id, relation, name, phone, email, address, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${PERSON_COLUMNS}`,
    [pupilId, schoolId, p.relation, p.name, p.phone, p.email, p.address, p.note],
  );
  return rows[0] as PersonRow;
}

export async function updatePerson(db: Sql, id: number, version: number, p: PersonInput) {
  const rows = await db.query<PersonRow>(
    `UPDATE file_person SET relation = $3, name = $4, phone = $5, email = $6, address = $7, note = $8,
            version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${PERSON_COLUMNS}`,
    [id, version, p.relation, p.name, p.phone, p.email, p.address, p.note],
  );
  return rows[0];
}

export interface ContactAttemptRow {
  id: number;
  personId: number;
  personName: string;
  relation: string;
  attemptedOn: string;
  channel: string;
  reached: boolean;
  note: string | null;
  recordedBy: string | null;
}

export async function insertContactAttempt(
  db: Sql,
  a: {
    personId: number;
    pupilId: number;
    attemptedOn: string;
    channel: string;
    reached: boolean;
    note: string | null;
    by: number | null;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_contact_attempt (person_id, pupil_id, attempted_on, channel, reached, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
    [a.personId, a.pupilId, a.attemptedOn, a.channel, a.reached, a.note, a.by],
  );
  return (rows[0] as { id: number }).id;
}

export async function contactAttemptsOf(db: Sql, pupilId: number, limit = 1000, offset = 0) {
  return db.query<ContactAttemptRow>(
    `SELECT a.id::int AS id, a.person_id::int AS "personId", p.name AS "personName", p.relation,
            a.attempted_on AS "attemptedOn", a.channel, a.reached, a.note, u.display_name AS "recordedBy"
     FROM file_contact_attempt a JOIN file_person p ON p.id = a.person_id
     LEFT JOIN app_user u ON u.id = a.recorded_by
     WHERE a.pupil_id = $1 ORDER BY a.attempted_on DESC, a.id DESC LIMIT $2 OFFSET $3`,
    [pupilId, limit, offset],
  );
}

export interface EntryRow {
  id: number;
  pupilId: number;
  schoolId: number;
  kind: string;
  occurredOn: string;
  who: string;
  what: string;
  effect: string | null;
  confidentiality: 'school' | 'school+clb' | 'clb' | 'clb-arts';
  details: Record<string, unknown>;
  signalId: number | null;
  authorName: string | null;
  authorRole: string;
  version: number;
  createdAt: string;
}

export type EntryInput = Pick<EntryRow, 'kind' | 'occurredOn' | 'who' | 'what' | 'effect' | 'confidentiality'> & {
  details?: Record<string, unknown>;
};

const ENTRY_COLUMNS = `e.id::int AS id, e.pupil_id::int AS "pupilId", e.school_id::int AS "schoolId", e.kind,
  e.occurred_on AS "occurredOn", e.who, e.what, e.effect, e.confidentiality, e.details,
  e.signal_id::int AS "signalId", u.display_name AS "authorName", e.author_role AS "authorRole", e.version,
  ${TS('e.created_at')} AS "createdAt"`;

export async function findEntry(db: Sql, id: number): Promise<EntryRow | undefined> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM file_entry e LEFT JOIN app_user u ON u.id = e.author_id WHERE e.id = $1`,
    [id],
  );
  return rows[0];
}

export async function insertEntry(
  db: Sql,
  e: EntryInput & { pupilId: number; schoolId: number; authorId: number | null; authorRole: string; signalId?: number },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_entry (pupil_id, school_id, kind, occurred_on, who, what, effect, confidentiality, details,
                             signal_id, author_id, author_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int AS id`,
    [
      e.pupilId,
      e.schoolId,
      e.kind,
      e.occurredOn,
      e.who,
      e.what,
      e.effect,
      e.confidentiality,
      JSON.stringify(e.details ?? {}),
      e.signalId ?? null,
      e.authorId,
      e.authorRole,
    ],
  );
  return (rows[0] as { id: number }).id;
}

export async function updateEntry(db: Sql, id: number, version: number, e: EntryInput): Promise<boolean> {
  const rows = await db.query(
    `UPDATE file_entry SET kind = $3, occurred_on = $4, who = $5, what = $6, effect = $7, confidentiality = $8,
            version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, e.kind, e.occurredOn, e.who, e.what, e.effect, e.confidentiality],
  );
  return rows.length > 0;
}

export async function linkEntryToSignal(db: Sql, entryId: number, signalId: number): Promise<void> {
  await db.query('UPDATE file_entry SET signal_id = $2 WHERE id = $1', [entryId, signalId]);
}

/** How many entries of these kinds the pupil's file holds (workflow preconditions). */
export async function countEntries(db: Sql, pupilId: number, kinds: readonly string[]): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM file_entry WHERE pupil_id = $1 AND kind = ANY($2::text[])',
    [pupilId, kinds],
  );
  return rows[0]?.n ?? 0;
}

export interface AgreementRow {
  id: number;
  pupilId: number;
  schoolId: number;
  what: string;
  who: string;
  dueOn: string;
  /** Own reminder date; null: the product default lead before dueOn (src/domain/pupil-file/reminders.ts). */
  remindOn: string | null;
  checkNote: string | null;
  status: 'open' | 'done' | 'dropped';
  entryId: number | null;
  version: number;
  createdBy: string | null;
  updatedAt: string;
}

export type AgreementInput = Pick<AgreementRow, 'what' | 'who' | 'dueOn' | 'checkNote' | 'status'> & {
  remindOn?: string | null;
};

const AGREEMENT_COLUMNS = `a.id::int AS id, a.pupil_id::int AS "pupilId", a.school_id::int AS "schoolId", a.what,
  a.who, a.due_on AS "dueOn", a.remind_on AS "remindOn", a.check_note AS "checkNote", a.status, a.entry_id::int AS "entryId", a.version,
  u.display_name AS "createdBy", ${TS('a.updated_at')} AS "updatedAt"`;

export async function findAgreement(db: Sql, id: number): Promise<AgreementRow | undefined> {
  const rows = await db.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLUMNS} FROM file_agreement a LEFT JOIN app_user u ON u.id = a.created_by WHERE a.id = $1`,
    [id],
  );
  return rows[0];
}

export async function agreementsOf(db: Sql, pupilId: number, status: string | null, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    db.query<AgreementRow>(
      `SELECT ${AGREEMENT_COLUMNS} FROM file_agreement a LEFT JOIN app_user u ON u.id = a.created_by
       WHERE a.pupil_id = $1 AND ($2::text IS NULL OR a.status = $2)
       ORDER BY (a.status = 'open') DESC, a.due_on, a.id LIMIT $3 OFFSET $4`,
      [pupilId, status, limit, offset],
    ),
    db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM file_agreement WHERE pupil_id = $1 AND ($2::text IS NULL OR status = $2)',
      [pupilId, status],
    ),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function insertAgreement(
  db: Sql,
  a: AgreementInput & { pupilId: number; schoolId: number; entryId: number | null; by: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_agreement
       (pupil_id, school_id, what, who, due_on, check_note, status, entry_id, created_by, remind_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int AS id`,
    [a.pupilId, a.schoolId, a.what, a.who, a.dueOn, a.checkNote, a.status, a.entryId, a.by, a.remindOn ?? null],
  );
  return (rows[0] as { id: number }).id;
}

export async function updateAgreement(db: Sql, id: number, version: number, a: AgreementInput): Promise<boolean> {
  const rows = await db.query(
    `UPDATE file_agreement SET what = $3, who = $4, due_on = $5, check_note = $6, status = $7, remind_on = $8,
            version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, a.what, a.who, a.dueOn, a.checkNote, a.status, a.remindOn ?? null],
  );
  return rows.length > 0;
}

export interface EditRow {
  id: number;
  item: string;
  itemId: string;
  version: number;
  before: unknown;
  after: unknown;
  editedBy: string | null;
  editedAt: string;
}

export async function insertEdit(
  db: Sql,
  edit: {
    pupilId: number;
    item: string;
    itemId: string | number;
    version: number;
    before: unknown;
    after: unknown;
    by: number | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO file_edit (pupil_id, item, item_id, version, before, after, edited_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      edit.pupilId,
      edit.item,
      String(edit.itemId),
      edit.version,
      edit.before === null ? null : JSON.stringify(edit.before),
      JSON.stringify(edit.after),
      edit.by,
    ],
  );
}

/**
 * The edit history, newest first. An edit of an entry or a document is listed only when the reader sees that item
 * now (`visibleItem`, the timeline's rule); a version it recorded at a level the reader does not read (an entry
 * moved from clb-arts to clb) shows only its level, unless a consent shares the item.
 */
export async function editsOf(
  db: Sql,
  pupilId: number,
  filter: { item?: string; itemId?: string },
  visibility: Visibility,
  limit: number,
  offset: number,
) {
  const p = { levels: '$4', today: '$5', roles: '$6' };
  const item = (test: (kind: 'entry' | 'document', alias: string) => string) =>
    `CASE f.item
       WHEN 'entry' THEN EXISTS (SELECT 1 FROM file_entry e
                                 WHERE e.id::text = f.item_id AND e.pupil_id = f.pupil_id AND ${test('entry', 'e')})
       WHEN 'document' THEN EXISTS (SELECT 1 FROM file_document d
                                    WHERE d.id::text = f.item_id AND d.pupil_id = f.pupil_id AND ${test('document', 'd')})
       ELSE NULL END`;
  const version = (side: 'before' | 'after') =>
    `CASE WHEN f.item NOT IN ('entry', 'document') OR f.${side} IS NULL
               OR f.${side}->>'confidentiality' = ANY($4::text[])
               OR ${item((kind, alias) => sharedByConsent(kind, alias, p))}
          THEN f.${side}
          ELSE jsonb_build_object('confidentiality', f.${side}->>'confidentiality', 'hidden', true) END`;
  const where = `f.pupil_id = $1 AND ($2::text IS NULL OR f.item = $2) AND ($3::text IS NULL OR f.item_id = $3)
    AND coalesce(${item((kind, alias) => visibleItem(kind, alias, p))}, true)`;
  const params = [pupilId, filter.item ?? null, filter.itemId ?? null, ...visibilityValues(visibility)];
  const [items, total] = await Promise.all([
    db.query<EditRow>(
      `SELECT f.id::int AS id, f.item, f.item_id AS "itemId", f.version, ${version('before')} AS before,
              ${version('after')} AS after, u.display_name AS "editedBy", ${TS('f.edited_at')} AS "editedAt"
       FROM file_edit f LEFT JOIN app_user u ON u.id = f.edited_by
       WHERE ${where}
       ORDER BY f.edited_at DESC, f.id DESC LIMIT $7 OFFSET $8`,
      [...params, limit, offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM file_edit f WHERE ${where}`, params),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

/** One line of the timeline: a register fact (a day's absences), a signal or a file entry. */
export interface TimelineRow {
  source: 'register' | 'signal' | 'entry';
  id: string;
  date: string;
  kind: string;
  who: string | null;
  what: string | null;
  effect: string | null;
  confidentiality: string | null;
  status: string | null;
  link: string | null;
  version: number | null;
  details: unknown;
}

/**
 * The mixed timeline, newest first, one page at a time. Entries are filtered by the confidentiality levels the
 * reader may see, plus entries a valid consent (not revoked, `validUntil` ≥ today) shares with one of the reader's
 * roles; register facts are the pupil's absent half-days grouped per day.
 */
export async function timelineOf(
  db: Sql,
  pupilId: number,
  options: Visibility & { sources: readonly string[]; limit: number; offset: number },
): Promise<{ items: TimelineRow[]; total: number }> {
  const union = `
    SELECT 'entry' AS source, e.id::text AS id, e.occurred_on AS date, e.kind, e.who, e.what, e.effect,
           e.confidentiality, NULL::text AS status,
           CASE WHEN e.signal_id IS NULL THEN NULL ELSE 'signal:' || e.signal_id END AS link, e.version,
           e.details, 3 AS rank, e.id AS seq
    FROM file_entry e
    WHERE e.pupil_id = $1 AND 'entry' = ANY($3::text[])
      AND ${visibleItem('entry', 'e', { levels: '$2', today: '$4', roles: '$5' })}
    UNION ALL
    SELECT 'signal', s.id::text, s.triggered_on, s.rule_id, NULL, s.explanation_nl, s.handled_note, NULL, s.status,
           s.handled_link, s.version, NULL::jsonb, 2, s.id
    FROM signal s WHERE s.pupil_id = $1 AND s.holds AND 'signal' = ANY($3::text[])
    UNION ALL
    SELECT 'register', r.pupil_id::text || ':' || r.date, r.date, 'absence', NULL,
           string_agg(r.half || ' ' || r.code, ', ' ORDER BY r.half), NULL, NULL, NULL, NULL, NULL, NULL::jsonb, 1, 0
    FROM register_entry r JOIN absence_code c ON c.code = r.code AND c.counts_as_absent
    WHERE r.pupil_id = $1 AND 'register' = ANY($3::text[])
    GROUP BY r.pupil_id, r.date`;
  const [levels, today, roles] = visibilityValues(options);
  const params = [pupilId, levels, options.sources, today, roles];
  const [items, total] = await Promise.all([
    db.query<TimelineRow & { rank?: number; seq?: number }>(
      `SELECT source, id, date, kind, who, what, effect, confidentiality, status, link, version, details
       FROM (${union}) t ORDER BY date DESC, rank DESC, seq DESC LIMIT $6 OFFSET $7`,
      [...params, options.limit, options.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${union}) t`, params),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

const ITEM_TABLES = { person: 'file_person', entry: 'file_entry', agreement: 'file_agreement' } as const;

/** The pupil whose file holds this item (person, entry, agreement), or undefined when there is no such item. */
export async function pupilOfFileItem(
  db: Sql,
  item: keyof typeof ITEM_TABLES,
  id: number,
): Promise<number | undefined> {
  const rows = await db.query<{ pupilId: number }>(
    `SELECT pupil_id::int AS "pupilId" FROM ${ITEM_TABLES[item]} WHERE id = $1`,
    [id],
  );
  return rows[0]?.pupilId;
}

/** The signals of a pupil that hold and are not handled yet, oldest first (what the file page offers to handle). */
export async function openSignalsOfPupil(db: Sql, pupilId: number) {
  return db.query<{ id: number; ruleId: string; version: number; status: string; triggeredOn: string }>(
    `SELECT id::int AS id, rule_id AS "ruleId", version, status, triggered_on AS "triggeredOn"
     FROM signal WHERE pupil_id = $1 AND holds AND status <> 'handled' ORDER BY triggered_on, id`,
    [pupilId],
  );
}

/** The pupil a signal is about, or undefined when there is no such signal. */
export async function pupilOfSignal(db: Sql, signalId: number): Promise<number | undefined> {
  const rows = await db.query<{ pupilId: number }>('SELECT pupil_id::int AS "pupilId" FROM signal WHERE id = $1', [
    signalId,
  ]);
  return rows[0]?.pupilId;
}
