// A small world for access tests: school A (classes 1A, 2B) and school B, a CLB, a region and a LOP that cover only A,
// one user per role on A, a user of B, and a note with a consent on a pupil of each school.

import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { hashPassword } from '../app/auth.service.ts';
import { importFile } from '../app/import/import.service.ts';
import type { Database } from '../db/database.ts';
import { insertDocument } from '../db/file-document.repository.ts';
import { insertLop } from '../db/lop.repository.ts';
import { insertConsent, insertNote } from '../db/note.repository.ts';
import { insertOrganisation, linkSchool } from '../db/organisation.repository.ts';
import { insertAgreement, insertEntry, insertPerson } from '../db/pupil-file.repository.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import type { Role } from '../domain/roles.ts';
import { schoolWithPupils, tempDir, writeTemp } from './fixtures.ts';

export const WORLD_PASSWORD = 'juist-wachtwoord-123';
/** Names that appear only in school B's data: no response to a user of A may contain them. */
export const B_MARKER = 'Zzbeta';

export interface World {
  schoolA: number;
  schoolB: number;
  clb: number;
  region: number;
  /** A LOP secundair with school A. */
  lop: number;
  /** Pupils of A in class 1A and 2B, and a pupil of B (in a class also called 1A). */
  pupilA1: number;
  pupilA2: number;
  pupilB: number;
  /** One user per role reaching A (leerkracht teaches 1A). */
  users: Record<Role, { id: number; email: string }>;
  /** A beheerder and a leerlingbegeleider of B. */
  userB: { id: number; email: string };
  beheerderB: { id: number; email: string };
  /** Accounts to act upon in admin routes: a leerlingbegeleider of A and of B. */
  victimA: number;
  victimB: number;
  noteA: number;
  noteB: number;
  /** Consents on a clb-arts note of A and of B. */
  consentA: number;
  consentB: number;
  /** B_FIRST signals of pupilA1 (class 1A), pupilA2 (class 2B) and pupilB. */
  signalA1: number;
  signalA2: number;
  signalB: number;
  /** Pupil-file items (a person, an entry, an agreement, a school+clb document) of pupilA1 (1A), pupilA2 (2B), pupilB. */
  fileItems: Record<'A1' | 'A2' | 'B', { personId: number; entryId: number; agreementId: number; documentId: number }>;
}

const PUPILS_A = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
`;
const PUPILS_B = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,${B_MARKER},${B_MARKER}man,2012-05-06,secundair,1,1A
`;

