// "Signalled to the CLB" in the monitor and the self-scan comes from the CLB-signal workflow, not from a B5_CLB
// signal marked handled: a school where half the B5_CLB signals were closed by free notes (data from before the
// route was enforced) and half through the workflow shows only the workflow half as signalled. A free note on
// B5_CLB is refused now, from the attention list and from the pupil file alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import type { Actor } from '../actor.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { AppError } from '../errors.ts';
import { importFile } from '../import/import.service.ts';
import { addEntry, handleSignalWithEntry } from '../pupil-file/pupil-file.service.ts';
import { signalClb } from '../pupil-file/workflows.service.ts';
import { schoolFigures } from '../selfscan/school-figures.ts';
import { followUpSignal } from '../signals/attention-list.service.ts';
import { schoolDashboard } from './monitor.service.ts';

const TODAY = '2026-03-02';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
5001,An,Aerts,2011-01-01,secundair,2,2A
5002,Bo,Bosmans,2011-02-02,secundair,2,2A
5003,Cas,Claes,2011-03-03,secundair,2,2A
5004,Dries,Dewit,2011-04-04,secundair,2,2A
`;
// Five B half-days each; the 5th on Monday 1/12/2025.
const B_DATES = ['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-12-01'];
const CHECKLIST = {
  absenceCount: '5',
  absenceReasons: 'Onbekend',
  actionsTaken: 'Gesprek met de leerling',
  whatWorks: 'Vaste contactpersoon',
  whatDoesNotWork: 'Brieven',
  underlyingProblems: 'Nog te verkennen',
  truancyProfile: 'Occasioneel',
};

describe.each(testEngines())('CLB-signal figures on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  let pupils: number[];
  let lbg: Actor;
  const b5Of = async (pupilId: number) => {
    const [row] = await t.db.query<{ id: number; version: number; status: string }>(
      `SELECT id::int AS id, version, status FROM signal WHERE pupil_id = $1 AND rule_id = 'B5_CLB' AND holds`,
      [pupilId],
    );
    if (!row) throw new Error('no B5_CLB');
    return row;
  };
  const refusal = (e: unknown) => {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    expect((e as AppError).type).toBe('closing-route');
    return (e as AppError).messages.nl;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '515151' });
    const rows = ['5001', '5002', '5003', '5004'].flatMap((p) => B_DATES.map((d) => `${p},${d},AM,B`));
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(tempDir(), 'b.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    pupils = await pupilIdsByNumber(t.db, schoolId);
    const userId = await insertUser(t.db, {
      email: 'lbg@clbfig.test',
      displayName: 'Lien Begeleider',
      passwordHash: 'x',
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    lbg = {
      kind: 'user',
      userId,
      label: 'Lien Begeleider',
      memberships: [
        {
          organisationId: schoolId,
          organisationName: 'School',
          kind: 'school',
          role: 'leerlingbegeleider',
          classNames: [],
          schoolIds: [schoolId],
        },
      ],
    };
  });
  afterAll(async () => t?.drop());

  it('refuses a free note on B5_CLB from the attention list and from the pupil file, with a Dutch message', async () => {
    const [p1] = pupils as [number];
    const signal = await b5Of(p1);
    const fromList = await followUpSignal(t.db, lbg, signal.id, {
      to: 'handled',
      version: signal.version,
      note: 'CLB gebeld',
    }).catch((e) => e);
    expect(refusal(fromList)).toContain('Gebruik in het leerlingendossier: "Signalering aan het CLB"');
    const fromFile = await handleSignalWithEntry(
      t.db,
      lbg,
      signal.id,
      { version: signal.version, note: 'CLB gebeld', kind: 'clb-consultation' },
      TODAY,
    ).catch((e) => e);
    refusal(fromFile);
    const entryWithHandle = await addEntry(
      t.db,
      lbg,
      p1,
      {
        kind: 'other',
        occurredOn: TODAY,
        who: 'Lien',
        what: 'Gesignaleerd',
        confidentiality: 'school+clb',
        handlesSignal: { id: signal.id, version: signal.version },
      },
      TODAY,
    ).catch((e) => e);
    refusal(entryWithHandle);
    // Nothing was written: the refused entries rolled back with the refusal.
    const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_entry WHERE pupil_id = $1', [
      p1,
    ]);
    expect(count?.n).toBe(0);
    expect((await b5Of(p1)).status).not.toBe('handled');
  });

  it('counts as signalled only the B5_CLB signals with a CLB-signal workflow record', async () => {
    const [p1, p2, p3, p4] = pupils as [number, number, number, number];
    // Half closed by free notes, as the app allowed before the route was enforced (written as the old code did).
    for (const pupilId of [p1, p2]) {
      await t.db.query(
        `UPDATE signal SET status = 'handled', handled_at = '2025-12-03T10:00:00Z', handled_note = 'CLB gebeld',
                handled_evidence_key = evidence_key, version = version + 1
         WHERE pupil_id = $1 AND rule_id = 'B5_CLB'`,
        [pupilId],
      );
    }
    // Half through the workflow: on 5/12 (4 days after the 5th B) and 11/12 (10 days).
    await signalClb(
      t.db,
      lbg,
      p3,
      { checklist: CHECKLIST, noConversationReason: 'Leerling komt niet meer', occurredOn: '2025-12-05' },
      TODAY,
    );
    await signalClb(
      t.db,
      lbg,
      p4,
      { checklist: CHECKLIST, noConversationReason: 'Leerling komt niet meer', occurredOn: '2025-12-11' },
      TODAY,
    );
    expect((await b5Of(p3)).status).toBe('handled');

    const dashboard = await schoolDashboard(t.db, SYSTEM_ACTOR, schoolId, '2025-2026', TODAY);
    expect(dashboard.dashboard.clbDelay).toMatchObject({
      signalled: 2,
      notYetSignalled: 2,
      medianDays: 7,
      averageDays: 7,
    });
    const figures = await schoolFigures(t.db, schoolId, schoolYearOf(TODAY));
    expect(figures.b5Clb).toEqual({ pupils: 4, handled: 2, medianDaysToHandled: 7, maxDaysToHandled: 10 });
  });
});
