import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { requireAccess } from './access.ts';
import { appendAudit } from './audit.service.ts';
import { issueResetLink, redeemResetLink } from './password-reset.ts';
import { setSessionCookie } from './session.routes.ts';
import { createSession, deleteUserSessions } from './session.service.ts';
import { replacePassword, verifyLogin } from './user.service.ts';

const ChangeSchema = z
  .object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) })
  .strict();
const RedeemSchema = z
  .object({ token: z.string().min(10).max(200), password: z.string().min(1).max(1024) })
  .strict();
const EmailParams = z.object({ email: z.string().min(3).max(320) });

function who(request: FastifyRequest): string {
  return request.actor.kind === 'user' ? request.actor.email : 'anonymous';
}

export function registerPasswordRoutes(app: FastifyInstance, store: Store, config: Config): void {
  app.post(
    '/api/session/password',
    {
      config: {
        permission: 'account.own',
        // Guessing the current password is limited as signing in is.
        rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' },
      },
      schema: { summary: 'Change your own password; your other sessions end', tags: ['accounts'] },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'account.own');
      const { actor } = request;
      if (actor.kind !== 'user' || actor.via !== 'session') {
        throw new AppError('forbidden', 'Sign in to change your password');
      }
      const { current, next } = ChangeSchema.parse(request.body);
      // Checked before the transaction, so that a wrong guess counts towards the lock (inside,
      // its refusal would roll the count back) as a sign-in's does.
      const user = await verifyLogin(store.db, actor.email, current).catch((error: unknown) => {
        // Signed in already: a wrong current password is a mistake in the form, not a 401.
        if (error instanceof AppError && error.code === 'unauthorized') {
          throw new AppError('bad_request', `The current password is not right. ${error.message}`);
        }
        throw error;
      });
      const session = await store.db.transaction().execute(async (trx) => {
        await replacePassword(trx, user, current, next);
        await deleteUserSessions(trx, actor.userId);
        await appendAudit(trx, {
          actor: actor.email,
          action: 'user.change-password',
          targetType: 'user',
          targetId: actor.email,
          after: { passwordChanged: true },
          origin: request.ip,
        });
        return createSession(trx, actor.userId);
      });
      setSessionCookie(request, reply, session.token);
      return { csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/users/:email/reset-link',
    {
      config: { permission: 'users.manage' },
      schema: {
        summary: 'Issue a one-time password reset link for a user, shown to the admin to pass on',
        tags: ['accounts'],
      },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'users.manage');
      const { email } = EmailParams.parse(request.params);
      const link = await store.db.transaction().execute(async (trx) => {
        const issued = await issueResetLink(trx, email, who(request));
        await appendAudit(trx, {
          actor: who(request),
          action: 'user.issue-reset-link',
          targetType: 'user',
          targetId: issued.user.email,
          after: { expiresAt: issued.expiresAt },
          origin: request.ip,
        });
        return issued;
      });
      return reply
        .status(201)
        .send({ email: link.user.email, path: link.path, expiresAt: link.expiresAt });
    },
  );

  app.post(
    '/api/password-reset',
    {
      config: {
        permission: 'session',
        rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Set a new password with a reset link; every session of the user ends',
        tags: ['accounts'],
      },
    },
    async (request, reply) => {
      const { token, password } = RedeemSchema.parse(request.body);
      await store.db.transaction().execute(async (trx) => {
        const user = await redeemResetLink(trx, token, password);
        await appendAudit(trx, {
          actor: user.email,
          action: 'user.reset-password',
          targetType: 'user',
          targetId: user.email,
          after: { passwordChanged: true, via: 'reset link' },
          origin: request.ip,
        });
      });
      return reply.status(204).send();
    },
  );
}
