import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { requireAccess, type Actor } from './access.ts';
import { CreateTokenSchema, TokenIdSchema } from './token.schema.ts';
import { createToken, listTokens, revokeToken } from './token.service.ts';
import { appendAudit } from './audit.service.ts';
import type { Db } from '../db/database.ts';
import type { User } from './user.model.ts';
import { getUserById } from './user.repository.ts';

const ROUTE_PERMISSION = 'tokens.own' as const;

const docs = (summary: string) => ({
  config: { permission: ROUTE_PERMISSION },
  schema: { summary, tags: ['accounts'] },
});

/** The user whose tokens a request manages: a signed-in person, never a token. */
async function tokenOwner(db: Db, actor: Actor): Promise<User> {
  requireAccess(actor, 'tokens.own');
  const user = actor.kind === 'user' ? await getUserById(db, actor.userId) : undefined;
  // The configured ADMIN_TOKEN passes requireAccess but has no account to own tokens.
  if (!user) throw new AppError('forbidden', 'API tokens belong to a user account: sign in');
  return user;
}

export function registerTokenRoutes(app: FastifyInstance, store: Store): void {
  const db: Db = store.db;

  app.post(
    '/api/tokens',
    docs('Create an API token scoped to some of your permissions; the token is shown only here'),
    async (request, reply) => {
      const owner = await tokenOwner(db, request.actor);
      const input = CreateTokenSchema.parse(request.body);
      const created = await store.db.transaction().execute(async (trx) => {
        const token = await createToken(trx, owner, input);
        await appendAudit(trx, {
          actor: owner.email,
          action: 'token.create',
          targetType: 'api-token',
          targetId: String(token.id),
          after: { name: token.name, prefix: token.prefix, permissions: token.permissions },
          origin: request.ip,
        });
        return token;
      });
      return reply.status(201).send(created);
    },
  );

  app.get('/api/tokens', docs('Your API tokens, without their secrets'), async (request) => {
    const owner = await tokenOwner(db, request.actor);
    return { tokens: await listTokens(db, owner.id) };
  });

  app.delete(
    '/api/tokens/:id',
    docs('Revoke an API token: yours, or anyone’s for an administrator'),
    async (request, reply) => {
      const { id } = TokenIdSchema.parse(request.params);
      await store.db.transaction().execute(async (trx) => {
        // Revoking a revoked token changes nothing, and records nothing.
        if (!(await revokeToken(trx, request.actor, id))) return;
        await appendAudit(trx, {
          actor: request.actor.kind === 'user' ? request.actor.email : 'anonymous',
          action: 'token.revoke',
          targetType: 'api-token',
          targetId: String(id),
          origin: request.ip,
        });
      });
      return reply.status(204).send();
    },
  );
}