export async function buildWorld(db: Database): Promise<World> {
  const schoolA = await schoolWithPupils(db, PUPILS_A, { institutionNumber: '111111' });
  const schoolB = await schoolWithPupils(db, PUPILS_B, { institutionNumber: '222222' });
  await db.query(`UPDATE organisation SET name = $2 WHERE id = $1`, [schoolB, `School ${B_MARKER}`]);
  const clb = await insertOrganisation(db, 'clb', 'CLB A');
  const region = await insertOrganisation(db, 'region', 'Regio A');
  await linkSchool(db, 'clb', clb, schoolA);
  await linkSchool(db, 'region', region, schoolA);
  const lop = await insertLop(db, 'LOP A', 'secundair');
  await linkSchool(db, 'lop', lop, schoolA);
  const pupil = async (schoolId: number, externalId: string) =>
    (
      (await db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2', [
        schoolId,
        externalId,
      ])) as [{ id: number }]
    )[0].id;
  const passwordHash = await hashPassword(WORLD_PASSWORD);
  const user = async (email: string, organisationId: number, role: Role, classNames: string[] = []) => {
    const id = await insertUser(db, { email, displayName: email, passwordHash });
    await addMembership(db, { userId: id, organisationId, role, classNames });
    return { id, email };
  };
  const users = {} as World['users'];
  for (const role of ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'beheerder'] as const)
    users[role] = await user(`${role}@a.test`, schoolA, role);
  users.leerkracht = await user('leerkracht@a.test', schoolA, 'leerkracht', ['1A']);
  users['clb-medewerker'] = await user('clb-medewerker@clb.test', clb, 'clb-medewerker');
  users['clb-arts'] = await user('clb-arts@clb.test', clb, 'clb-arts');
  users.analist = await user('analist@regio.test', region, 'analist');
  users['lop-medewerker'] = await user('lop-medewerker@lop.test', lop, 'lop-medewerker');
  const userB = await user('lbg@b.test', schoolB, 'leerlingbegeleider');
  const beheerderB = await user('beheerder@b.test', schoolB, 'beheerder');
  const victimA = (await user('victim@a.test', schoolA, 'leerlingbegeleider')).id;
  const victimB = (await user('victim@b.test', schoolB, 'leerlingbegeleider')).id;
  const pupilA1 = await pupil(schoolA, '1001');
  const pupilA2 = await pupil(schoolA, '1002');
  const pupilB = await pupil(schoolB, '1001');
  const noteA = await insertNote(db, {
    pupilId: pupilA1,
    schoolId: schoolA,
    confidentiality: 'clb-arts',
    body: 'Medische context A',
    authorId: users['clb-arts'].id,
    authorRole: 'clb-arts',
  });
  const noteB = await insertNote(db, {
    pupilId: pupilB,
    schoolId: schoolB,
    confidentiality: 'school',
    body: `${B_MARKER} notitie`,
    authorId: userB.id,
    authorRole: 'leerlingbegeleider',
  });
  const noteBArts = await insertNote(db, {
    pupilId: pupilB,
    schoolId: schoolB,
    confidentiality: 'clb-arts',
    body: `${B_MARKER} medisch`,
    authorId: userB.id,
    authorRole: 'clb-arts',
  });
  const consent = (pupilId: number, noteId: number) =>
    insertConsent(db, {
      pupilId,
      noteId,
      givenBy: 'ouders',
      purpose: 'zorgoverleg',
      sharedWithRoles: ['zorgcoordinator'],
      validUntil: '2026-06-30',
      recordedBy: users['clb-arts'].id,
    });
  const consentA = await consent(pupilA1, noteA);
  const consentB = await consent(pupilB, noteBArts);
  const dir = tempDir();
  const register = 'pupil_id,date,half,code\n1001,2025-09-15,AM,B\n1002,2025-09-15,AM,B\n';
  for (const schoolId of [schoolA, schoolB]) {
    await importFile(db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(
        dir,
        `register-${schoolId}.csv`,
        schoolId === schoolB ? register.split('\n').slice(0, 2).join('\n') : register,
      ),
      today: '2026-03-01',
    });
  }
  const signal = async (pupilId: number) =>
    (
      (await db.query<{ id: number }>("SELECT id::int AS id FROM signal WHERE pupil_id = $1 AND rule_id = 'B_FIRST'", [
        pupilId,
      ])) as [{ id: number }]
    )[0].id;
  const signalA1 = await signal(pupilA1);
  const signalA2 = await signal(pupilA2);
  const signalB = await signal(pupilB);
  const documentText = (pupilId: number, schoolId: number) =>
    schoolId === schoolB ? `${B_MARKER} ${pupilId}` : `Verslag ${pupilId}`;
  const fileItem = async (pupilId: number, schoolId: number, authorId: number) => ({
    personId: (
      await insertPerson(db, pupilId, schoolId, {
        relation: 'parent1',
        name: 'Ouder',
        phone: null,
        email: null,
        address: null,
        note: null,
      })
    ).id,
    entryId: await insertEntry(db, {
      pupilId,
      schoolId,
      kind: 'pupil-conversation',
      occurredOn: '2026-02-02',
      who: 'LBG',
      what: 'Gesprek',
      effect: null,
      confidentiality: 'school',
      authorId,
      authorRole: 'leerlingbegeleider',
    }),
    agreementId: await insertAgreement(db, {
      pupilId,
      schoolId,
      what: 'Afspraak',
      who: 'LBG',
      dueOn: '2026-03-09',
      checkNote: null,
      status: 'open',
      entryId: null,
      by: authorId,
    }),
    documentId: await insertDocument(db, {
      pupilId,
      schoolId,
      entryId: null,
      title: schoolId === schoolB ? `${B_MARKER} verslag` : 'Verslag',
      description: null,
      fileName: 'verslag.txt',
      mediaType: 'text/plain; charset=utf-8',
      sha256: createHash('sha256').update(documentText(pupilId, schoolId)).digest('hex'),
      content: Buffer.from(documentText(pupilId, schoolId)),
      confidentiality: 'school+clb',
      uploadedBy: authorId,
      uploaderRole: 'leerlingbegeleider',
    }),
  });
  const fileItems: World['fileItems'] = {
    A1: await fileItem(pupilA1, schoolA, users.leerlingbegeleider.id),
    A2: await fileItem(pupilA2, schoolA, users.leerlingbegeleider.id),
    B: await fileItem(pupilB, schoolB, userB.id),
  };
  return {
    signalA1,
    signalA2,
    signalB,
    fileItems,
    consentA,
    consentB,
    schoolA,
    schoolB,
    clb,
    region,
    lop,
    pupilA1,
    pupilA2,
    pupilB,
    users,
    userB,
    beheerderB,
    victimA,
    victimB,
    noteA,
    noteB,
  };
}
