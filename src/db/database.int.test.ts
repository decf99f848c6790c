// Transactions nest: a use case handed a transaction that opens its own joins it (in a savepoint), so services
// take one `db`. Checked on both engines with a scratch table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';

describe.each(testEngines())('nested transactions on %s', (engine) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.db.exec('CREATE TABLE nesting_probe (label text NOT NULL)');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const labels = async () =>
    (await t.db.query<{ label: string }>('SELECT label FROM nesting_probe ORDER BY label')).map((r) => r.label);
  const insert = (db: TestDatabase['db'], label: string) =>
    db.query('INSERT INTO nesting_probe (label) VALUES ($1)', [label]);

  it('commits inner and outer writes together', async () => {
    await t.db.exec('DELETE FROM nesting_probe');
    await t.db.transaction(async (tx) => {
      await insert(tx, 'outer');
      await tx.transaction((inner) => insert(inner, 'inner'));
    });
    expect(await labels()).toEqual(['inner', 'outer']);
  });

  it('undoes only the inner writes when the inner failure is caught', async () => {
    await t.db.exec('DELETE FROM nesting_probe');
    await t.db.transaction(async (tx) => {
      await insert(tx, 'outer');
      await tx
        .transaction(async (inner) => {
          await insert(inner, 'inner');
          throw new Error('inner refused');
        })
        .catch(() => {});
      await insert(tx, 'after');
    });
    expect(await labels()).toEqual(['after', 'outer']);
  });

  it('undoes everything when the inner failure is not caught', async () => {
    await t.db.exec('DELETE FROM nesting_probe');
    await expect(
      t.db.transaction(async (tx) => {
        await insert(tx, 'outer');
        await tx.transaction(async (inner) => {
          await insert(inner, 'inner');
          throw new Error('inner refused');
        });
      }),
    ).rejects.toThrow('inner refused');
    expect(await labels()).toEqual([]);
  });

  it('joins the outer transaction: an outer rollback also undoes a committed inner part', async () => {
    await t.db.exec('DELETE FROM nesting_probe');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.transaction((inner) => insert(inner, 'inner'));
        throw new Error('outer refused');
      }),
    ).rejects.toThrow('outer refused');
    expect(await labels()).toEqual([]);
  });
});
