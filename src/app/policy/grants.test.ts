// Grants pinned independently of the policy code: the role × action table of docs/security.md transcribed as data,
// compared with what the policy answers for every action it declares, in and out of each role's scope.
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../domain/roles.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { ACTIONS, type Action, can } from './policy.ts';
import type { Scope } from './predicates.ts';

/** The words of the table in docs/security.md. */
type Grant =
  | 'yes' // ✓: no scope needed
  | 'school' // a member of that school
  | 'own classes' // a class teacher: pupils of its own classes
  | 'served' // the school is served by the member's CLB
  | 'region' // the school is in the member's region
  | 'own CLB'
  | 'own region'
  | 'own organisation'
  | 'no'; // –

type Row = readonly [
  secretariaat: Grant,
  leerkracht: Grant,
  leerlingbegeleider: Grant,
  zorgcoordinator: Grant,
  directie: Grant,
  clbMedewerker: Grant,
  clbArts: Grant,
  analist: Grant,
  beheerder: Grant,
];
/**
 * The table's columns are the roles in their declared order (roles.ts), labelled in the Row type above; the LOP's
 * role has its own short table (docs/security.md "The LOP"), below.
 */
const COLUMNS: readonly Role[] = ROLES.filter((role) => role !== 'lop-medewerker');

const EVERYONE: Row = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'];
const PUPIL_READERS: Row = ['school', 'own classes', 'school', 'school', 'school', 'served', 'served', 'no', 'no'];
const IMPORTERS: Row = ['school', 'no', 'school', 'school', 'school', 'no', 'no', 'no', 'no'];
const NOTE_USERS: Row = ['no', 'own classes', 'school', 'school', 'school', 'served', 'served', 'no', 'no'];
const CARE_TEAM: Row = ['no', 'no', 'school', 'school', 'school', 'served', 'served', 'no', 'no'];
const ADMIN_ONLY: Row = ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'own organisation'];

/** docs/security.md, "The policy table (role × action × scope)", one row per action. */
const DOCUMENTED: Readonly<Record<string, Row>> = {
  'session.read': EVERYONE,
  'password.change': EVERYONE,
  'absence-code.read': EVERYONE,
  'school.list': EVERYONE,
  'school.read': ['school', 'school', 'school', 'school', 'school', 'served', 'served', 'region', 'school'],
  'pupil.list': PUPIL_READERS,
  'pupil.read': PUPIL_READERS,
  'signal.list': PUPIL_READERS,
  // A class teacher follows up only the signals addressed to the class teacher (checked per rule in the use case).
  'signal.follow-up': NOTE_USERS,
  'enrolment.elsewhere': ['school', 'no', 'school', 'school', 'school', 'served', 'no', 'no', 'no'],
  'import.list': ['school', 'no', 'school', 'school', 'school', 'no', 'no', 'no', 'school'],
  'import.run': IMPORTERS,
  'register.export': IMPORTERS,
  'note.list': NOTE_USERS,
  'note.write': NOTE_USERS,
  'consent.manage': ['no', 'no', 'no', 'no', 'no', 'no', 'served', 'no', 'no'],
  'file.read': NOTE_USERS,
  'file.write': NOTE_USERS,
  'file.manage': CARE_TEAM,
  'file.export': CARE_TEAM,
  'monitor.school': CARE_TEAM,
  'monitor.thuiszitters': CARE_TEAM,
  'monitor.clb': ['no', 'no', 'no', 'no', 'no', 'own CLB', 'own CLB', 'no', 'no'],
  'monitor.region': ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'own region', 'no'],
  'user.manage': ADMIN_ONLY,
  'audit.read': ADMIN_ONLY,
  'selfscan.read': ['school', 'school', 'school', 'school', 'school', 'served', 'served', 'region', 'no'],
  'selfscan.edit': CARE_TEAM,
  'file.legal-route': ['no', 'no', 'no', 'school', 'school', 'served', 'served', 'no', 'no'],
  'notification.preferences': EVERYONE,
  'letter.write': ['no', 'no', 'school', 'school', 'school', 'no', 'no', 'no', 'no'],
  'letter.template': ['no', 'no', 'no', 'no', 'school', 'no', 'no', 'no', 'school'],
  'care-meeting.read': CARE_TEAM,
  'care-meeting.manage': CARE_TEAM,
  'partial-schooling.manage': CARE_TEAM,
  'clb-inbox.read': ['no', 'no', 'no', 'no', 'no', 'own CLB', 'own CLB', 'no', 'no'],
  'clb-inbox.manage': ['no', 'no', 'no', 'no', 'no', 'own CLB', 'own CLB', 'no', 'no'],
  // Phase 1 for class teachers: the §1.1 signals list and the §1.6 perspectives of pupils of their own classes.
  'file.phase1': NOTE_USERS,
  // Follow-up beyond the signals addressed to the class teacher (catalog `addressedTo`, e.g. ABSENT_10).
  'signal.follow-up-any': CARE_TEAM,
  'certificate.read': ['school', 'no', 'school', 'school', 'school', 'served', 'served', 'no', 'no'],
  'certificate.write': ['school', 'no', 'school', 'school', 'school', 'no', 'no', 'no', 'no'],
  'certificate.advise': ['no', 'no', 'no', 'no', 'no', 'no', 'served', 'no', 'no'],
  'exam-period.manage': ['school', 'no', 'school', 'school', 'school', 'no', 'no', 'no', 'no'],
  'sick-pupil.write': CARE_TEAM,
  // The file transfer to the new school's CLB (issue 15, decision 0036): CLB roles only.
  'file-transfer.manage': ['no', 'no', 'no', 'no', 'no', 'served', 'served', 'no', 'no'],
  'file-transfer.receive': ['no', 'no', 'no', 'no', 'no', 'own CLB', 'own CLB', 'no', 'no'],
  'monitor.lop': ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
};

