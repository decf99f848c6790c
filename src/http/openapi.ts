// The API contract: an OpenAPI 3.1 document generated from the routes' zod schemas, served at /api/openapi.json,
// with a plain HTML index of the operations at /api/docs (no external scripts, so it works offline and under the CSP).
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { access } from './route-access.ts';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** Registers the document generator; call before any route so that every route is seen. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aanwezig API',
        version: '1',
        description:
          'Absence register, signals, pupil files, self-scan and monitor. Errors are RFC 9457 problem+json. ' +
          'State-changing requests carry the x-csrf-token header (the aanwezig_csrf cookie).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'aanwezig_session' } },
      },
      security: [{ session: [] }],
    },
    // Only the API: the web app's static files are not operations. Each operation names its policy action.
    transform: (input: TransformInput) => {
      if (!input.url.startsWith('/api/')) return { schema: { hide: true }, url: input.url };
      const transformed = jsonSchemaTransform(input);
      const action = (input.route.config as { access?: string } | undefined)?.access;
      const schema: Record<string, unknown> = { ...transformed.schema };
      if (action) {
        schema['x-access'] = action;
        if (action === 'public') schema.security = [];
      }
      return { schema, url: transformed.url };
    },
    transformObject: jsonSchemaTransformObject,
  });
}

/** The routes that serve the document and its index. */
export async function openApiRoutes(api: FastifyInstance): Promise<void> {
  const described = (summary: string) => ({ ...access('public'), schema: { summary } });
  api.get('/openapi.json', described('This document (OpenAPI 3.1)'), async () => api.swagger());
  api.get('/docs', described('An HTML index of the operations'), async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(api)),
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function docsPage(api: FastifyInstance): string {
  const document = api.swagger() as { paths?: Record<string, Record<string, { 'x-access'?: string }>> };
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, operation]) =>
        `<tr><td>${method.toUpperCase()}</td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(operation['x-access'] ?? '')}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Aanwezig API</title></head>
<body><main>
<h1>Aanwezig API</h1>
<p>The full contract (OpenAPI 3.1, request and response schemas): <a href="/api/openapi.json">/api/openapi.json</a>.
Open it in any OpenAPI viewer. Errors are RFC 9457 problem+json; see docs/api.md in the repository.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Action</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</main></body></html>`;
}
