import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { onReplica } from '../db/replica.ts';

/**
 * Lets the replica answer anonymous reads. A signed-in caller (or a token) reads from the
 * primary, so whoever writes always reads their own writes; anonymous callers write nothing
 * through GET, and a second of replication lag is nothing to them.
 */
export function routeAnonymousReadsToReplica(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (request, reply) {
      const anonymousRead =
        (request.method === 'GET' || request.method === 'HEAD') &&
        request.actor.kind === 'anonymous';
      return anonymousRead
        ? onReplica(() => handler.call(this, request, reply))
        : handler.call(this, request, reply);
    };
  });
}
