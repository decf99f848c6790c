// Demo data for the self-scan: last year's scan of the first demo school (the demo's previous school year), filled
// in by its care coordinator and the CLB, so the comparison over the years has something to show.
import type { Database } from '../../db/database.ts';
import * as repository from '../../db/selfscan.repository.ts';
import { findUserByEmail } from '../../db/user.repository.ts';
import { GOALS } from '../../domain/selfscan/instrument.ts';

/** Scores per goal in document order: stronger on basic care (phase 0) than on the later phases. */
const SCORES = [6, 5, 7, 5, 6, 4, 6, 6, 5, 7, 5, 4, 4, 3, 5, 6, 4, 5, 4, 3, 3, 4, 5, 4, 3, 4];

/** `schoolYear`: the year of the scan, e.g. `2025-2026`; its action plan falls due in that year. */
export async function seedDemoSelfscan(db: Database, schoolId: number, schoolYear: string): Promise<void> {
  if (await repository.findScan(db, schoolId, schoolYear)) return;
  const startYear = schoolYear.slice(0, 4);
  const coordinator = (await findUserByEmail(db, 'zorgcoordinator@aanwezig.demo'))?.id ?? null;
  const clb = (await findUserByEmail(db, 'clb@aanwezig.demo'))?.id ?? null;
  await db.transaction(async (tx) => {
    const scan = await repository.insertScan(tx, schoolId, schoolYear, coordinator);
    for (const [index, goal] of GOALS.entries()) {
      await repository.upsertGoal(tx, scan.id, goal.id, {
        score: SCORES[index] ?? 5,
        focus: index === 3 ? 'Eén registratiemoment per halve dag, attesten binnen drie schooldagen.' : '',
        expectedVersion: 0,
        userId: index % 3 === 0 ? clb : coordinator,
      });
    }
    await repository.upsertAnswer(tx, scan.id, 'f0-registratie.2', {
      answer: 'De klastitularis registreert in het eerste lesuur; het secretariaat controleert om 10 uur.',
      expectedVersion: 0,
      userId: coordinator,
    });
    await repository.insertAction(
      tx,
      scan.id,
      'f0-registratie',
      {
        what: 'Afspraken over registratie en attesten op de personeelsvergadering',
        who: 'directie, zorgcoördinator',
        due: `oktober ${startYear}`,
        check: 'steekproef register in januari',
        status: 'done',
      },
      coordinator,
    );
    await repository.insertAction(
      tx,
      scan.id,
      'f1-b-zorgoverleg',
      {
        what: 'Maandelijks zorgoverleg met het CLB over leerlingen met 5 B-codes',
        who: 'zorgcoördinator, CLB-medewerker',
        due: `vanaf november ${startYear}`,
        check: 'evaluatie op het laatste overleg van het schooljaar',
        status: 'in-progress',
      },
      clb,
    );
  });
}
