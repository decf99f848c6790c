#!/usr/bin/env node
// The `aanwezig` command: runs the TypeScript CLI through tsx's loader (no separate build step). `aanwezig signals`
// runs the ahead-of-time build in dist/cli/ instead (`npm run build:cli`, also run by `npm install`) when there is
// one and none of its sources is newer: it starts in ~0.1 s where transpiling the sources takes ~0.5 s.
import { readFileSync, statSync } from 'node:fs';

/** Whether dist/cli/ holds a build of `aanwezig signals` that is not older than any of its sources. */
function upToDate() {
  try {
    const built = statSync(new URL('../dist/cli/signals-main.js', import.meta.url)).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('../dist/cli/meta.json', import.meta.url), 'utf8'));
    return inputs.every((input) => statSync(new URL(`../${input}`, import.meta.url)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (process.argv[2] === 'signals' && upToDate()) {
  await import('../dist/cli/signals-main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
