// Who may read and edit a school's self-scan: the care team and the CLB edit, the rest of the school and the
// region read, a beheerder and every other school nothing.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { can } from './policy.ts';

const SCHOOL = 10;
const OTHER = 20;

function actorWith(role: Role): Actor {
  const kind = role.startsWith('clb') ? 'clb' : role === 'analist' ? 'region' : 'school';
  const organisationId = kind === 'school' ? SCHOOL : 30;
  return {
    kind: 'user',
    userId: 1,
    label: role,
    memberships: [{ organisationId, organisationName: 'x', kind, role, classNames: [], schoolIds: [SCHOOL] }],
  };
}

const allowed = (action: 'selfscan.read' | 'selfscan.edit', schoolId: number) =>
  ROLES.filter((role) => can(actorWith(role), action, { schoolId }));

describe('self-scan policy', () => {
  it('lets the school care team and the CLB serving the school edit', () => {
    expect(allowed('selfscan.edit', SCHOOL)).toEqual([
      'leerlingbegeleider',
      'zorgcoordinator',
      'directie',
      'clb-medewerker',
      'clb-arts',
    ]);
  });

  it('lets the rest of the school and the region read, not the beheerder nor a LOP', () => {
    expect(allowed('selfscan.read', SCHOOL)).toEqual(
      ROLES.filter((role) => role !== 'beheerder' && role !== 'lop-medewerker'),
    );
  });

  it('gives nothing on another school', () => {
    expect(allowed('selfscan.read', OTHER)).toEqual([]);
    expect(allowed('selfscan.edit', OTHER)).toEqual([]);
  });
});
