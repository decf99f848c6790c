// Runs the daily job once a day at a local time. Every server process ticks; the first to claim the day in the
// database (scheduled_run, migration 0015) runs it, so several processes on one PostgreSQL database run it once,
// and a process that was down at the set time catches up when it starts. On PGlite there is one process anyway.
import type { Database } from '../db/database.ts';
import { claimScheduledRun, finishScheduledRun } from '../db/scheduled-run.repository.ts';
import { type DailyJobResult, runDailyJob } from './daily-job.ts';
import type { Mailer } from './notifications/mailer.ts';

export const DAILY_JOB = 'daily';
const TICK_MS = 60_000;

export interface ScheduleLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface DailyScheduleOptions {
  db: Database;
  /** Local time HH:MM from which the day's run is due. */
  time: string;
  timeZone: string;
  /** The clock; injectable so tests can move time. */
  now?: () => Date;
  log: ScheduleLog;
  /** E-mail digests for staff (issue 19); absent when no SMTP server is configured. */
  mail?: { mailer: Mailer; publicUrl: string };
}

export type TickOutcome = 'ran' | 'failed' | 'not-yet' | 'claimed' | 'busy';

export interface DailySchedule {
  /** Checks once whether the day's run is due and unclaimed, and if so runs it. */
  tick(): Promise<TickOutcome>;
  /** Stops ticking and waits for a run in progress. */
  stop(): Promise<void>;
}

/** The civil date and HH:MM of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function createDailySchedule(options: DailyScheduleOptions): DailySchedule {
  const now = options.now ?? (() => new Date());
  let running: Promise<TickOutcome> | null = null;

  async function runDue(): Promise<TickOutcome> {
    const { date, time } = localDateTime(now(), options.timeZone);
    if (time < options.time) return 'not-yet';
    if (!(await claimScheduledRun(options.db, DAILY_JOB, date))) return 'claimed';
    let result: DailyJobResult;
    try {
      result = await runDailyJob(
        options.db,
        date,
        options.mail ? { digests: { ...options.mail, log: options.log } } : {},
      );
    } catch (error) {
      options.log.error({ err: error, day: date }, 'daily job failed');
      await finishScheduledRun(options.db, DAILY_JOB, date, 'failed', { error: (error as Error).message });
      return 'failed';
    }
    const summary = {
      schools: result.schools.length,
      signalsWritten: result.schools.reduce((n, s) => n + s.written, 0),
      signalsCleared: result.schools.reduce((n, s) => n + s.cleared, 0),
      remindersFallingDue: result.remindersFallingDue,
      auditRowsPurged: result.auditRowsPurged,
      ...(result.digests ? { digestsSent: result.digests.sent, digestsFailed: result.digests.failed } : {}),
    };
    await finishScheduledRun(options.db, DAILY_JOB, date, 'done', summary);
    options.log.info({ day: date, ...summary }, 'daily job done');
    return 'ran';
  }

  return {
    tick() {
      if (running) return Promise.resolve('busy');
      running = runDue().finally(() => {
        running = null;
      });
      return running;
    },
    async stop() {
      await running?.catch(() => {});
    },
  };
}

/** Ticks every minute (and shortly after start, to catch up) until stopped. */
export function startDailySchedule(options: DailyScheduleOptions): DailySchedule {
  const schedule = createDailySchedule(options);
  const tick = () =>
    void schedule.tick().catch((error: unknown) => options.log.error({ err: error }, 'daily schedule tick failed'));
  const first = setTimeout(tick, 5_000);
  const every = setInterval(tick, TICK_MS);
  first.unref();
  every.unref();
  return {
    tick: schedule.tick,
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await schedule.stop();
    },
  };
}
