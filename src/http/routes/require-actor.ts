// Route guards: the signed-in actor of a request (or a 401 problem), path ids, and access checked on the path's id
// before the body is validated.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../app/actor.ts';
import { unauthenticated } from '../../app/errors.ts';

export function requireActor(request: FastifyRequest) {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) return -1;
  return id;
}

/**
 * A `preValidation` hook: `check` runs on the actor and the path parameter `param` (as idParam reads it) before
 * Fastify validates the body, so a 400 never tells an outsider that the pupil or item exists — the check's 403 or
 * 404 comes first. Every write route on a pupil or an item of one uses it.
 */
export function accessBeforeBody(param: string, check: (actor: Actor, id: number) => Promise<unknown>) {
  return async (request: FastifyRequest) => {
    const value = (request.params as Record<string, string | undefined>)[param] ?? '';
    await check(requireActor(request), idParam(value));
  };
}
