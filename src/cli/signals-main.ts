// `aanwezig signals` on its own: the entry of the ahead-of-time build (`npm run build:cli` bundles it with its
// sources into dist/cli/), which bin/aanwezig.mjs runs for `aanwezig signals` while the build is up to date. Through
// tsx, transpiling and loading the sources took ~0.5 s of every run; the build starts in ~0.1 s. The command, its
// options and its output are those of the whole command line (program.ts, signals-command.ts).
import { ConfigError, loadConfig } from '../config.ts';
import { addSignalsCommand, createProgram } from './program.ts';
import { type SignalsOptions, signalsCommand } from './signals-command.ts';

/** `signals refresh` works on the database: it is handed to the whole command line, which reads the arguments again. */
async function wholeCommandLine(): Promise<void> {
  const { register } = await import('tsx/esm/api');
  register();
  // Two folders up from both src/cli/ and dist/cli/.
  await import(new URL('../../src/cli/main.ts', import.meta.url).href);
}

const program = createProgram();
addSignalsCommand(program, {
  signals: (options) => signalsCommand(options as SignalsOptions),
  refresh: wholeCommandLine,
});

try {
  loadConfig(); // every setting is checked before any command runs, as main.ts does
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
