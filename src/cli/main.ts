// The `aanwezig` command line: serve, migrate, demo, import, signals — thin wrappers over the use cases.
import { Command } from 'commander';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { serveCommand } from './serve-command.ts';

const program = new Command();
program.name('aanwezig').description('Aanwezig: keep every pupil in view.').showHelpAfterError();

program
  .command('serve')
  .description('run the web app and API (migrates, and seeds the demo schools on an empty database)')
  .option('--port <port>', 'port to listen on', process.env.PORT ?? '3000')
  .option('--host <host>', 'address to bind', process.env.HOST ?? '127.0.0.1')
  .option('--no-demo', 'do not create the demo schools on an empty database')
  .action(serveCommand);

program.command('migrate').description('apply database migrations').action(migrateCommand);

program
  .command('import')
  .description('import a pupils, register or calendar file (CSV or XLSX) into a school')
  .argument('<kind>', 'pupils | register | calendar')
  .argument('<file>', 'path of the file')
  .option('--school <institution-number>', 'the school to import into (default: the only school)')
  .option('--school-year <YYYY-YYYY>', 'school year of the enrolments (pupils; default: the current one)')
  .action(importCommand);

program
  .command('export')
  .description("export a school's register as canonical register.csv")
  .argument('<what>', 'register')
  .option('--school <institution-number>', 'the school (default: the only school)')
  .option('--from <YYYY-MM-DD>', 'first date')
  .option('--until <YYYY-MM-DD>', 'last date')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(exportCommand);

await program.parseAsync(process.argv);
