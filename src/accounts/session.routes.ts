import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/database.ts';
import { SESSION_COOKIE } from '../server/auth.ts';
import type { Config } from '../config.ts';
import { requireAccess } from './access.ts';
import { AuditListQuerySchema, type AuditView } from './audit.schema.ts';
import { listAuditEntries } from './audit.service.ts';
import { createSession, deleteSession, SESSION_LIFETIME_MS } from './session.service.ts';
import { getUserById } from './user.repository.ts';
import { verifyLogin } from './user.service.ts';
import type { SessionAnswer } from './session.schema.ts';

const SignInSchema = z
  .object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) })
  .strict();

/** The session cookie: not readable by scripts, not sent cross-site, TLS-only over TLS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function registerSessionRoutes(
  app: FastifyInstance,
  store: Store,
  config: Config,
  auditView: AuditView,
): void {
  app.post(
    '/api/session',
    {
      // The per-address limit comes on top of each account's own back-off.
      config: {
        permission: 'session',
        rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Sign in with email and password; sets the session cookie',
        tags: ['accounts'],
      },
    },
    async (request, reply): Promise<SessionAnswer> => {
      const { email, password } = SignInSchema.parse(request.body);
      const user = await verifyLogin(store.db, email, password);
      const session = await createSession(store.db, user.id);
      setSessionCookie(request, reply, session.token);
      return {
        user: { email: user.email, name: user.name, grants: user.grants },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.get(
    '/api/session',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Who is signed in, and the CSRF token their writes must carry',
        tags: ['accounts'],
      },
    },
    async (request): Promise<SessionAnswer> => {
      const { actor } = request;
      if (actor.kind === 'anonymous' || actor.via !== 'session')
        return { user: null, csrfToken: null };
      const user = await getUserById(store.db, actor.userId);
      return {
        user: user ? { email: user.email, name: user.name, grants: user.grants } : null,
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { permission: 'session' },
      schema: {
        summary: 'Sign out: the session ends on the server and its cookie is cleared',
        tags: ['accounts'],
      },
    },
    async (request, reply) => {
      if (request.session) await deleteSession(store.db, request.session.token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        summary: 'The newest audit-trail entries (admins and the secretariat)',
        tags: ['accounts'],
      },
    },
    async (request) => {
      requireAccess(request.actor, 'audit.read');
      const entries = await listAuditEntries(store.db, AuditListQuerySchema.parse(request.query));
      return auditView(store.db, request, entries);
    },
  );
}
