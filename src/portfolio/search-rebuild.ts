import type { Db } from '../db/database.ts';

const BATCH = 500;

/**
 * Rebuilds the full-text index from the stored narratives, as import writes it: the identifier,
 * then every title and description in every language. Used after moving a store between
 * engines, whose indexes are built differently.
 */
export async function rebuildActivitySearch(db: Db): Promise<void> {
  await db.deleteFrom('activity_search').execute();
  for (let after = 0; ;) {
    const activities = await db
      .selectFrom('activity')
      .select(['id', 'iati_identifier'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (activities.length === 0) return;
    const narratives = await db
      .selectFrom('activity_narrative')
      .select(['activity_id', 'text'])
      .where(
        'activity_id',
        'in',
        activities.map((a) => a.id),
      )
      .orderBy('activity_id')
      .orderBy('kind', 'desc')
      .execute();
    const texts = new Map<number, string[]>();
    for (const n of narratives)
      texts.set(n.activity_id, [...(texts.get(n.activity_id) ?? []), n.text]);
    await db
      .insertInto('activity_search')
      .values(
        activities.map((a) => ({
          activity_id: a.id,
          text: [a.iati_identifier, ...(texts.get(a.id) ?? [])].join('\n'),
        })),
      )
      .execute();
    after = activities.at(-1)!.id;
  }
}
