// The `aanwezig` command line: serve, migrate, demo, import, signals — thin wrappers over the use cases.
import { ConfigError, loadConfig } from '../config.ts';
import { DataFolderLocked } from '../db/data-folder-lock.ts';
import { addSignalsCommand, createProgram } from './program.ts';

/**
 * Loads a command's module when that command runs: `signals` needs no database driver, web server or spreadsheet
 * reader, and loading every command's modules took about a second of each start-up.
 */
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: unknown[]): Promise<void> => {
    await ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  };
}

const program = createProgram();

program
  .command('serve')
  .description('run the web app and API (migrates, and seeds the demo schools on an empty database)')
  .option('--port <port>', 'port to listen on (default: PORT, else 3000)')
  .option('--host <host>', 'address to bind (default: HOST, else 127.0.0.1)')
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
  .option(
    '--map <field=header>',
    'read FIELD from the column HEADER (repeatable; remembered for the school and header once the import succeeds)',
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .action(lazy(() => import('./import-command.ts'), 'importCommand'));

program
  .command('export')
  .description("export a school's register as canonical register.csv")
  .argument('<what>', 'register')
  .option('--school <institution-number>', 'the school (default: the only school)')
  .option('--from <YYYY-MM-DD>', 'first date')
  .option('--until <YYYY-MM-DD>', 'last date')
  .option('--out <file>', 'write to a file instead of standard output (register.xlsx: as XLSX)')
  .action(lazy(() => import('./export-command.ts'), 'exportCommand'));

program
  .command('audit')
  .description('audit log maintenance: delete rows older than the retention period')
  .argument('<what>', 'purge')
  .option('--retention-days <days>', 'set the retention period first (at least 365 days; default 730)')
  .action(lazy(() => import('./audit-command.ts'), 'auditCommand'));

program
  .command('monitor')
  .description('monitor aggregates: rebuild them all from the register; the region report')
  .argument('<what>', 'refresh | report')
  .option('--as-of <date>', 'report: reference date (YYYY-MM-DD; default today)')
  .option('--region <id>', 'report: one region (default: every school)')
  .option('--lop <id>', "report: a LOP's view of exclusions instead (aggregates only)")
  .option('--format <format>', 'report: json, csv or pdf', 'json')
  .option('--out <file>', 'report: write to a file instead of standard output')
  .action(lazy(() => import('./monitor-command.ts'), 'monitorCommand'));

program
  .command('backup')
  .description('write a consistent backup of the whole database (PGlite or PostgreSQL) to one file')
  .requiredOption('--out <file>', 'the backup file to write (e.g. aanwezig-2026-12-03.backup.gz)')
  .action(lazy(() => import('./backup-command.ts'), 'backupCommand'));

program
  .command('restore')
  .description('restore a backup into an empty database or PGlite folder')
  .argument('<file>', 'a file written by aanwezig backup')
  .option('--force', 'replace everything in a database that is not empty')
  .action(lazy(() => import('./backup-command.ts'), 'restoreCommand'));

addSignalsCommand(program, {
  signals: lazy(() => import('./signals-command.ts'), 'signalsCommand'),
  refresh: lazy(() => import('./refresh-command.ts'), 'refreshCommand'),
});

try {
  loadConfig(); // every setting is checked before any command runs
  await program.parseAsync(process.argv);
} catch (error) {
  // Refusals that need no stack trace: another process holds the PGlite folder (issue 12), a bad setting.
  if (error instanceof DataFolderLocked || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
