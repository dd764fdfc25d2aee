import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { CLUSTERS } from './clusters.ts';
import { CONFERENCES } from './conferences.ts';
import { CORRIDORS } from './corridors.ts';
import { COUNTRIES } from './countries.ts';
import { ANNUAL_RATES } from './fx-rates.ts';
import { ORGANISATIONS } from './organisations.ts';

/**
 * Makes the reference tables hold exactly the facts written in code. Run after migrations;
 * running it twice changes nothing. Rows are replaced in one transaction, dependants first.
 */
export async function syncReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('corridor_country').execute();
    await trx.deleteFrom('cluster_sector').execute();
    await trx.deleteFrom('conference_decision').execute();
    await trx.deleteFrom('conference_document').execute();
    await trx.deleteFrom('conference').execute();

    for (const c of COUNTRIES) {
      const row = {
        iso3: c.iso3,
        name_en: c.nameEn,
        name_ru: c.nameRu,
        is_member: c.member ? 1 : 0,
      };
      await trx
        .insertInto('country')
        .values({ iso2: c.iso2, ...row })
        .onConflict((oc) => oc.column('iso2').doUpdateSet(row))
        .execute();
    }
    for (const o of ORGANISATIONS) {
      const row = {
        acronym: o.acronym,
        name_en: o.nameEn,
        name_ru: o.nameRu,
        type: o.type,
        country: o.country,
        role: o.role,
      };
      await trx
        .insertInto('organisation')
        .values({ ref: o.ref, ...row })
        .onConflict((oc) => oc.column('ref').doUpdateSet(row))
        .execute();
    }
    for (const cluster of CLUSTERS) {
      const row = { name_en: cluster.nameEn, name_ru: cluster.nameRu };
      await trx
        .insertInto('cluster')
        .values({ code: cluster.code, ...row })
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute();
      const sectors = [...cluster.sectorCategories, ...cluster.sectorCodes];
      if (sectors.length > 0) {
        await trx
          .insertInto('cluster_sector')
          .values(sectors.map((sector_code) => ({ cluster_code: cluster.code, sector_code })))
          .execute();
      }
    }
    for (const corridor of CORRIDORS) {
      const row = { name_en: corridor.nameEn, name_ru: corridor.nameRu };
      await trx
        .insertInto('corridor')
        .values({ number: corridor.number, ...row })
        .onConflict((oc) => oc.column('number').doUpdateSet(row))
        .execute();
      if (corridor.countries.length > 0) {
        await trx
          .insertInto('corridor_country')
          .values(
            corridor.countries.map((iso2) => ({
              corridor_number: corridor.number,
              country_iso2: iso2,
            })),
          )
          .execute();
      }
    }
    // Shipped annual averages fill gaps only: a rate loaded with `caravan fx import` stays.
    for (const rate of ANNUAL_RATES) {
      await trx
        .insertInto('exchange_rate')
        .values({
          currency: rate.currency,
          period: String(rate.year),
          per_usd: rate.perUsd,
          source: rate.source,
        })
        .onConflict((oc) => oc.columns(['currency', 'period']).doNothing())
        .execute();
    }
    for (const c of CONFERENCES) {
      await trx
        .insertInto('conference')
        .values({
          number: c.number,
          year: c.year,
          city_en: c.cityEn,
          city_ru: c.cityRu,
          chair_iso2: c.chair,
          date: c.date,
          theme_en: c.theme?.en ?? null,
          theme_ru: c.theme?.ru ?? null,
          sources: JSON.stringify(c.sources),
        })
        .execute();
      if (c.documents.length > 0) {
        await trx
          .insertInto('conference_document')
          .values(
            c.documents.map((d, seq) => ({
              conference_number: c.number,
              seq,
              title_en: d.title.en,
              title_ru: d.title.ru,
              url: d.url,
            })),
          )
          .execute();
      }
      if (c.decisions.length > 0) {
        await trx
          .insertInto('conference_decision')
          .values(
            c.decisions.map((d, seq) => ({
              conference_number: c.number,
              seq,
              text_en: d.text.en,
              text_ru: d.text.ru,
              link_kind: d.starts?.kind ?? null,
              link_name_en: d.starts && 'name' in d.starts ? d.starts.name.en : null,
              link_name_ru: d.starts && 'name' in d.starts ? d.starts.name.ru : null,
              link_ref: d.starts?.kind === 'project' ? d.starts.iatiIdentifier : null,
            })),
          )
          .execute();
      }
    }
  });
}
