import { sql } from 'kysely';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

/**
 * Each search entry gains a token for every decade it has a year token of (1900s–2090s), which
 * year-range filters use (portfolio/activity-search.ts). Year tokens are `y` and the year's
 * digits in hex, so a decade's token is `e` and the first three of them.
 */
const YEAR_TOKEN = /^y(3139|3230)3[0-9]3[0-9]$/;

const BATCH = 5000;

/** SQLite: rewrites every entry's facets (FTS5 has no array functions to do it in SQL). */
async function rewriteSqliteFacets(db: AnyDb, next: (tokens: string[]) => string[]) {
  for (let after = 0; ;) {
    const { rows } = await sql<{ id: number; facets: string }>`
      select rowid as id, facets from activity_search where rowid > ${after}
      order by rowid limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    for (const { id, facets } of rows) {
      const tokens = facets.split(' ').filter(Boolean);
      const rewritten = next(tokens).join(' ');
      if (rewritten === tokens.join(' ')) continue;
      await sql`update activity_search set facets = ${rewritten} where rowid = ${id}`.execute(db);
    }
    after = rows.at(-1)!.id;
  }
}

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`update activity_search set facets = facets || array_to_tsvector(array(
        select distinct 'e' || substr(token, 2, 6) from unnest(tsvector_to_array(facets)) token
        where token ~ ${YEAR_TOKEN.source}))
      where exists (select 1 from unnest(tsvector_to_array(facets)) token
        where token ~ ${YEAR_TOKEN.source})`.execute(db);
    return;
  }
  await rewriteSqliteFacets(db, (tokens) => {
    const decades = tokens.filter((t) => YEAR_TOKEN.test(t)).map((t) => `e${t.slice(1, 7)}`);
    return decades.length ? [...new Set([...tokens, ...decades])].sort() : tokens;
  });
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`update activity_search set facets = ts_delete(facets, array(
        select token from unnest(tsvector_to_array(facets)) token where token like 'e%'))`.execute(
      db,
    );
    return;
  }
  await rewriteSqliteFacets(db, (tokens) => tokens.filter((t) => !t.startsWith('e')));
}
