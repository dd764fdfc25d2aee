import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { now, type Caller } from '../facility/caller.ts';
import {
  IndicatorCode,
  IndicatorInputSchema,
  parseWith,
  ValueInputSchema,
  VALUE_KINDS,
  type Indicator,
  type RecordedValue,
  type ValueInput,
} from './indicator.model.ts';
import {
  deleteValue,
  findIndicators,
  findValues,
  mappingOwner,
  mappingRow,
  saveIndicator,
  saveValue,
} from './indicator.repository.ts';

export async function listIndicators(db: Db): Promise<Indicator[]> {
  return findIndicators(db);
}

export async function requireIndicator(db: Db, code: string): Promise<Indicator> {
  const [found] = await findIndicators(db, code);
  if (!found) throw new AppError('not_found', `no results indicator ${code}`);
  return found;
}

/** Defines an indicator or replaces its definition and mappings (the secretariat). */
export async function defineIndicator(
  db: Db,
  caller: Caller,
  code: string,
  body: unknown,
  { isDemo = false }: { isDemo?: boolean } = {},
): Promise<Indicator> {
  requireAccess(caller.actor, 'results.manage');
  const checkedCode = parseWith(IndicatorCode, code, 'code');
  const input = parseWith(IndicatorInputSchema, body, 'indicator');
  return db.transaction().execute(async (trx) => {
    for (const mapping of input.mappings) {
      const owner = await mappingOwner(trx, mappingRow(mapping));
      if (owner !== null && owner !== checkedCode) {
        throw new AppError(
          'conflict',
          `mappings: ${JSON.stringify(mapping)} already counts towards ${owner}`,
        );
      }
    }
    const [before] = await findIndicators(trx, checkedCode);
    await saveIndicator(trx, checkedCode, input, { by: caller.name, at: now(caller), isDemo });
    const [after] = await findIndicators(trx, checkedCode);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'results.indicator.define',
      targetType: 'results_indicator',
      targetId: checkedCode,
      before: before ?? null,
      after,
      origin: caller.origin,
    });
    return after!;
  });
}

/**
 * Records a baseline, target or actual for a member (or the programme) and a year. An indicator
 * has one baseline per country: recording another replaces it.
 */
export async function recordValue(
  db: Db,
  caller: Caller,
  body: unknown,
  { isDemo = false }: { isDemo?: boolean } = {},
): Promise<RecordedValue> {
  requireAccess(caller.actor, 'results.manage');
  const input = parseWith(ValueInputSchema, body, 'value');
  return db.transaction().execute(async (trx) => {
    await requireIndicator(trx, input.indicator);
    const before = await findValues(trx, { indicator: input.indicator, country: input.country });
    const replaced = before.filter(
      (v) => v.kind === input.kind && (input.kind === 'baseline' || v.year === input.year),
    );
    for (const old of replaced) await deleteValue(trx, old);
    await saveValue(trx, input, { by: caller.name, at: now(caller), isDemo });
    const after = (
      await findValues(trx, { indicator: input.indicator, country: input.country })
    ).find((v) => v.year === input.year && v.kind === input.kind)!;
    await appendAudit(trx, {
      actor: caller.name,
      action: 'results.value.record',
      targetType: 'results_value',
      targetId: `${input.indicator}/${input.country}/${input.year}/${input.kind}`,
      before: replaced.length > 0 ? replaced : null,
      after,
      origin: caller.origin,
    });
    return after;
  });
}

export async function removeValue(
  db: Db,
  caller: Caller,
  key: Pick<ValueInput, 'indicator' | 'country' | 'year' | 'kind'>,
): Promise<void> {
  requireAccess(caller.actor, 'results.manage');
  if (!VALUE_KINDS.includes(key.kind)) {
    throw new AppError('bad_request', `kind: one of ${VALUE_KINDS.join(', ')}`);
  }
  await db.transaction().execute(async (trx) => {
    const before = (await findValues(trx, { indicator: key.indicator, country: key.country })).find(
      (v) => v.year === key.year && v.kind === key.kind,
    );
    if (!before) {
      throw new AppError(
        'not_found',
        `no ${key.kind} recorded for ${key.indicator} in ${key.country} for ${key.year}`,
      );
    }
    await deleteValue(trx, key);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'results.value.remove',
      targetType: 'results_value',
      targetId: `${key.indicator}/${key.country}/${key.year}/${key.kind}`,
      before,
      after: null,
      origin: caller.origin,
    });
  });
}

export { findValues as listValues };
