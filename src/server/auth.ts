import { createHash, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS, requireAccess, type Actor, type Permission } from '../accounts/access.ts';
import { resolveSession } from '../accounts/session.service.ts';
import { actorForToken } from '../accounts/token.service.ts';
import type { Config } from '../config.ts';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a caller needs to reach the route; a route without one is refused. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The signed-in session, when the request came with one. */
    session: { token: string; csrfToken: string } | null;
  }
}

export const SESSION_COOKIE = 'caravan_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

/** The configured ADMIN_TOKEN stands for an administrator: for bootstrapping and scripts. */
const ADMIN_TOKEN_ACTOR: Actor = {
  kind: 'user',
  userId: 0,
  email: 'admin-token',
  grants: [{ role: 'admin', country: null, organisation: null }],
  via: 'admin-token',
};

async function actorOf(request: FastifyRequest, store: Store, config: Config): Promise<Actor> {
  const bearer = bearerToken(request);
  if (bearer !== null) {
    if (config.adminToken !== null && sameSecret(bearer, config.adminToken))
      return ADMIN_TOKEN_ACTOR;
    return actorForToken(store.db, bearer);
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return ANONYMOUS;
  const session = await resolveSession(store.db, token);
  if (!session) return ANONYMOUS;
  request.session = { token, csrfToken: session.csrfToken };
  const { user } = session;
  return { kind: 'user', userId: user.id, email: user.email, grants: user.grants, via: 'session' };
}

/**
 * Decides every request before its body is read: who is calling (a session cookie or a bearer
 * token), whether a cookie-authenticated write carries its CSRF token, and whether the route's
 * declared permission allows the caller.
 */
export async function registerAuth(
  app: FastifyInstance,
  store: Store,
  config: Config,
): Promise<void> {
  await app.register(cookie);
  // Set for every request by the hook below; Fastify wants the property declared up front.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    if (request.routeOptions.url === undefined) return; // no such route: the 404 handler answers
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) {
      throw new AppError(
        'forbidden',
        `${request.method} ${request.routeOptions.url} declares no permission`,
      );
    }
    request.actor = await actorOf(request, store, config);
    const cookieWrite = request.session !== null && !SAFE_METHODS.has(request.method);
    if (cookieWrite) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, request.session!.csrfToken)) {
        throw new AppError(
          'forbidden',
          `A signed-in write needs the ${CSRF_HEADER} header from GET /api/session`,
        );
      }
    }
    requireAccess(request.actor, permission);
  });
}

/** Routes as registered, for the permission matrix test. */
export interface RegisteredRoute {
  method: string;
  url: string;
  permission: Permission | undefined;
}

export function collectRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission: route.config?.permission });
    }
  });
  return routes;
}
