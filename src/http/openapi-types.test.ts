import { describe, expect, it } from 'vitest';
import { apiTypes, typeOf } from './openapi-types.ts';

describe('TypeScript types from the JSON Schema zod writes', () => {
  it('writes objects with required and optional members, nullable values, enums and arrays', () => {
    expect(
      typeOf({
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          level: { type: 'string', enum: ['basis', 'secundair'] },
          years: { type: 'array', items: { type: 'string' } },
          'odd-key': { type: 'boolean' },
        },
        required: ['id', 'name'],
      }),
    ).toBe(
      '{\n  id: number;\n  name: string | null;\n  level?: "basis" | "secundair";\n  years?: string[];\n  "odd-key"?: boolean;\n}',
    );
  });

  it('writes records, references, constants and unknown values', () => {
    expect(typeOf({ type: 'object', properties: {}, additionalProperties: { type: 'number' } })).toBe(
      '{\n  [key: string]: number;\n}',
    );
    expect(typeOf({ $ref: '#/components/schemas/User' })).toBe('components["User"]');
    expect(typeOf({ const: 'x' })).toBe('"x"');
    expect(typeOf({})).toBe('unknown');
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
  });

  it('gives each operation its path parameters, query, body and JSON answer', () => {
    const text = apiTypes({
      paths: {
        '/api/pupils/{pupilId}': {
          put: {
            parameters: [
              { in: 'path', name: 'pupilId', required: true, schema: { type: 'string' } },
              { in: 'query', name: 'schoolYear', schema: { type: 'string' } },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: {} } } } },
            responses: { 204: {} },
          },
        },
      },
    });
    expect(text).toContain('path: {\n        pupilId: string;\n      };');
    expect(text).toContain('query: {\n        schoolYear?: string;\n      };');
    expect(text).toContain('body: Record<string, unknown>;');
    expect(text).toContain('response: void;');
  });
});
