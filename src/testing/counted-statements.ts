// A connection handle that counts the statements sent through it (bench and tests of per-request cost).
import type { Sql } from '../db/database.ts';

/** `db` with its `query` counted; `statements()` tells how many went through it so far. */
export function countStatements<D extends Sql>(db: D): { db: D; statements: () => number } {
  let count = 0;
  const counted: D = {
    ...db,
    query: (text: string, params?: readonly unknown[]) => {
      count += 1;
      return db.query(text, params);
    },
  };
  return { db: counted, statements: () => count };
}
