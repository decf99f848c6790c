// The command line's program and its `signals` command, shared by the whole command line (main.ts) and the
// ahead-of-time build of `aanwezig signals` (signals-main.ts), so that both accept and explain the same options.
import { Command } from 'commander';

type Action = (...args: unknown[]) => Promise<void>;

export function createProgram(): Command {
  return (
    new Command()
      .name('aanwezig')
      .description('Aanwezig: keep every pupil in view.')
      .showHelpAfterError()
      // Options after a subcommand belong to it (`signals refresh --as-of` is not `signals --as-of`).
      .enablePositionalOptions()
      // Invalid usage exits with status 2, like invalid input (formats.md); help and version exit 0.
      .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  );
}

/**
 * Adds `signals` (evaluate files, no database) and `signals refresh` to `program`. Each action is given rather
 * than imported here, so that the ahead-of-time build holds the file evaluation only.
 */
export function addSignalsCommand(program: Command, actions: { signals: Action; refresh: Action }): void {
  const signals = program
    .command('signals')
    .description('evaluate the rule catalog on pupils, register and calendar files (no database)')
    .option('--pupils <file>', 'pupils.csv (required)')
    .option('--register <file>', 'register.csv (required)')
    .option('--calendar <file>', 'calendar.csv')
    .option('--calendar-preset <name>', 'e.g. vlaanderen-secundair-2025-2026 or vlaanderen-basis')
    .option('--as-of <date>', 'evaluate on this date (YYYY-MM-DD; required)')
    .option('--rules <profile>', 'rule catalog: vlaanderen or england', 'vlaanderen')
    .option('--format <format>', 'json, ndjson (one signal per line) or table', 'json')
    .option('--timings', 'print the time of each phase to standard error')
    // Required here rather than with requiredOption: commander also demands an ancestor's required options of a
    // subcommand, and `signals refresh` needs none of these.
    .action(async (options: Record<string, unknown>, command: Command) => {
      for (const [key, flag] of [
        ['pupils', '--pupils <file>'],
        ['register', '--register <file>'],
        ['asOf', '--as-of <date>'],
      ] as const) {
        if (options[key] === undefined) command.error(`error: required option '${flag}' not specified`);
      }
      await actions.signals(options);
    });

  signals
    .command('refresh')
    .description('recompute the signals of every school in the database as of a date (what the daily job does)')
    .option('--as-of <date>', 'evaluate on this date (YYYY-MM-DD; default today)')
    .action(actions.refresh);
}
