import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { droppedMembers, strictSerializerCompiler } from './strict-responses.ts';

const compile = (schema: z.ZodType) =>
  strictSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('strict responses', () => {
  it('names each member the schema leaves out, nested and in arrays', () => {
    expect(
      droppedMembers({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] }, { a: 1, b: { c: 2 }, e: [{ f: 1 }] }),
    ).toEqual(['.b.d', '.e[0].g']);
  });

  it('ignores internal members and undefined ones', () => {
    expect(droppedMembers({ id: 1, passwordHash: 'x', changedPupilIds: [1], gone: undefined }, { id: 1 })).toEqual([]);
  });

  it('fails an answer that would lose a member and passes one that keeps all', () => {
    const serialize = compile(z.object({ id: z.number() }));
    expect(() => serialize({ id: 1, mustChangePassword: true })).toThrow(/drops \.mustChangePassword/);
    expect(serialize({ id: 1 })).toBe('{"id":1}');
  });
});
