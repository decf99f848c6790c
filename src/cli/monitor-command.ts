// `aanwezig monitor refresh`: rebuilds every monitor aggregate from the register (after a bulk load, or to
// repair); imports keep them current incrementally, so this is not needed in normal use.
// `aanwezig monitor report --as-of DATE [--region ID | --lop ID] --format json|csv|pdf`: the region report, or a
// LOP's view of exclusions in the same contract (issue 15).
import { writeFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { localDateTime } from '../app/daily-schedule.ts';
import { lopReportFile } from '../app/monitor/lop-report.service.ts';
import { refreshMonitorFully } from '../app/monitor/monitor-refresh.ts';
import { monitorReportFile } from '../app/monitor/region-report.service.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export interface MonitorOptions {
  asOf?: string;
  region?: string;
  lop?: string;
  format?: string;
  out?: string;
}

export async function monitorCommand(what: string, options: MonitorOptions = {}): Promise<void> {
  if (what === 'report') return reportCommand(options);
  if (what !== 'refresh') {
    console.error(`Unknown monitor command "${what}": use refresh or report.`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase();
  try {
    await migrate(db);
    const started = performance.now();
    const counts = await refreshMonitorFully(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Monitor refreshed in ${seconds} s: ${counts.days} day rows, ${counts.pupilYears} pupil-year rows, ${counts.cells} cells.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}

async function reportCommand(options: MonitorOptions): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'pdf') {
    console.error(`Unknown format "${format}": use json, csv or pdf.`);
    process.exitCode = 2;
    return;
  }
  const regionId = options.region === undefined ? null : Number(options.region);
  if (regionId !== null && !Number.isSafeInteger(regionId)) {
    console.error(`"${options.region}" is not a region id.`);
    process.exitCode = 2;
    return;
  }
  const lopId = options.lop === undefined ? null : Number(options.lop);
  if ((lopId !== null && !Number.isSafeInteger(lopId)) || (lopId !== null && regionId !== null)) {
    console.error(`"${options.lop}" is not a LOP id, or given with --region: choose one.`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const asOf = options.asOf ?? localDateTime(new Date(), config.timeZone).date;
    const file =
      lopId === null
        ? await monitorReportFile(db, SYSTEM_ACTOR, { regionId, asOf }, format)
        : await lopReportFile(db, SYSTEM_ACTOR, { lopId, asOf }, format);
    if (options.out) writeFileSync(options.out, file.content);
    else process.stdout.write(file.content);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
