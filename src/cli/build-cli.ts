// `npm run build:cli`: bundles `aanwezig signals` (signals-main.ts and its sources) into dist/cli/ ahead of time.
// bin/aanwezig.mjs runs the build while none of its sources is newer than it (the sources listed in
// dist/cli/meta.json) and the sources through tsx otherwise, so a stale build is never run.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = fileURLToPath(new URL('../../dist/cli', import.meta.url));
// Built next to it and then put in its place, so that a command starting meanwhile finds a whole build or none
// (and then runs the sources).
const outdir = `${target}.${process.pid}`;

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/signals-main.ts'],
  bundle: true,
  // The spreadsheet reader (loaded only for an XLSX or non-UTF-8 file) stays in a chunk of its own.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages load from node_modules as they do through tsx.
  packages: 'external',
  outdir,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${outdir}/meta.json`, JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }));
rmSync(target, { recursive: true, force: true });
renameSync(outdir, target);
