// Demo CLB inbox: two pupils of the secondary school with B half-days (not one of the personas the other demo
// files and tests follow) are signalled to the Demo-CLB through the workflow; the CLB started a plan van aanpak for
// one of them. So clb@aanwezig.demo opens a live inbox and the school sees the statuses in the pupil files.
import { findClbCase, pupilsWithOpenSignal } from '../../db/clb-case.repository.ts';
import type { Database } from '../../db/database.ts';
import { findSchool } from '../../db/school.repository.ts';
import type { DemoPersonas } from '../../demo/generate-demo.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { signalClb } from '../pupil-file/workflows.service.ts';
import { changeClbCase } from './clb-inbox.service.ts';

const CHECKLIST = {
  absenceReasons: 'Ouders melden hoofdpijn; de leerling zegt de les niet te zien zitten.',
  whatWorks: 'Een vaste contactpersoon die ’s ochtends even polst.',
  whatDoesNotWork: 'Brieven naar huis blijven onbeantwoord.',
  underlyingProblems: 'Mogelijk conflicten in de klasgroep; nog te verkennen met het CLB.',
  truancyProfile: 'Occasionele spijbelaar, vooral maandagochtend.',
};

export async function seedDemoClbInbox(
  db: Database,
  personas: DemoPersonas,
  secondary: number | undefined,
  today: string,
): Promise<void> {
  if (secondary === undefined) return;
  const institution = (await findSchool(db, secondary))?.institutionNumber ?? '';
  const personaIds = new Set(
    Object.values(personas)
      .filter((p) => p.institutionNumber === institution)
      .map((p) => p.pupilId),
  );
  // Pupils with B half-days (an open B_FIRST) that no persona story uses: the school may signal before the 5th B.
  const pupils = (await pupilsWithOpenSignal(db, secondary, 'B_FIRST')).filter((p) => !personaIds.has(p.externalId));
  const picked = pupils.slice(-2);
  for (const [i, pupil] of picked.entries()) {
    const signalled = await signalClb(
      db,
      SYSTEM_ACTOR,
      pupil.id,
      {
        checklist: {
          ...CHECKLIST,
          absenceCount: 'Zie de B-halve dagen in het register.',
          actionsTaken: 'Gesprek met de leerling en telefonisch contact met de ouders.',
        },
        noConversationReason: 'Demo: gesprek gepland.',
        who: 'Demo leerlingbegeleider secundair',
      },
      today,
    );
    if (i === 0 && signalled.caseId !== null) {
      const current = await findClbCase(db, signalled.caseId);
      if (current)
        await changeClbCase(
          db,
          SYSTEM_ACTOR,
          current.id,
          {
            to: 'in-progress',
            version: current.version,
            plan: 'Huisbezoek door de CLB-medewerker, dan overleg met de school.',
          },
          today,
        );
    }
  }
}
