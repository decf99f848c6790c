// A sent file transfer written with plain SQL for the access tests (issue 15): a decision, the transfer and one
// document item, so routes with :transferId and :itemId have something real to refuse or to answer.
import type { Database } from '../db/database.ts';

export async function insertSentTransfer(
  db: Database,
  t: { schoolId: number; fromPupilId: number; toPupilId: number; clbId: number; title: string; content: string },
): Promise<{ transferId: number; itemId: number }> {
  const [decision] = await db.query<{ id: number }>(
    `INSERT INTO file_transfer_decision (pupil_id, school_id, decided_by, informed_on, decided_on, recorder_role)
     VALUES ($1, $2, 'parents', '2026-02-01', '2026-02-02', 'clb-medewerker') RETURNING id::int AS id`,
    [t.fromPupilId, t.schoolId],
  );
  const [transfer] = await db.query<{ id: number }>(
    `INSERT INTO file_transfer (from_school_id, from_pupil_id, from_clb_id, to_school_id, to_pupil_id, to_clb_id,
                                decision_id, sender_role, sent_on)
     VALUES ($1, $2, $3, $1, $4, $3, $5, 'clb-medewerker', '2026-02-03') RETURNING id::int AS id`,
    [t.schoolId, t.fromPupilId, t.clbId, t.toPupilId, decision?.id],
  );
  const [item] = await db.query<{ id: number }>(
    `INSERT INTO file_transfer_item (transfer_id, category, readers, source, source_id, source_confidentiality,
                                     occurred_on, title, file_name, media_type, size_bytes, sha256, content)
     VALUES ($1, 'verslag', 'clb', 'document', 1, 'school+clb', '2026-02-02', $2, 'verslag.txt', 'text/plain',
             octet_length(convert_to($3, 'UTF8')), repeat('0', 64), convert_to($3, 'UTF8'))
     RETURNING id::int AS id`,
    [transfer?.id, t.title, t.content],
  );
  return { transferId: transfer?.id as number, itemId: item?.id as number };
}
