// The policy table read as a matrix: each role, each action, in its own scope and outside it.
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../domain/roles.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { ACTIONS, accessFor, allowedActions, can, schoolsWhere } from './policy.ts';

const SCHOOL = 10;
const OTHER = 20;
const CLB = 30;
const REGION = 40;

function actorWith(role: Role): Actor {
  const kind = role.startsWith('clb') ? 'clb' : role === 'analist' ? 'region' : 'school';
  const organisationId = kind === 'clb' ? CLB : kind === 'region' ? REGION : SCHOOL;
  const membership: Membership = {
    organisationId,
    organisationName: 'x',
    kind,
    role,
    classNames: role === 'leerkracht' ? ['1A'] : [],
    schoolIds: [SCHOOL],
  };
  return { kind: 'user', userId: 1, label: role, memberships: [membership] };
}

/** Who may do what on their own school (✓), written out so a change to the table shows up in review. */
const EXPECTED: Record<string, Role[]> = {
  'school.read': [
    'secretariaat',
    'leerkracht',
    'leerlingbegeleider',
    'zorgcoordinator',
    'directie',
    'clb-medewerker',
    'clb-arts',
    'analist',
    'beheerder',
  ],
  'pupil.list': [
    'secretariaat',
    'leerkracht',
    'leerlingbegeleider',
    'zorgcoordinator',
    'directie',
    'clb-medewerker',
    'clb-arts',
  ],
  'pupil.read': [
    'secretariaat',
    'leerkracht',
    'leerlingbegeleider',
    'zorgcoordinator',
    'directie',
    'clb-medewerker',
    'clb-arts',
  ],
  'import.list': ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'beheerder'],
  'import.run': ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'],
  'register.export': ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'],
  'note.list': ['leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'clb-medewerker', 'clb-arts'],
  'note.write': ['leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'clb-medewerker', 'clb-arts'],
  'consent.manage': ['clb-arts'],
  'enrolment.elsewhere': ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'clb-medewerker'],
};

describe('access policy', () => {
  it.each(Object.entries(EXPECTED))('%s on the own school (pupil of class 1A)', (action, roles) => {
    const allowed = ROLES.filter((role) =>
      can(actorWith(role), action as (typeof ACTIONS)[number], { schoolId: SCHOOL, classNames: ['1A'] }),
    );
    expect(allowed).toEqual(roles);
  });

  it('denies every action on another school, for every role', () => {
    for (const role of ROLES)
      for (const action of ACTIONS.filter(
        (a) =>
          !['school.list', 'absence-code.read', 'session.read', 'password.change', 'notification.preferences'].includes(
            a,
          ),
      ))
        expect(can(actorWith(role), action, { schoolId: OTHER, organisationId: OTHER }), `${role} ${action}`).toBe(
          false,
        );
  });

  it('limits a class teacher to the pupils of its classes', () => {
    const teacher = actorWith('leerkracht');
    expect(can(teacher, 'pupil.read', { schoolId: SCHOOL, classNames: ['2B'] })).toBe(false);
    expect(can(teacher, 'pupil.read', { schoolId: SCHOOL, classNames: [] })).toBe(false);
    expect(accessFor(teacher, 'pupil.list', { schoolId: SCHOOL })).toEqual({ allowed: true, classNames: ['1A'] });
    expect(accessFor(actorWith('directie'), 'pupil.list', { schoolId: SCHOOL })).toEqual({
      allowed: true,
      classNames: 'all',
    });
  });

  it('gives analists the schools of their region but no pupil-level action', () => {
    const analist = actorWith('analist');
    expect(schoolsWhere(analist, 'school.read')).toEqual([SCHOOL]);
    for (const action of ['pupil.list', 'pupil.read', 'note.list', 'register.export', 'import.run'] as const)
      expect(can(analist, action, { schoolId: SCHOOL, classNames: ['1A'] })).toBe(false);
  });

  it('lets the school and its CLB worker record an enrolment elsewhere, not a class teacher of the pupil', () => {
    const ownPupil = { schoolId: SCHOOL, classNames: ['1A'] };
    expect(can(actorWith('leerkracht'), 'pupil.read', ownPupil)).toBe(true);
    expect(can(actorWith('leerkracht'), 'enrolment.elsewhere', ownPupil)).toBe(false);
    expect(can(actorWith('clb-medewerker'), 'enrolment.elsewhere', ownPupil)).toBe(true);
    expect(can(actorWith('clb-medewerker'), 'enrolment.elsewhere', { schoolId: OTHER, classNames: ['1A'] })).toBe(
      false,
    );
    for (const role of ['clb-arts', 'analist', 'beheerder'] as const)
      expect(can(actorWith(role), 'enrolment.elsewhere', ownPupil), role).toBe(false);
  });

  it('lets a beheerder manage accounts and read the audit of its own organisation only', () => {
    const admin = actorWith('beheerder');
    expect(can(admin, 'user.manage', { organisationId: SCHOOL })).toBe(true);
    expect(can(admin, 'audit.read', { organisationId: SCHOOL })).toBe(true);
    expect(can(admin, 'user.manage', { organisationId: OTHER })).toBe(false);
    expect(can(admin, 'pupil.read', { schoolId: SCHOOL, classNames: ['1A'] })).toBe(false);
  });

  it('denies a user without memberships everything but the scope-free actions', () => {
    const nobody: Actor = { kind: 'user', userId: 2, label: 'nobody', memberships: [] };
    expect(ACTIONS.filter((action) => can(nobody, action, { schoolId: SCHOOL }))).toEqual([]);
  });
});

describe('allowedActions (the menu of the web app)', () => {
  const pages = ['pupil.list', 'signal.list', 'import.list', 'selfscan.read', 'monitor.clb', 'monitor.region'];
  const menuOf = (role: Role) => allowedActions(actorWith(role)).filter((action) => pages.includes(action));

  it('says per role which pages it may open, exactly as the policy decides them', () => {
    expect(menuOf('leerkracht')).toEqual(['pupil.list', 'signal.list', 'selfscan.read']);
    expect(menuOf('analist')).toEqual(['selfscan.read', 'monitor.region']);
    expect(menuOf('clb-medewerker')).toEqual(['pupil.list', 'signal.list', 'selfscan.read', 'monitor.clb']);
    expect(menuOf('secretariaat')).toEqual(['pupil.list', 'import.list', 'signal.list', 'selfscan.read']);
    expect(allowedActions(actorWith('beheerder'))).toContain('user.manage');
  });
});
