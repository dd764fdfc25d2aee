import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { now, type Caller } from '../facility/caller.ts';
import {
  checkShares,
  componentView,
  SharesInputSchema,
  type ActivityShares,
  type SharesView,
} from './climate-share.model.ts';
import { deleteShares, findShares, insertShares } from './climate-share.repository.ts';

export type SharesOutcome = 'recorded' | 'replaced' | 'unchanged';

/** Parses a request body, naming the first wrong field. */
export function parseSharesInput(body: unknown) {
  const parsed = SharesInputSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError('bad_request', `${issue.path.join('.') || 'shares'}: ${issue.message}`);
}

async function requireActivity(db: Db, identifier: string): Promise<void> {
  const found = await db
    .selectFrom('activity')
    .select('id')
    .where('iati_identifier', '=', identifier)
    .executeTakeFirst();
  if (!found) throw new AppError('not_found', `no stored activity ${identifier}`);
}

const sameShares = (stored: SharesView | undefined, next: ActivityShares) =>
  stored !== undefined &&
  stored.source === next.source &&
  stored.assessedOn === next.assessedOn &&
  JSON.stringify(stored.components) ===
    JSON.stringify(
      [...next.components]
        .sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : 0))
        .map(componentView),
    );

/** Replaces an activity's shares inside the caller's transaction, with its audit entry. */
export async function storeShares(
  trx: Db,
  caller: Caller,
  shares: ActivityShares,
  isDemo = false,
): Promise<{ outcome: SharesOutcome; shares: SharesView }> {
  await requireActivity(trx, shares.iatiIdentifier);
  const [before] = await findShares(trx, shares.iatiIdentifier);
  if (sameShares(before, shares)) return { outcome: 'unchanged', shares: before! };
  await deleteShares(trx, shares.iatiIdentifier);
  await insertShares(trx, shares, { recordedBy: caller.name, recordedAt: now(caller), isDemo });
  const [after] = await findShares(trx, shares.iatiIdentifier);
  await appendAudit(trx, {
    actor: caller.name,
    action: 'climate.shares.set',
    targetType: 'activity',
    targetId: shares.iatiIdentifier,
    before: before ?? null,
    after,
    origin: caller.origin,
  });
  return { outcome: before ? 'replaced' : 'recorded', shares: after! };
}

/** The secretariat records an activity's climate shares by the component method. */
export async function setShares(
  db: Db,
  caller: Caller,
  identifier: string,
  body: unknown,
): Promise<{ outcome: SharesOutcome; shares: SharesView }> {
  requireAccess(caller.actor, 'climate.manage');
  const shares = checkShares(identifier, parseSharesInput(body));
  return db.transaction().execute((trx) => storeShares(trx, caller, shares));
}

export async function removeShares(db: Db, caller: Caller, identifier: string): Promise<void> {
  requireAccess(caller.actor, 'climate.manage');
  await db.transaction().execute(async (trx) => {
    const [before] = await findShares(trx, identifier);
    if (!before) throw new AppError('not_found', `no climate shares recorded for ${identifier}`);
    await deleteShares(trx, identifier);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'climate.shares.remove',
      targetType: 'activity',
      targetId: identifier,
      before,
      after: null,
      origin: caller.origin,
    });
  });
}

export async function listShares(db: Db, identifier?: string): Promise<SharesView[]> {
  const found = await findShares(db, identifier);
  if (identifier !== undefined && found.length === 0) {
    throw new AppError('not_found', `no climate shares recorded for ${identifier}`);
  }
  return found;
}
