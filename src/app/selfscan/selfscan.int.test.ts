// The self-scan use cases on a real database: school and CLB edit together with optimistic locking, others read
// or nothing, the school's own figures, and PDF/DOCX exports that contain what was filled in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipsOf } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildWorld, type World } from '../../testing/access-world.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import type { Actor } from '../actor.ts';
import {
  addAction,
  addComment,
  changeAction,
  exportSelfscan,
  getSelfscan,
  listSelfscans,
  saveAnswer,
  saveGoal,
  startSelfscan,
} from './selfscan.service.ts';

const YEAR = '2025-2026';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfscan-pdf-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', join(dir, 'scan.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(testEngines())('self-scan on %s', (engine) => {
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
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lets the school care team and its CLB edit, the rest of the school and the region read, others nothing', async () => {
    const started = await startSelfscan(t.db, actors.zorgcoordinator, world.schoolA, YEAR);
    expect(started).toEqual({ schoolYear: YEAR, created: true });
    expect(await startSelfscan(t.db, actors['clb-medewerker'], world.schoolA, YEAR)).toEqual({
      schoolYear: YEAR,
      created: false,
    });
    for (const role of ['secretariaat', 'leerkracht', 'analist', 'beheerder'] as const)
      await expect(
        saveGoal(t.db, actors[role], world.schoolA, YEAR, 'f0-registratie', { score: 5, version: 0 }),
      ).rejects.toMatchObject({ status: 403 });
    for (const role of ['secretariaat', 'leerkracht', 'analist', 'clb-arts'] as const)
      expect((await getSelfscan(t.db, actors[role], world.schoolA, YEAR)).schoolYear).toBe(YEAR);
    await expect(getSelfscan(t.db, actors.beheerder, world.schoolA, YEAR)).rejects.toMatchObject({ status: 403 });
    await expect(getSelfscan(t.db, actors.directie, world.schoolB, YEAR)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a stale version with 409 and the current version, for goals, answers and actions', async () => {
    const first = await saveGoal(t.db, actors.zorgcoordinator, world.schoolA, YEAR, 'f0-registratie', {
      score: 6,
      focus: 'Attesten sneller doorgeven aan het CLB.',
      version: 0,
    });
    expect(first.version).toBe(1);
    // The CLB worker opened the goal before the school saved: still version 0.
    await expect(
      saveGoal(t.db, actors['clb-medewerker'], world.schoolA, YEAR, 'f0-registratie', { score: 4, version: 0 }),
    ).rejects.toMatchObject({ status: 409, extra: { current: { version: 1, score: 6 } } });
    const second = await saveGoal(t.db, actors['clb-medewerker'], world.schoolA, YEAR, 'f0-registratie', {
      score: 7,
      focus: 'Attesten sneller doorgeven aan het CLB.',
      version: 1,
    });
    expect(second.version).toBe(2);
    await expect(
      saveGoal(t.db, actors.directie, world.schoolA, YEAR, 'f0-registratie', { score: 11, version: 2 }),
    ).rejects.toMatchObject({ status: 400 });

    const answer = await saveAnswer(t.db, actors.directie, world.schoolA, YEAR, 'f0-registratie.2', {
      answer: 'Het secretariaat registreert elke ochtend.',
      version: 0,
    });
    expect(answer.version).toBe(1);
    await expect(
      saveAnswer(t.db, actors.leerlingbegeleider, world.schoolA, YEAR, 'f0-registratie.2', {
        answer: 'Anders',
        version: 0,
      }),
    ).rejects.toMatchObject({ status: 409, extra: { current: { version: 1 } } });
    await saveAnswer(t.db, actors.directie, world.schoolA, YEAR, 'r0.1.3', {
      answer: 'Pestbeleid herwerkt.',
      version: 0,
    });
    await expect(
      saveAnswer(t.db, actors.directie, world.schoolA, YEAR, 'bestaat-niet.1', { answer: 'x', version: 0 }),
    ).rejects.toMatchObject({ status: 404 });

    const action = await addAction(t.db, actors.zorgcoordinator, world.schoolA, YEAR, 'f0-registratie', {
      what: 'Registratieafspraken op de personeelsvergadering',
      who: 'directie',
      due: 'oktober',
      check: 'evaluatie in januari',
    });
    expect(action.version).toBe(1);
    const done = await changeAction(t.db, actors['clb-medewerker'], world.schoolA, YEAR, action.id, {
      ...action,
      status: 'done',
      version: 1,
    });
    expect(done.version).toBe(2);
    await expect(
      changeAction(t.db, actors.zorgcoordinator, world.schoolA, YEAR, action.id, { ...action, version: 1 }),
    ).rejects.toMatchObject({ status: 409, extra: { current: { version: 2, status: 'done' } } });
    await addComment(t.db, actors['clb-medewerker'], world.schoolA, YEAR, 'f0-registratie', 'Goed bezig!');

    const scan = await getSelfscan(t.db, actors.leerkracht, world.schoolA, YEAR);
    expect(scan.goals['f0-registratie']).toMatchObject({ score: 7, version: 2 });
    expect(scan.answers['f0-registratie.2']?.answer).toBe('Het secretariaat registreert elke ochtend.');
    expect(scan.actions).toHaveLength(1);
    expect(scan.comments.map((c) => c.body)).toEqual(['Goed bezig!']);
    expect(scan.participants.map((p) => p.kind).sort()).toEqual(['clb', 'school', 'school']);
    expect(scan.canEdit).toBe(false);
  });

  it('records every change in the audit log', async () => {
    const rows = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE action LIKE 'selfscan.%' ORDER BY id`,
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'selfscan.start',
        'selfscan.goal',
        'selfscan.answer',
        'selfscan.action.add',
        'selfscan.action.change',
        'selfscan.comment',
      ]),
    );
  });

  it("shows the school's own figures: register corrections, B5_CLB follow-up and open signals", async () => {
    const scan = await getSelfscan(t.db, actors.directie, world.schoolA, YEAR);
    expect(scan.figures.schoolYear).toBe(YEAR);
    const [counts] = await t.db.query<{ entries: number; history: number; open: number }>(
      `SELECT (SELECT count(*)::int FROM register_entry WHERE school_id = $1
               AND date BETWEEN '2025-09-01' AND '2026-08-31') AS entries,
              (SELECT count(*)::int FROM register_history h JOIN pupil p ON p.id = h.pupil_id
               WHERE p.school_id = $1 AND h.date BETWEEN '2025-09-01' AND '2026-08-31') AS history,
              (SELECT count(*)::int FROM signal WHERE school_id = $1 AND school_year = $2 AND holds
               AND status <> 'handled') AS open`,
      [world.schoolA, YEAR],
    );
    expect(scan.figures.registerRows).toBe(counts?.entries);
    expect(scan.figures.registerCorrections).toBe(counts?.history);
    expect(scan.figures.openSignals).toBe(counts?.open);
    expect(scan.figures.openSignals).toBeGreaterThan(0);
  });

  it('lists the years of a school with their scores for the comparison', async () => {
    const list = await listSelfscans(t.db, actors['clb-arts'], world.schoolA);
    expect(list.canEdit).toBe(true);
    expect(list.scans).toEqual([expect.objectContaining({ schoolYear: YEAR, scores: { 'f0-registratie': 7 } })]);
    expect(list.instrument.phases).toHaveLength(4);
  });

  it.runIf(hasPdftotext)('exports a PDF whose text holds the goals, scores, answers and actions', async () => {
    const pdf = await exportSelfscan(t.db, actors.directie, world.schoolA, YEAR, 'pdf', 'nl');
    expect(pdf.contentType).toBe('application/pdf');
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    expect(text).toContain('Fase 0: Brede Basiszorg');
    expect(text).toContain('De school beschikt over een strikt beleid m.b.t. registratie van afwezigheden');
    expect(text).toContain('Schaal je school in voor deze doelstelling: 7/10');
    expect(text).toContain('Het secretariaat registreert elke ochtend.');
    expect(text).toContain('Registratieafspraken op de personeelsvergadering');
    expect(text).toContain('FASE 3: INDIVIDUEEL AANGEPAST CURRICULUM');
    const english = pdfText((await exportSelfscan(t.db, actors.directie, world.schoolA, YEAR, 'pdf', 'en')).body);
    expect(english.replace(/\s+/g, ' ')).toContain('Rate your school for this goal: 7/10');
  });

  it('exports a DOCX with the same content', async () => {
    const docx = await exportSelfscan(t.db, actors.directie, world.schoolA, YEAR, 'docx', 'nl');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Registratieafspraken op de personeelsvergadering');
    expect(xml).toContain('7/10');
    expect(xml).toContain('Overzicht doelstellingen per fase');
  });
});
