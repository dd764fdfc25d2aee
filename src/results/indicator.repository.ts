import type { Db } from '../db/database.ts';
import {
  normalTitle,
  type Indicator,
  type IndicatorInput,
  type RecordedValue,
  type ValueInput,
} from './indicator.model.ts';

export async function findIndicators(db: Db, code?: string): Promise<Indicator[]> {
  let query = db.selectFrom('results_indicator').selectAll();
  if (code !== undefined) query = query.where('code', '=', code);
  const rows = await query.orderBy('code').execute();
  const mappings = await db
    .selectFrom('results_mapping')
    .selectAll()
    .orderBy('indicator_code')
    .orderBy('kind')
    .orderBy('vocabulary')
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: { en: row.name_en, ru: row.name_ru },
    unit: { en: row.unit_en, ru: row.unit_ru },
    cluster: row.cluster_code,
    direction: row.direction,
    aggregation: row.aggregation,
    baselineYear: row.baseline_year,
    decimals: row.decimals,
    demo: row.is_demo === 1,
    mappings: mappings
      .filter((m) => m.indicator_code === row.code)
      .map((m) =>
        m.kind === 'title' ? { title: m.code } : { vocabulary: m.vocabulary, code: m.code },
      ),
  }));
}

/** The indicator a mapping already leads to, if another one. */
export async function mappingOwner(
  db: Db,
  mapping: { kind: 'title' | 'reference'; vocabulary: string; code: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('results_mapping')
    .select('indicator_code')
    .where('kind', '=', mapping.kind)
    .where('vocabulary', '=', mapping.vocabulary)
    .where('code', '=', mapping.code)
    .executeTakeFirst();
  return row?.indicator_code ?? null;
}

export const mappingRow = (m: IndicatorInput['mappings'][number]) =>
  'title' in m
    ? { kind: 'title' as const, vocabulary: '', code: normalTitle(m.title) }
    : { kind: 'reference' as const, vocabulary: m.vocabulary, code: m.code };

export async function saveIndicator(
  db: Db,
  code: string,
  input: IndicatorInput,
  meta: { by: string; at: string; isDemo: boolean },
): Promise<void> {
  const row = {
    name_en: input.name.en,
    name_ru: input.name.ru,
    unit_en: input.unit.en,
    unit_ru: input.unit.ru,
    cluster_code: input.cluster,
    direction: input.direction,
    aggregation: input.aggregation,
    baseline_year: input.baselineYear,
    decimals: input.decimals,
    is_demo: meta.isDemo ? 1 : 0,
    updated_by: meta.by,
    updated_at: meta.at,
  };
  await db
    .insertInto('results_indicator')
    .values({ code, ...row })
    .onConflict((oc) => oc.column('code').doUpdateSet(row))
    .execute();
  await db.deleteFrom('results_mapping').where('indicator_code', '=', code).execute();
  const mappings = [
    ...new Map(
      input.mappings.map(mappingRow).map((m) => [`${m.kind}/${m.vocabulary}/${m.code}`, m]),
    ).values(),
  ];
  if (mappings.length > 0) {
    await db
      .insertInto('results_mapping')
      .values(mappings.map((m) => ({ indicator_code: code, ...m })))
      .execute();
  }
}

export async function findValues(
  db: Db,
  filter: { indicator?: string; country?: string } = {},
): Promise<RecordedValue[]> {
  let query = db.selectFrom('results_value').selectAll();
  if (filter.indicator) query = query.where('indicator_code', '=', filter.indicator);
  if (filter.country) query = query.where('country', '=', filter.country);
  const rows = await query
    .orderBy('indicator_code')
    .orderBy('country')
    .orderBy('year')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    indicator: r.indicator_code,
    country: r.country,
    year: r.year,
    kind: r.kind,
    value: r.value,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    demo: r.is_demo === 1,
  }));
}

export async function saveValue(
  db: Db,
  input: ValueInput,
  meta: { by: string; at: string; isDemo: boolean },
): Promise<void> {
  const row = {
    value: input.value,
    note: input.note ?? null,
    recorded_by: meta.by,
    recorded_at: meta.at,
    is_demo: meta.isDemo ? 1 : 0,
  };
  await db
    .insertInto('results_value')
    .values({
      indicator_code: input.indicator,
      country: input.country,
      year: input.year,
      kind: input.kind,
      ...row,
    })
    .onConflict((oc) => oc.columns(['indicator_code', 'country', 'year', 'kind']).doUpdateSet(row))
    .execute();
}

export async function deleteValue(
  db: Db,
  key: Pick<ValueInput, 'indicator' | 'country' | 'year' | 'kind'>,
): Promise<number> {
  const result = await db
    .deleteFrom('results_value')
    .where('indicator_code', '=', key.indicator)
    .where('country', '=', key.country)
    .where('year', '=', key.year)
    .where('kind', '=', key.kind)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
