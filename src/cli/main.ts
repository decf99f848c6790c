// The `aanwezig` command line: serve, migrate, demo, import, signals — thin wrappers over the use cases.
import { Command } from 'commander';

/**
 * Loads a command's module when that command runs: `signals` needs no database driver, web server or spreadsheet
 * reader, and loading every command's modules took about a second of each start-up.
 */
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: unknown[]): Promise<void> => {
    await ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  };
}

const program = new Command();
program
  .name('aanwezig')
  .description('Aanwezig: keep every pupil in view.')
  .showHelpAfterError()
  // Invalid usage exits with status 2, like invalid input (formats.md); help and version exit 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command('serve')
  .description('run the web app and API (migrates, and seeds the demo schools on an empty database)')
  .option('--port <port>', 'port to listen on', process.env.PORT ?? '3000')
  .option('--host <host>', 'address to bind', process.env.HOST ?? '127.0.0.1')
  .option('--no-demo', 'do not create the demo schools on an empty database')
  .action(lazy(() => import('./serve-command.ts'), 'serveCommand'));

program
  .command('migrate')
  .description('apply database migrations')
  .action(lazy(() => import('./migrate-command.ts'), 'migrateCommand'));

program
  .command('import')
  .description('import a pupils, register or calendar file (CSV or XLSX) into a school')
  .argument('<kind>', 'pupils | register | calendar')
  .argument('<file>', 'path of the file')
  .option('--school <institution-number>', 'the school to import into (default: the only school)')
  .option('--school-year <YYYY-YYYY>', 'school year of the enrolments (pupils; default: the current one)')
  .action(lazy(() => import('./import-command.ts'), 'importCommand'));

program
  .command('export')
  .description("export a school's register as canonical register.csv")
  .argument('<what>', 'register')
  .option('--school <institution-number>', 'the school (default: the only school)')
  .option('--from <YYYY-MM-DD>', 'first date')
  .option('--until <YYYY-MM-DD>', 'last date')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(lazy(() => import('./export-command.ts'), 'exportCommand'));

program
  .command('audit')
  .description('audit log maintenance: delete rows older than the retention period')
  .argument('<what>', 'purge')
  .option('--retention-days <days>', 'set the retention period first (at least 30 days; default 730)')
  .action(lazy(() => import('./audit-command.ts'), 'auditCommand'));

program
  .command('monitor')
  .description('monitor aggregates: rebuild them all from the register')
  .argument('<what>', 'refresh')
  .action(lazy(() => import('./monitor-command.ts'), 'monitorCommand'));

program
  .command('signals')
  .description('evaluate the rule catalog on pupils, register and calendar files (no database)')
  .requiredOption('--pupils <file>', 'pupils.csv')
  .requiredOption('--register <file>', 'register.csv')
  .option('--calendar <file>', 'calendar.csv')
  .option('--calendar-preset <name>', 'e.g. vlaanderen-secundair-2025-2026 or vlaanderen-basis')
  .requiredOption('--as-of <date>', 'evaluate on this date (YYYY-MM-DD)')
  .option('--rules <profile>', 'rule catalog: vlaanderen or england', 'vlaanderen')
  .option('--format <format>', 'json, ndjson (one signal per line) or table', 'json')
  .option('--timings', 'print the time of each phase to standard error')
  .action(lazy(() => import('./signals-command.ts'), 'signalsCommand'));

await program.parseAsync(process.argv);
