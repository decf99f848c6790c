// The layer direction (domain ← app ← http/cli, db only through repositories) is enforced by Biome: a new import
// against it makes `npm run lint` fail. Each probe is a real file placed in a layer folder and linted with the
// project's biome.json; the allowed probes keep the rule from passing by refusing everything.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

interface Probe {
  folder: string;
  imports: string;
}

const AGAINST_THE_DIRECTION: Probe[] = [
  { folder: 'src/domain', imports: '../db/database.ts' },
  { folder: 'src/domain/rules', imports: '../../app/actor.ts' },
  { folder: 'src/domain', imports: '../http/problem.ts' },
  { folder: 'src/db', imports: '../app/actor.ts' },
  { folder: 'src/app', imports: '../http/server.ts' },
  { folder: 'src/http/routes', imports: '../../db/user.repository.ts' },
  { folder: 'src/cli', imports: '../db/school.repository.ts' },
  { folder: 'src/http', imports: '../db/migrations/index.ts' },
  { folder: 'web/pages', imports: '../../src/app/actor.ts' },
];

const ALONG_THE_DIRECTION: Probe[] = [
  { folder: 'src/app', imports: '../db/user.repository.ts' },
  { folder: 'src/app', imports: '../domain/civil-date.ts' },
  { folder: 'src/http', imports: '../app/actor.ts' },
  { folder: 'src/cli', imports: '../db/database.ts' },
  { folder: 'web/pages', imports: '../../src/domain/civil-date.ts' },
];

interface LintReport {
  diagnostics: { category: string; message: string }[];
}

/** Lints one probe file importing `imports` from inside `folder`; returns the exit status and the diagnostics. */
async function lintProbe(probe: Probe) {
  const file = join(ROOT, probe.folder, `layering-probe-${randomUUID()}.ts`);
  writeFileSync(file, `import * as probe from '${probe.imports}';\n\nexport const used = probe;\n`);
  try {
    const { stdout } = await promisify(execFile)(BIOME, ['lint', '--reporter=json', file], { cwd: ROOT }).catch(
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
    const report = JSON.parse(stdout) as LintReport;
    return report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports');
  } finally {
    rmSync(file, { force: true });
  }
}

describe('layer direction in lint', () => {
  it.each(AGAINST_THE_DIRECTION)('refuses $imports from $folder', async (probe) => {
    const diagnostics = await lintProbe(probe);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^Layering:/);
  });

  it.each(ALONG_THE_DIRECTION)('allows $imports from $folder', async (probe) => {
    expect(await lintProbe(probe)).toEqual([]);
  });

  it('fails `biome lint` with a non-zero exit on an import against the direction', async () => {
    const file = join(ROOT, 'src/domain', `layering-probe-${randomUUID()}.ts`);
    writeFileSync(file, `import type { Sql } from '../db/database.ts';\n\nexport type Probe = Sql;\n`);
    try {
      const exit = await promisify(execFile)(BIOME, ['lint', file], { cwd: ROOT }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      expect(exit).not.toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
