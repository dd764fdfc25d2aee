import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/database.ts';
import { requireAccess } from './access.ts';
import { appendAudit } from './audit.service.ts';
import { deleteUserSessions } from './session.service.ts';
import { addUser, disableUser, getUser, listUsers } from './user.service.ts';

const NewUserSchema = z
  .object({
    email: z.string().min(3).max(320),
    name: z.string().min(1).max(200),
    password: z.string().min(1).max(1024).optional(),
    grants: z
      .array(
        z
          .object({
            role: z.string().max(40),
            country: z.string().max(2).nullish(),
            organisation: z.string().max(200).nullish(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();
const EmailParams = z.object({ email: z.string().min(3).max(320) });

const who = (request: FastifyRequest) =>
  request.actor.kind === 'user' ? request.actor.email : 'anonymous';

export function registerUserRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: { summary: 'Users, their status and roles (admin)', tags: ['accounts'] },
    },
    async (request) => {
      requireAccess(request.actor, 'users.read');
      return { users: await listUsers(store.db) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        summary: 'Add a user with role grants; a generated password is shown once (admin)',
        tags: ['accounts'],
      },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'users.manage');
      const input = NewUserSchema.parse(request.body);
      const added = await store.db.transaction().execute(async (trx) => {
        const result = await addUser(trx, input);
        await appendAudit(trx, {
          actor: who(request),
          action: 'user.add',
          targetType: 'user',
          targetId: result.user.email,
          after: result.user,
          origin: request.ip,
        });
        return result;
      });
      return reply.status(201).send(added);
    },
  );

  app.post(
    '/api/users/:email/disable',
    {
      config: { permission: 'users.manage' },
      schema: {
        summary: 'Disable a user: sign-in refused, sessions ended, history kept (admin)',
        tags: ['accounts'],
      },
    },
    async (request) => {
      requireAccess(request.actor, 'users.manage');
      const { email } = EmailParams.parse(request.params);
      return store.db.transaction().execute(async (trx) => {
        const before = await getUser(trx, email);
        const after = await disableUser(trx, email);
        await deleteUserSessions(trx, after.id);
        await appendAudit(trx, {
          actor: who(request),
          action: 'user.disable',
          targetType: 'user',
          targetId: after.email,
          before,
          after,
          origin: request.ip,
        });
        return after;
      });
    },
  );
}
