// A school's first large register import evaluates its signals in a worker thread (issue 16): the catalog runs on
// the machine's second core while the main thread feeds the rows to the database, instead of after them. The
// worker (first-import-worker.ts) computes what recomputeSignals computes for a first import; this module loads
// what it needs before the rows go in, hands it the rows the moment the file is parsed, and writes what it returns
// with one COPY per school year (new-signals.repository.ts). When a precondition of that equality does not hold,
// `write` returns undefined and the import recomputes in the request as before.
import { Worker } from 'node:worker_threads';
import type { PendingIndexBuilds } from '../../db/bulk-load.ts';
import type { Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import type { SignalCellCounts } from '../../db/monitor-full-refresh.repository.ts';
import { insertNewSignalLines } from '../../db/new-signals.repository.ts';
import { schoolHasRegister } from '../../db/register.repository.ts';
import { calendarOfSchool } from '../../db/school.repository.ts';
import { loadRecomputeState } from '../../db/signal.repository.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { phaseTimer } from '../../phase-timer.ts';
import type { FirstImportMessage, FirstImportTask } from './first-import-worker.ts';
import type { RecomputeResult } from './recompute-signals.ts';

/**
 * Files from this size (about 130,000 register rows) are evaluated in a worker: starting one costs ~0.3 s, which
 * the parse of a smaller file does not hide, and the evaluation of a smaller one takes less than that in the
 * request. AANWEZIG_SIGNALS_WORKER_MIN_BYTES overrides it (the tests set 0 to take this path with small files).
 */
const DEFAULT_MIN_BYTES = 4 * 1024 * 1024;

/** The worker's young generation (V8's default is 16 MB on 64-bit machines). */
const YOUNG_GENERATION_MB = 64;

const minBytes = () => {
  const setting = process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES;
  return setting === undefined || setting === '' ? DEFAULT_MIN_BYTES : Number(setting);
};

/** Whether a register file of this size is evaluated in a worker when it is its school's first. */
export const evaluatedInWorker = (fileBytes: number) => fileBytes >= minBytes();

/** The school's enrolled pupils, and whether one of them has register rows at another school (a school changer). */
async function pupilsOfSchool(tx: Sql, schoolId: number): Promise<{ ids: number[]; rowsElsewhere: boolean }> {
  const [row] = await tx.query<{ ids: number[] | null; elsewhere: boolean }>(
    `WITH enrolled AS (SELECT DISTINCT pupil_id FROM enrolment WHERE school_id = $1)
     SELECT (SELECT array_agg(pupil_id::int) FROM enrolled) AS ids,
            EXISTS (SELECT 1 FROM enrolled e JOIN pupil p ON p.id = e.pupil_id
                    JOIN pupil o ON o.identity_hash = p.identity_hash AND o.id <> p.id
                    JOIN register_entry r ON r.pupil_id = o.id
                    WHERE p.identity_hash IS NOT NULL) AS elsewhere`,
    [schoolId],
  );
  return { ids: row?.ids ?? [], rowsElsewhere: row?.elsewhere === true };
}

/** Runs reads alongside the import's transaction (another connection), or in it. */
export type ReadAlongside = <T>(work: (db: Sql) => Promise<T>) => Promise<T>;

/** What the worker needs besides the rows, loaded before they are written (none of it changes with them). */
interface LoadedState {
  state: Awaited<ReturnType<typeof loadRecomputeState>>;
  calendar: Awaited<ReturnType<typeof calendarOfSchool>>;
  certificates: FirstImportTask['certificates'];
  /** The school's holding signals per "year|rule" before this import (for the monitor's signal cells). */
  signalCells: Map<string, number>;
}

/**
 * Loads the enrolments, stored signals, calendar and certificates of all the school's pupils; undefined when one of
 * them has rows at another school (those rows are read from the database after the write).
 */
async function loadState(db: Sql, schoolId: number, today: string): Promise<LoadedState | undefined> {
  const pupils = await pupilsOfSchool(db, schoolId);
  if (pupils.rowsElsewhere || pupils.ids.length === 0) return undefined;
  const state = await loadRecomputeState(db, schoolId, pupils.ids, today, false);
  const calendar = await calendarOfSchool(db, schoolId);
  const certificates = await certificateStateOfPupils(db, schoolId, pupils.ids);
  const cells = await db.query<{ key: string; n: number }>(
    `SELECT school_year || '|' || rule_id AS key, count(*)::int AS n FROM signal
     WHERE holds AND school_id = $1 GROUP BY school_year, rule_id`,
    [schoolId],
  );
  return { state, calendar, certificates, signalCells: new Map(cells.map((c) => [c.key, c.n])) };
}

export class FirstImportSignals {
  private readonly worker: Worker;
  /** The worker's messages in order, as they come (FirstImportMessage). */
  private readonly messages: MessageQueue;
  private readonly loaded: Promise<LoadedState | undefined>;
  /** The pupils handed to the worker, once it has them (undefined: the request recomputes). */
  private started: Promise<readonly number[] | undefined> = Promise.resolve(undefined);

  private constructor(
    private readonly schoolId: number,
    private readonly today: string,
    read: ReadAlongside,
  ) {
    // The bootstrap registers tsx's loader in the thread when the sources run as TypeScript.
    // A larger young generation: the evaluation makes many short-lived strings (evidence, sentences, COPY lines),
    // and with the default each scavenge promoted some of them (~0.7 s of garbage collection for 175,000 signals).
    this.worker = takeSpareWorker() ?? newWorker();
    this.worker.ref();
    this.messages = new MessageQueue();
    this.worker.on('message', (message: FirstImportMessage | { type: 'ready' }) => {
      if (message.type !== 'ready') this.messages.push(message);
    });
    this.worker.once('error', (error) => this.messages.fail(error));
    this.worker.once('exit', (code) => this.messages.fail(new Error(`the signals worker stopped (${code})`)));
    this.loaded = read((db) => loadState(db, schoolId, today));
    this.loaded.catch(() => {});
  }

  /**
   * Before a register import's rows are written: undefined unless the file is large and the school has no register
   * rows yet (checked in `tx`). Starts the worker and the load of what it needs besides the rows through `read`:
   * on PostgreSQL a transaction on another connection of the pool, so that the load runs while the import's
   * connection takes the rows (the data read is not written by the import; read committed, as a statement in `tx`
   * would read it).
   */
  static async begin(
    tx: Sql,
    read: ReadAlongside,
    schoolId: number,
    today: string,
    fileBytes: number,
  ): Promise<FirstImportSignals | undefined> {
    if (!evaluatedInWorker(fileBytes)) return undefined;
    if (await schoolHasRegister(tx, schoolId)) return undefined;
    return new FirstImportSignals(schoolId, today, read);
  }

  /** The file is parsed: `columns` are every row it holds, of the pupils `pupilIds`. Evaluation starts. */
  start(columns: RegisterColumns, pupilIds: readonly number[]): void {
    // The rows are copied at once: the caller goes on with them.
    const rows = {
      length: columns.length,
      pupil: columns.pupil.slice(0, columns.length),
      slot: columns.slot.slice(0, columns.length),
      code: columns.code.slice(0, columns.length),
    };
    this.started = this.loaded.then((loaded) => {
      if (!loaded) return undefined;
      const changed = new Set(pupilIds);
      // A recompute of these pupils compares with their stored signals: with any, it is not a first evaluation.
      if (loaded.state.stored.some((s) => changed.has(s.pupilId))) return undefined;
      const task: FirstImportTask = {
        schoolId: this.schoolId,
        today: this.today,
        enrolments: loaded.state.enrolments.filter((e) => changed.has(e.pupilId)),
        calendar: loaded.calendar,
        columns: rows,
        certificates: loaded.certificates,
      };
      // The copies are handed over, not copied again.
      this.worker.postMessage(task, [
        rows.pupil.buffer as ArrayBuffer,
        rows.slot.buffer as ArrayBuffer,
        rows.code.buffer as ArrayBuffer,
      ]);
      return pupilIds;
    });
    this.started.catch(() => {});
  }

  /**
   * Writes the worker's signals for exactly `pupilIds` (the pupils whose rows the import wrote), or returns
   * undefined when the worker did not evaluate them (the caller recomputes them in the request).
   */
  async write(
    tx: Sql,
    pupilIds: readonly number[],
    pendingIndexes?: PendingIndexBuilds,
  ): Promise<(RecomputeResult & { signalCells: SignalCellCounts }) | undefined> {
    const phase = phaseTimer('signals (worker)');
    const started = await this.started;
    if (!started || !sameSet(started, pupilIds)) return undefined;
    const loaded = await this.loaded;
    const signalCells = new Map(loaded?.signalCells);
    const messages = this.messages;
    let written = 0;
    let waited = false;
    // Each school year's chunks go into the database as the worker sends them.
    for (;;) {
      const message = await messages.next();
      if (!waited) {
        phase('wait for the worker (its first school year)');
        waited = true;
      }
      if (message.type === 'done') break;
      if (message.type === 'error') throw new Error(`signals worker: ${message.error}`);
      if (message.type !== 'year') throw new Error(`signals worker: unexpected ${message.type}`);
      const { schoolYear, count } = message;
      let rules: Record<string, number> | undefined;
      async function* tuples(): AsyncGenerator<Uint8Array> {
        for (;;) {
          const next = await messages.next();
          if (next.type === 'chunk') yield next.tuples;
          else if (next.type === 'year-done') {
            rules = next.rules;
            return;
          } else if (next.type === 'error') throw new Error(`signals worker: ${next.error}`);
          else throw new Error(`signals worker: unexpected ${next.type}`);
        }
      }
      if (count > 0) await insertNewSignalLines(tx, this.schoolId, count, tuples(), 'binary', pendingIndexes);
      else for await (const _ of tuples()); // to its year-done
      let inRules = 0;
      for (const [rule, n] of Object.entries(rules ?? {})) {
        const key = `${schoolYear}|${rule}`;
        signalCells.set(key, (signalCells.get(key) ?? 0) + n);
        inRules += n;
      }
      if (inRules !== count) throw new Error(`signals worker: ${inRules} signals sent, ${count} announced`);
      written += count;
    }
    phase('write');
    const changed = new Set(pupilIds);
    const enrolments = loaded?.state.enrolments ?? [];
    const evaluated = new Set(enrolments.filter((e) => changed.has(e.pupilId)).map((e) => e.pupilId));
    return { evaluatedPupils: evaluated.size, written, cleared: 0, signalCells };
  }

  /** The reads alongside, which read the tables the import writes: settled before a lock on those is taken. */
  readsDone(): Promise<unknown> {
    return this.loaded;
  }

  /** Ends the worker (after the write, or when the import fails); a process that keeps a spare starts the next. */
  async dispose(): Promise<void> {
    await this.worker.terminate();
    if (keepSpare) setTimeout(() => prewarmFirstImportWorker().catch(() => {}), SPARE_AGAIN_AFTER_MS).unref();
  }
}

/** A worker started ahead of the next first import (prewarmFirstImportWorker), until one takes it. */
let spare: Worker | undefined;
/** Whether this process keeps a spare worker ready: once asked to, a first import that took it starts another. */
let keepSpare = false;

/**
 * A first import that took the spare starts the next one this long after it ended: the next first import is seldom
 * that close, and starting it at once would take CPU from what the user does right after an import.
 */
const SPARE_AGAIN_AFTER_MS = 30_000;

/** A worker; `warmUp`: it evaluates a made-up school before it says it is ready (a spare, not needed yet). */
function newWorker(warmUp = false): Worker {
  return new Worker(new URL('./first-import-worker.mjs', import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    workerData: { warmUp },
  });
}

/** The spare worker waiting for the next first import, if any (tests). */
export const spareFirstImportWorker = () => spare;

/** The spare worker, if one was started (prewarmFirstImportWorker). */
function takeSpareWorker(): Worker | undefined {
  const worker = spare;
  spare = undefined;
  return worker;
}

/**
 * Starts a worker thread ahead of the next first import (a running server keeps one ready): loading its modules
 * costs ~0.5 s of CPU that a first import would otherwise spend while it parses, and a warm-up on a made-up school
 * (~0.3 s) lets V8 optimise the evaluation before the real one (measured: ~0.3 s less for 175,000 signals). It
 * holds no data until it gets a task, and it does not keep the process alive. With `keep` (the default) a first
 * import that takes it starts another SPARE_AGAIN_AFTER_MS later; a one-off import (the CLI) passes false.
 */
export function prewarmFirstImportWorker(options: { keep?: boolean } = {}): Promise<void> {
  if (options.keep !== false) keepSpare = true;
  if (spare) return Promise.resolve();
  const worker = newWorker(true);
  worker.unref();
  spare = worker;
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.once('exit', () => {
    if (spare === worker) spare = undefined;
  });
  ready.catch(() => {
    if (spare === worker) spare = undefined;
  });
  return ready;
}

/** Messages in the order they came, taken one at a time; a failure ends the queue for every later taker. */
class MessageQueue {
  private readonly items: FirstImportMessage[] = [];
  private failure: { error: unknown } | undefined;
  private waiting: { resolve: (m: FirstImportMessage) => void; reject: (e: unknown) => void } | undefined;

  push(message: FirstImportMessage): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(message);
    } else this.items.push(message);
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      reject(error);
    }
  }

  next(): Promise<FirstImportMessage> {
    const item = this.items.shift();
    if (item) return Promise.resolve(item);
    if (this.failure) return Promise.reject(this.failure.error);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

const sameSet = (a: readonly number[], b: readonly number[]) => {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
};
