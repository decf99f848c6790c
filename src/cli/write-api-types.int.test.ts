import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, currentApiTypes } from './write-api-types.ts';

describe('the web client types (web/api/schema.d.ts)', () => {
  it('are generated from the current OpenAPI document: run `npm run api:types` after changing a route schema', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed).toBe(await currentApiTypes());
  });
});
