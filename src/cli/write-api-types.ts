// `npm run api:types`: writes web/api/schema.d.ts, the web client's types, from the server's OpenAPI document.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../db/database.ts';
import { apiTypes, type OpenApiDocument } from '../http/openapi-types.ts';
import { buildServer } from '../http/server.ts';

export const API_TYPES_FILE = fileURLToPath(new URL('../../web/api/schema.d.ts', import.meta.url));

/** The document as the server serves it; routes are only registered, so an empty in-memory database will do. */
export async function currentOpenApiDocument(): Promise<OpenApiDocument> {
  const db = await openPglite(undefined);
  try {
    const app = await buildServer({ db, oidc: null });
    await app.ready();
    const document = app.swagger() as OpenApiDocument;
    await app.close();
    return document;
  } finally {
    await db.close();
  }
}

export async function currentApiTypes(): Promise<string> {
  return apiTypes(await currentOpenApiDocument());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await currentApiTypes();
  const before = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
  if (before !== text) await writeFile(API_TYPES_FILE, text);
  console.log(`${API_TYPES_FILE}: ${before === text ? 'up to date' : 'written'}`);
}
