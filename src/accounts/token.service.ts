import { newSecret, secretHash } from './secret.ts';
import { AppError } from '../errors.ts';
import {
  PERMISSIONS,
  permissionsOf,
  requireAccess,
  type Actor,
  type Permission,
} from './access.ts';
import {
  findTokenByHash,
  findTokenById,
  insertToken,
  listTokenRows,
  markRevoked,
  parsePermissions,
  toApiToken,
  touchToken,
} from './token.repository.ts';
import { MAX_TOKEN_NAME_LENGTH, type ApiToken, type NewApiToken } from './token.schema.ts';
import type { Db } from '../db/database.ts';
import type { User } from './user.model.ts';
import { getUserById } from './user.repository.ts';

/** Marks Caravan's tokens, so they are recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'cvn_';
const SHOWN_PREFIX_LENGTH = 8;
/** last_used_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Never given to a token, even when its user has them: a token that could make tokens would
 * outlive its own revocation, and one that could revoke others could lock its owner out.
 */
const NOT_FOR_TOKENS: ReadonlySet<Permission> = new Set([
  'tokens.own',
  'tokens.manage',
  'account.own',
]);

export interface NewToken {
  name: string;
  permissions: readonly string[];
  expiresAt?: Date | undefined;
}

function refuse(message: string): never {
  throw new AppError('bad_request', message);
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) refuse('a token needs a name, to tell it apart later');
  if (trimmed.length > MAX_TOKEN_NAME_LENGTH) {
    refuse(`a token name has at most ${MAX_TOKEN_NAME_LENGTH} characters`);
  }
  return trimmed;
}

/** The requested permissions in canonical order, if the user's own roles give every one. */
function validPermissions(user: User, requested: readonly string[]): Permission[] {
  if (requested.length === 0) refuse('a token needs at least one permission');
  const scopable = [...permissionsOf(user.grants)].filter((p) => !NOT_FOR_TOKENS.has(p));
  for (const name of requested) {
    if (!(PERMISSIONS as readonly string[]).includes(name)) refuse(`unknown permission ${name}`);
    if (NOT_FOR_TOKENS.has(name as Permission)) refuse(`a token cannot be given ${name}`);
    if (!scopable.includes(name as Permission)) {
      refuse(
        `your roles do not give ${name}, so a token of yours cannot have it ` +
          `(yours: ${scopable.join(', ') || 'none'})`,
      );
    }
  }
  return PERMISSIONS.filter((p) => requested.includes(p));
}

function validExpiry(expiresAt: Date | undefined, now: Date): string | null {
  if (expiresAt === undefined) return null;
  if (Number.isNaN(expiresAt.getTime())) refuse('expiresAt is not a date');
  if (expiresAt <= now) refuse('expiresAt must be in the future');
  return expiresAt.toISOString();
}

/** Creates a token for `owner`, scoped to part of what the owner may do; returns it once. */
export async function createToken(
  db: Db,
  owner: User,
  input: NewToken,
  now = new Date(),
): Promise<NewApiToken> {
  if (owner.status !== 'active') throw new AppError('forbidden', 'This account is disabled');
  const name = validName(input.name);
  const permissions = validPermissions(owner, input.permissions);
  const expiresAt = validExpiry(input.expiresAt, now);
  const token = TOKEN_PREFIX + newSecret();
  const row = await insertToken(db, {
    user_id: owner.id,
    name,
    token_hash: secretHash(token),
    prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
    permissions: JSON.stringify(permissions),
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresAt,
  });
  return { ...toApiToken(row), token };
}

/** A user's tokens, newest first, revoked and expired ones included; never a secret. */
export async function listTokens(db: Db, userId: number): Promise<ApiToken[]> {
  return (await listTokenRows(db, userId)).map(toApiToken);
}

/** Revokes a token of the actor's own, or anyone's for an actor who may manage tokens (admins). */
export async function revokeToken(
  db: Db,
  actor: Actor,
  tokenId: number,
  now = new Date(),
): Promise<boolean> {
  requireAccess(actor, 'tokens.own');
  const row = await findTokenById(db, tokenId);
  if (!row) throw new AppError('not_found', `no API token ${tokenId}`);
  if (actor.kind !== 'user' || row.user_id !== actor.userId) requireAccess(actor, 'tokens.manage');
  if (row.revoked_at !== null) return false;
  await markRevoked(db, row.id, now.toISOString());
  return true;
}

function refused(message: string, reason: 'unknown' | 'revoked' | 'expired' | 'disabled'): never {
  throw new AppError('unauthorized', message, { reason });
}

/**
 * Who a request carrying this token acts as: its user, with the user's grants, limited to the
 * token's permissions. So a token never does more than its user can do today, nor more than
 * it was made for.
 */
export async function actorForToken(db: Db, token: string, now = new Date()): Promise<Actor> {
  const row = token.startsWith(TOKEN_PREFIX)
    ? await findTokenByHash(db, secretHash(token))
    : undefined;
  // Past this point the caller holds a real token, so saying why it is refused tells them
  // nothing they could not know; it saves a partner's operator a support call.
  if (!row) refused('The bearer token is not valid', 'unknown');
  if (row.revoked_at !== null)
    refused(`This API token was revoked at ${row.revoked_at}`, 'revoked');
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) {
    refused(`This API token expired at ${row.expires_at}`, 'expired');
  }
  const user = await getUserById(db, row.user_id);
  if (!user || user.status !== 'active') {
    refused("This API token's user account is disabled", 'disabled');
  }
  const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) {
    const staleBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS + 1).toISOString();
    await touchToken(db, row.id, now.toISOString(), staleBefore);
  }
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    grants: user.grants,
    via: 'api-token',
    onlyPermissions: new Set(parsePermissions(row.permissions)),
  };
}
