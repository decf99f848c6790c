// Confidentiality of notes: a clb-arts note reaches a school role only through a valid consent naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipsOf } from '../db/user.repository.ts';
import type { Role } from '../domain/roles.ts';
import { buildWorld, type World } from '../testing/access-world.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import type { Actor } from './actor.ts';
import { addConsent, addNote, listNotes, revokeConsent } from './note.service.ts';

describe.each(testEngines())('pupil notes on %s', (engine) => {
  let t: TestDatabase;
  let world: World;
  const actors = {} as Record<Role, Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    world = await buildWorld(t.db);
    for (const [role, user] of Object.entries(world.users))
      actors[role as Role] = {
        kind: 'user',
        userId: user.id,
        label: user.email,
        memberships: await membershipsOf(t.db, user.id),
      };
    await t.db.query('UPDATE consent SET revoked_at = now()'); // start without the world's consents
  });
  afterAll(async () => {
    await t?.drop();
  });

  const visibleTo = async (role: Role, today: string) =>
    (await listNotes(t.db, actors[role], world.pupilA1, today)).map((n) => n.body);

  it('shows each level only to its roles', async () => {
    const doctor = actors['clb-arts'];
    await addNote(t.db, actors.zorgcoordinator, world.pupilA1, { confidentiality: 'school', body: 'S' }, '2026-03-01');
    await addNote(
      t.db,
      actors.zorgcoordinator,
      world.pupilA1,
      { confidentiality: 'school+clb', body: 'SC' },
      '2026-03-01',
    );
    await addNote(t.db, actors['clb-medewerker'], world.pupilA1, { confidentiality: 'clb', body: 'C' }, '2026-03-01');
    await addNote(t.db, doctor, world.pupilA1, { confidentiality: 'clb-arts', body: 'ARTS' }, '2026-03-01');
    expect((await visibleTo('zorgcoordinator', '2026-03-01')).sort()).toEqual(['S', 'SC']);
    expect((await visibleTo('leerkracht', '2026-03-01')).sort()).toEqual(['S', 'SC']);
    expect((await visibleTo('clb-medewerker', '2026-03-01')).sort()).toEqual(['C', 'SC']);
    expect((await visibleTo('clb-arts', '2026-03-01')).sort()).toEqual(['ARTS', 'C', 'Medische context A', 'SC']);
    await expect(visibleTo('secretariaat', '2026-03-01')).rejects.toMatchObject({ status: 403 });
    await expect(visibleTo('analist', '2026-03-01')).rejects.toMatchObject({ status: 403 });
    // A school role cannot write at a CLB level.
    await expect(
      addNote(t.db, actors.directie, world.pupilA1, { confidentiality: 'clb', body: 'x' }, '2026-03-01'),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('shares a clb-arts note with the named roles while the consent is valid, and not after expiry or revocation', async () => {
    const notes = await listNotes(t.db, actors['clb-arts'], world.pupilA1, '2026-03-01');
    const arts = notes.find((n) => n.body === 'ARTS') as { id: number };
    await expect(
      addConsent(
        t.db,
        actors.zorgcoordinator,
        arts.id,
        { givenBy: 'moeder', purpose: 'zorgoverleg', sharedWithRoles: ['zorgcoordinator'], validUntil: '2026-03-31' },
        '2026-03-01',
      ),
    ).rejects.toMatchObject({ status: 403 });
    const consent = await addConsent(
      t.db,
      actors['clb-arts'],
      arts.id,
      { givenBy: 'moeder', purpose: 'zorgoverleg', sharedWithRoles: ['zorgcoordinator'], validUntil: '2026-03-31' },
      '2026-03-01',
    );
    expect(await visibleTo('zorgcoordinator', '2026-03-01')).toContain('ARTS');
    expect(await visibleTo('zorgcoordinator', '2026-03-31')).toContain('ARTS');
    expect(await visibleTo('zorgcoordinator', '2026-04-01')).not.toContain('ARTS');
    expect(await visibleTo('leerkracht', '2026-03-01')).not.toContain('ARTS');
    expect(await visibleTo('directie', '2026-03-01')).not.toContain('ARTS');
    await revokeConsent(t.db, actors['clb-arts'], consent.id);
    expect(await visibleTo('zorgcoordinator', '2026-03-01')).not.toContain('ARTS');
  });
});
