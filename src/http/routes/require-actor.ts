// Route guard: the signed-in actor of a request, or a 401 problem.
import type { FastifyRequest } from 'fastify';
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