/**
 * docs/security.md "The LOP": lop-medewerker holds what every role holds (✓ for all) and `monitor.lop` of its own
 * LOP; nothing else, although its membership reaches the LOP's schools.
 */
function lopGrant(action: string): Grant {
  if (action === 'monitor.lop') return 'own organisation';
  return (DOCUMENTED[action] as Row).every((grant) => grant === 'yes') ? 'yes' : 'no';
}

const SCHOOL = 10;
const OTHER_SCHOOL = 20;
const CLB = 30;
const REGION = 40;
const OTHER_ORGANISATION = 50;
const LOP = 60;

/** Each role in the organisation the table's column means: a school (also the beheerder), its CLB, its region. */
function actorOf(role: Role): { actor: Actor; organisationId: number } {
  const kinds: Partial<Record<Role, Membership['kind']>> = { analist: 'region', 'lop-medewerker': 'lop' };
  const kind: Membership['kind'] = role.startsWith('clb-') ? 'clb' : (kinds[role] ?? 'school');
  const organisationId = { clb: CLB, region: REGION, lop: LOP, school: SCHOOL }[kind];
  const membership: Membership = {
    organisationId,
    organisationName: `${kind} ${organisationId}`,
    kind,
    role,
    classNames: role === 'leerkracht' ? ['1A'] : [],
    schoolIds: [SCHOOL],
  };
  return { actor: { kind: 'user', userId: 1, label: role, memberships: [membership] }, organisationId };
}

/** The situations probed, and whether each grant allows it. */
const PROBES: readonly { name: string; scope: (own: number) => Scope; allowedBy: readonly Grant[] }[] = [
  {
    name: 'a pupil of class 1A of the school',
    scope: () => ({ schoolId: SCHOOL, classNames: ['1A'] }),
    allowedBy: ['yes', 'school', 'own classes', 'served', 'region'],
  },
  {
    name: 'a pupil of class 2B of the school',
    scope: () => ({ schoolId: SCHOOL, classNames: ['2B'] }),
    allowedBy: ['yes', 'school', 'served', 'region'],
  },
  {
    name: 'a pupil of class 1A of another school',
    scope: () => ({ schoolId: OTHER_SCHOOL, classNames: ['1A'] }),
    allowedBy: ['yes'],
  },
  {
    name: "the member's own organisation",
    scope: (own) => ({ organisationId: own }),
    allowedBy: ['yes', 'own CLB', 'own region', 'own organisation'],
  },
  {
    name: 'another organisation',
    scope: () => ({ organisationId: OTHER_ORGANISATION }),
    allowedBy: ['yes'],
  },
];

const ORGANISATION_GRANTS: readonly Grant[] = ['own CLB', 'own region', 'own organisation'];

/** School-scoped actions are probed with school scopes, organisation-scoped ones with organisations; – with all. */
function probesFor(row: readonly Grant[], grant: Grant) {
  const organisational = row.some((g) => ORGANISATION_GRANTS.includes(g));
  if (grant === 'no' || grant === 'yes') return PROBES;
  return organisational ? PROBES.slice(3) : PROBES.slice(0, 3);
}

describe('grants pinned from docs/security.md', () => {
  it('the documented table names exactly the actions the policy declares', () => {
    const undocumented = ACTIONS.filter((action) => !Object.hasOwn(DOCUMENTED, action));
    const unknown = Object.keys(DOCUMENTED).filter((action) => !(ACTIONS as readonly string[]).includes(action));
    expect({ undocumented, unknown }).toEqual({ undocumented: [], unknown: [] });
  });

  it('has one column per role', () => {
    expect(COLUMNS).toHaveLength(9);
    expect(ROLES).toEqual([...COLUMNS, 'lop-medewerker']);
  });

  const cases = ACTIONS.filter((action) => Object.hasOwn(DOCUMENTED, action)).flatMap((action) =>
    ROLES.map((role, column) => [action, role, column] as const),
  );
  it.each(cases)('%s for %s answers as the table says', (action, role, column) => {
    const row = DOCUMENTED[action] as Row;
    const grant = role === 'lop-medewerker' ? lopGrant(action) : (row[column] as Grant);
    const { actor, organisationId } = actorOf(role);
    const columns = [...row, lopGrant(action)];
    const answers = probesFor(columns, grant).map((probe) => ({
      probe: probe.name,
      allowed: can(actor, action as Action, probe.scope(organisationId)),
    }));
    const expected = probesFor(columns, grant).map((probe) => ({
      probe: probe.name,
      allowed: probe.allowedBy.includes(grant),
    }));
    expect({ grant, answers }).toEqual({ grant, answers: expected });
  });
});
