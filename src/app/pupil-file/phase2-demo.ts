// Demo: one pupil on a phase-2 route, written through the same use cases as the app — the third truant persona
// (secondary school) with a first conversation, a consultation with the CLB, a spijbelactieplan registration with
// the police and the move into phase 2 with its §2.2 update; the file's phase-2 section shows ABSENCE_RISING.
import type { Database } from '../../db/database.ts';
import { pupilIdByExternalId } from '../../db/pupil.repository.ts';
import { registerOfPupil } from '../../db/register.repository.ts';
import type { DemoPersonas } from '../../demo/generate-demo.ts';
import { addDays } from '../../domain/civil-date.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { moveTrackPhase, registerTruancyActionPlan } from './phase2-routes.service.ts';
import { addEntry } from './pupil-file.service.ts';

export async function seedDemoPhase2(
  db: Database,
  personas: DemoPersonas,
  schoolIds: readonly number[],
  today: string,
): Promise<void> {
  const secondary = schoolIds[1];
  if (secondary === undefined) return;
  const pupilId = await pupilIdByExternalId(db, secondary, personas.truant3.pupilId);
  if (pupilId === undefined) return;
  const actor = SYSTEM_ACTOR;
  // The school's trajectory starts a week after the pupil's first B of this school year (B_FIRST: talk with the
  // pupil); the persona's absences escalate after that, so ABSENCE_RISING has something to show.
  const year = schoolYearOf(today);
  const firstB = (await registerOfPupil(db, pupilId, year.firstDay, today)).find((r) => r.code === 'B')?.date;
  if (firstB === undefined) return;
  const around = (days: number) => {
    const date = addDays(firstB, days);
    return date < today ? date : today;
  };
  const entry = (kind: string, days: number, who: string, what: string) =>
    addEntry(db, actor, pupilId, { kind, occurredOn: around(days), who, what, confidentiality: 'school+clb' }, today);
  await entry(
    'pupil-conversation',
    7,
    'Leerlingbegeleider',
    'Eerste gesprek over de B-codes; de leerling wil er niet over praten.',
  );
  await entry(
    'parents-meeting',
    21,
    'Leerlingbegeleider',
    'Gesprek met vader over de afwezigheden na de herfstvakantie.',
  );
  await entry('clb-consultation', 35, 'Zorgcoördinator en CLB', 'Overleg met het CLB: spijbelactieplan opstarten.');
  await registerTruancyActionPlan(
    db,
    actor,
    pupilId,
    {
      registration: 'first',
      registeredOn: around(42),
      policeZone: 'Demozone',
      agreements: 'Spijbelcontract: elke ochtend melden bij het onthaal; politie nodigt de ouders uit.',
      who: 'Zorgcoördinator',
    },
    today,
  );
  await moveTrackPhase(
    db,
    actor,
    pupilId,
    'ongeoorloofd',
    {
      phase: 2,
      reason: 'Afwezigheden nemen toe ondanks het traject van de school.',
      version: 0,
      whatWasDone: 'Gesprekken met de leerling en vader, overleg met het CLB, spijbelactieplan: geen daling.',
    },
    today,
  );
}
