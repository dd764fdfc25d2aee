import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface PublisherQuality {
  publisher: string;
  activities: number;
  /** Shares from 0 to 1 of the publisher's activities that pass each check. */
  percentages: number;
  currencies: number;
  dates: number;
  results: number;
  locations: number;
}

/**
 * Data quality per publisher: how many of its activities have country percentages that add up
 * to 100 (or a single country), every value priced in US dollars, a start date, results and
 * locations.
 */
export async function publisherQuality(db: Db): Promise<PublisherQuality[]> {
  const { rows } = await sql<{
    publisher: string;
    activities: number | string;
    percentages: number | string;
    currencies: number | string;
    dates: number | string;
    results: number | string;
    locations: number | string;
  }>`
    select a.reporting_org_ref as publisher,
      count(*) as activities,
      sum(case when (select count(*) from recipient_country c where c.activity_id = a.id) = 1
                 or abs(coalesce((select sum(cast(c.percentage as double precision)) from recipient_country c
                                  where c.activity_id = a.id), 0)
                        + coalesce((select sum(cast(r.percentage as double precision)) from recipient_region r
                                    where r.activity_id = a.id), 0) - 100) < 0.01
               then 1 else 0 end) as percentages,
      sum(case when not exists (select 1 from activity_transaction t
                                where t.activity_id = a.id and t.usd_cents is null)
               then 1 else 0 end) as currencies,
      sum(case when coalesce(a.actual_start, a.planned_start) is not null then 1 else 0 end) as dates,
      sum(case when exists (select 1 from result r where r.activity_id = a.id) then 1 else 0 end) as results,
      sum(case when exists (select 1 from location l where l.activity_id = a.id) then 1 else 0 end) as locations
    from activity a
    group by a.reporting_org_ref
    order by count(*) desc, a.reporting_org_ref`.execute(db);
  return rows.map((r) => {
    const n = Number(r.activities);
    const share = (value: number | string) => Math.round((Number(value) / n) * 1000) / 1000;
    return {
      publisher: r.publisher,
      activities: n,
      percentages: share(r.percentages),
      currencies: share(r.currencies),
      dates: share(r.dates),
      results: share(r.results),
      locations: share(r.locations),
    };
  });
}
