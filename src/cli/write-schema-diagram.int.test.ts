import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { currentSchemaDiagram, SCHEMA_DIAGRAM_FILE } from './write-schema-diagram.ts';

describe('the data model diagram (docs/schema.md)', () => {
  it('is generated from the current migrations: run `npm run docs:schema` after adding a migration', async () => {
    const committed = await readFile(SCHEMA_DIAGRAM_FILE, 'utf8');
    expect(committed).toBe(await currentSchemaDiagram());
  });
});
