// Binary COPY FROM (BinaryTupleWriter through copyIn): the monitor's large tables are written this way (issue 16),
// so what the writer encodes must come back unchanged on both engines — large and negative numbers, dates before
// and after 2000-01-01, texts with non-ASCII characters and empty texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../domain/civil-date.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { BinaryTupleWriter, dayOrNull, eachBinaryTuple, int4OrNull, int8, textOrNull } from './binary-copy.ts';

const ROWS = [
  { id: 1, big: 5_000_000_123, small: -7, day: '2025-09-01', label: 'B' },
  { id: 2, big: -4_294_967_297, small: 2_147_483_647, day: '1999-12-31', label: 'één 1A' },
  { id: 3, big: 0, small: 0, day: '2000-01-01', label: '' },
];

describe.each(testEngines())('binary COPY FROM on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.db.exec('CREATE TABLE binary_probe (id int NOT NULL, big bigint, small int, day date, label text)');
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('stores what the writer encodes, in one chunk or several', async () => {
    await t.db.transaction(async (tx) => {
      const writer = new BinaryTupleWriter();
      const chunks = (async function* () {
        for (const row of ROWS) {
          writer.tuple(5);
          writer.int4(row.id);
          writer.int8(row.big);
          writer.int4(row.small);
          writer.day(dayNumber(row.day));
          writer.text(row.label);
          yield writer.take();
        }
      })();
      await tx.copyIn('binary_probe', ['id', 'big', 'small', 'day', 'label'], chunks, 'binary');
    });
    const stored = await t.db.query<{ id: number; big: number; small: number; day: string; label: string }>(
      'SELECT id, big, small, day, label FROM binary_probe ORDER BY id',
    );
    expect(stored).toEqual(ROWS);
    const read: unknown[] = [];
    await t.db.transaction(async (tx) => {
      await eachBinaryTuple(tx.copyOut('binary_probe', ['id', 'big', 'small', 'day', 'label'], 'binary'), 5, (row) => {
        read.push([int4OrNull(row, 0), int8(row, 1), int4OrNull(row, 2), dayOrNull(row, 3), textOrNull(row, 4)]);
      });
    });
    expect(read).toEqual(ROWS.map((r) => [r.id, r.big, r.small, dayNumber(r.day), r.label]));
  });

  it('stores unique texts (ASCII byte by byte, else UTF-8) from buffers handed over', async () => {
    const texts = [
      '[{"date":"2025-09-01","half":"AM","code":"B"}]',
      'één afwezige halve dag',
      'tien afwezige halve dagen: één',
      'end in é',
      '',
      'emoji 🏫 and a tab\tand a newline\n',
      'x'.repeat(5_000),
    ];
    await t.db.exec('CREATE TABLE unique_text_probe (id int NOT NULL, body text)');
    await t.db.transaction(async (tx) => {
      const writer = new BinaryTupleWriter();
      const chunks = (async function* () {
        for (const [i, text] of texts.entries()) {
          writer.tuple(2);
          writer.int4(i);
          writer.uniqueText(text);
          if (i % 2 === 1) yield writer.handOver();
        }
        yield writer.handOver();
      })();
      await tx.copyIn('unique_text_probe', ['id', 'body'], chunks, 'binary');
    });
    const stored = await t.db.query<{ body: string }>('SELECT body FROM unique_text_probe ORDER BY id');
    expect(stored.map((r) => r.body)).toEqual(texts);
  });
});
