// Demo pupil files, written through the same use cases as the app: a truant whose mother cannot be reached
// (the attention list weighs it) with an overdue and an upcoming agreement (the reminders above the attention
// list), and the pupil kept home on fixed afternoons with an agreement to review that arrangement.
import type { Database } from '../../db/database.ts';
import { pupilIdByExternalId } from '../../db/pupil.repository.ts';
import type { DemoPersonas } from '../../demo/generate-demo.ts';
import { addDays } from '../../domain/civil-date.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { addAgreement, addContactAttempt, addEntry, addPerson, setPivot, setTrackPhase } from './pupil-file.service.ts';

/** `today`: the day the demo is created; agreements fall due around it so that reminders show at once. */
export async function seedDemoFiles(
  db: Database,
  personas: DemoPersonas,
  schoolIds: readonly number[],
  today: string,
): Promise<void> {
  const actor = SYSTEM_ACTOR;
  const around = (days: number) => addDays(today, days);
  const [primary, secondary] = schoolIds;

  const truant =
    secondary === undefined ? undefined : await pupilIdByExternalId(db, secondary, personas.truant2.pupilId);
  if (truant !== undefined) {
    await setTrackPhase(
      db,
      actor,
      truant,
      'ongeoorloofd',
      { phase: 1, reason: 'Eerste B-codes na de start van het schooljaar.', version: 0 },
      today,
    );
    await setPivot(
      db,
      actor,
      truant,
      { name: 'Demo leerlingbegeleider secundair', role: 'leerlingbegeleider', version: 0 },
      today,
    );
    await addEntry(
      db,
      actor,
      truant,
      {
        kind: 'pupil-conversation',
        occurredOn: around(-14),
        who: 'Leerlingbegeleider',
        what: 'Gesprek over de afwezigheden op maandagochtend; de leerling zegt dat hij zich verslaapt.',
        effect: 'Afgesproken om elke ochtend even langs te komen.',
        confidentiality: 'school',
      },
      today,
    );
    const mother = await addPerson(
      db,
      actor,
      truant,
      { relation: 'parent1', name: 'Moeder (demo)', phone: '0470 00 00 01' },
      today,
    );
    for (const attemptedOn of [around(-9), around(-7)])
      await addContactAttempt(
        db,
        actor,
        mother.id,
        { attemptedOn, channel: 'phone', reached: false, note: 'Geen antwoord, voicemail ingesproken.' },
        today,
      );
    await addAgreement(
      db,
      actor,
      truant,
      {
        what: 'Huisbezoek plannen met het CLB',
        who: 'Demo leerlingbegeleider secundair',
        dueOn: around(-4),
        checkNote: 'Bespreken in het zorgoverleg',
      },
      today,
    );
    await addAgreement(
      db,
      actor,
      truant,
      { what: 'Aanmeldingen van de voorbije week nakijken', who: 'Klastitularis', dueOn: around(2) },
      today,
    );
  }

  const kept = primary === undefined ? undefined : await pupilIdByExternalId(db, primary, personas.fixedSlot.pupilId);
  if (kept !== undefined) {
    await addAgreement(
      db,
      actor,
      kept,
      {
        what: 'Afspraak over de vrije dinsdag- en vrijdagnamiddag herbekijken met de ouders en het CLB',
        who: 'Demo leerlingbegeleider',
        dueOn: around(10),
        remindOn: around(-1),
      },
      today,
    );
  }
}
