// Education a child at home gets outside the pupil file's entries (issue 14): a stay in a hospital, a type-5
// school or a K-dienst (the pupil receives education there) and a running provision (TOAH, Bednet/SIO, School en
// ziek zijn). The thuiszitters overview adds these to "education during absence", so such a pupil is never shown
// (or counted) as a thuiszitter without education.
import { pupilsInStay, runningProvisions } from '../../db/care-stay.repository.ts';
import type { Sql } from '../../db/database.ts';

const STAY_LABELS = { ziekenhuis: 'ziekenhuis', 'type-5': 'type-5-school', 'k-dienst': 'K-dienst' } as const;
const PROVISION_LABELS = { toah: 'TOAH', 'sio-bednet': 'SIO', 'school-en-ziek-zijn': 'School en ziek zijn' } as const;

/** Per pupil (of those given) the labels of the education recorded outside the pupil file, on `asOf`. */
export async function educationDuringAbsence(
  db: Sql,
  pupilIds: readonly number[],
  asOf: string,
): Promise<Map<number, string[]>> {
  const stays = await pupilsInStay(db, pupilIds, asOf);
  const provisions = await runningProvisions(db, pupilIds, asOf);
  const out = new Map<number, string[]>();
  for (const id of pupilIds) {
    const labels = [
      ...(stays.has(id) ? [STAY_LABELS[stays.get(id) as keyof typeof STAY_LABELS]] : []),
      ...(provisions.get(id) ?? []).map((kind) => PROVISION_LABELS[kind]),
    ];
    if (labels.length > 0) out.set(id, labels);
  }
  return out;
}
