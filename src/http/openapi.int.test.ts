import { validate } from '@readme/openapi-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

type Document = { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };

/** `/pupils/:pupilId` → `/pupils/{pupilId}`, as OpenAPI writes a path parameter. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let document: Document;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    app = await buildServer({ db: t.db, today: () => '2026-03-01', oidc: null });
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    // validate() mutates what it is given (it resolves references): give it a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('describes every route of the route table, and nothing else', () => {
    const routes = app.routeTable
      .filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${openApiPath(route.url)}`)
      .sort();
    const operations = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(routes.length).toBeGreaterThan(80);
    expect(operations).toEqual(routes);
  });

  it('declares the path parameters of every operation', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const [method, operation] of Object.entries(operations)) {
        const declared = ((operation.parameters ?? []) as { in: string; name: string }[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name)
          .sort();
        expect(declared, `${method.toUpperCase()} ${path}`).toEqual(names);
      }
    }
  });

  it('names the policy action of every operation', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation['x-access'], `${method.toUpperCase()} ${path}`).toEqual(expect.any(String));
      }
    }
  });

  it('serves an HTML index of the operations', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('/api/pupils/{pupilId}');
  });
});
