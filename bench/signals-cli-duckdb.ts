// The DuckDB side of bench/signals-cli.ts, in its own process: reads pupils.csv and register.csv and answers the
// 5th B of each pupil and the most Z/D half-days in any 91-day window. Prints one JSON line on standard error.
import { DuckDBInstance } from '@duckdb/node-api';

const [pupils, register] = process.argv.slice(2);
if (!pupils || !register) throw new Error('usage: signals-cli-duckdb PUPILS_CSV REGISTER_CSV');
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`CREATE TABLE pupils AS SELECT * FROM read_csv('${pupils}', header = true, all_varchar = true)`);
await connection.run(
  `CREATE TABLE register AS SELECT * FROM read_csv('${register}', header = true,
     columns = {'pupil_id': 'VARCHAR', 'date': 'DATE', 'half': 'VARCHAR', 'code': 'VARCHAR', 'note': 'VARCHAR'})`,
);
const loaded = performance.now();
await connection.run(`CREATE TABLE fifth_b AS
  SELECT pupil_id, date AS fifth_b_date FROM (
    SELECT pupil_id, date, row_number() OVER (PARTITION BY pupil_id ORDER BY date, half) AS n
    FROM register WHERE code = 'B') WHERE n = 5`);
await connection.run(`CREATE TABLE z_window AS
  SELECT pupil_id, max(in_window) AS most_z_in_91_days FROM (
    SELECT pupil_id, count(*) OVER (PARTITION BY pupil_id ORDER BY date
                                    RANGE BETWEEN INTERVAL 90 DAYS PRECEDING AND CURRENT ROW) AS in_window
    FROM register WHERE code IN ('Z', 'D')) GROUP BY pupil_id`);
const done = performance.now();
const counts = (
  await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM pupils), (SELECT count(*) FROM register), (SELECT count(*) FROM fifth_b),
            (SELECT count(*) FROM z_window WHERE most_z_in_91_days >= 10)`,
  )
).getRows()[0] as unknown[];
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0];
connection.closeSync();
instance.closeSync();
process.stderr.write(
  `${JSON.stringify({
    duckdb: {
      threads: Number(threads),
      loadSeconds: Math.round(loaded - started) / 1000,
      querySeconds: Math.round(done - loaded) / 1000,
      pupils: Number(counts[0]),
      registerRows: Number(counts[1]),
      pupilsWithFifthB: Number(counts[2]),
      pupilsWithTenZOrDIn91Days: Number(counts[3]),
    },
  })}\n`,
);
