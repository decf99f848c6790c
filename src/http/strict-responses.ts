// A test-time guard on response schemas: a zod response schema silently leaves out members it does not name, so a
// schema that lags behind its use case would hide data from the web app. With strict responses on (the test
// configurations set AANWEZIG_STRICT_RESPONSES=1), an answer that would lose a member is a 500 naming the member.
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

/** Members a use case returns for the server's own use that a response schema leaves out on purpose. */
export const INTERNAL_MEMBERS: ReadonlySet<string> = new Set(['passwordHash', 'changedPupilIds']);

/** JSON paths of the object members in `given` that `sent` lacks (arrays compared item by item). */
export function droppedMembers(given: unknown, sent: unknown, path = ''): string[] {
  if (Array.isArray(given)) {
    if (!Array.isArray(sent)) return [];
    return given.flatMap((item, index) => droppedMembers(item, sent[index], `${path}[${index}]`));
  }
  if (given === null || typeof given !== 'object' || sent === null || typeof sent !== 'object') return [];
  const out = sent as Record<string, unknown>;
  return Object.entries(given as Record<string, unknown>).flatMap(([key, value]) => {
    if (INTERNAL_MEMBERS.has(key) || value === undefined) return [];
    if (!(key in out)) return [`${path}.${key}`];
    return droppedMembers(value, out[key], `${path}.${key}`);
  });
}

export const strictSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data) => {
    const json = serialize(data);
    const dropped = droppedMembers(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(json));
    if (dropped.length > 0) {
      throw new Error(`${route.method} ${route.url}: the response schema drops ${dropped.slice(0, 5).join(', ')}`);
    }
    return json;
  };
};
