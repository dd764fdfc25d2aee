import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  componentView,
  type ActivityShares,
  type ComponentShare,
  type SharesView,
} from './climate-share.model.ts';
import type { ClimateShareTable } from './climate.table.ts';
import { percentToBp } from './percent.ts';

type Row = Selectable<ClimateShareTable>;

function componentOf(row: Row): ComponentShare {
  return {
    component: row.component,
    componentBp: percentToBp(row.component_percent, 'component_percent'),
    mitigationBp: percentToBp(row.mitigation_percent, 'mitigation_percent'),
    adaptationBp: percentToBp(row.adaptation_percent, 'adaptation_percent'),
    dualBp: percentToBp(row.dual_percent, 'dual_percent'),
  };
}

function toView(rows: readonly Row[]): SharesView {
  const first = rows[0]!;
  return {
    iatiIdentifier: first.iati_identifier,
    source: first.source,
    assessedOn: first.assessed_on,
    recordedBy: first.recorded_by,
    recordedAt: first.recorded_at,
    demo: first.is_demo === 1,
    components: rows.map((row) => componentView(componentOf(row))),
  };
}

/** Every activity's shares, by identifier, components in name order. */
export async function findShares(db: Db, identifier?: string): Promise<SharesView[]> {
  let query = db.selectFrom('climate_share').selectAll();
  if (identifier !== undefined) query = query.where('iati_identifier', '=', identifier);
  const rows = await query.orderBy('iati_identifier').orderBy('component').execute();
  const byActivity = new Map<string, Row[]>();
  for (const row of rows) {
    byActivity.set(row.iati_identifier, [...(byActivity.get(row.iati_identifier) ?? []), row]);
  }
  return [...byActivity.values()].map(toView);
}

/** Each activity's components, for the arithmetic. */
export async function loadComponentShares(db: Db): Promise<Map<string, ComponentShare[]>> {
  const rows = await db.selectFrom('climate_share').selectAll().execute();
  const byActivity = new Map<string, ComponentShare[]>();
  for (const row of rows) {
    byActivity.set(row.iati_identifier, [
      ...(byActivity.get(row.iati_identifier) ?? []),
      componentOf(row),
    ]);
  }
  return byActivity;
}

export async function deleteShares(db: Db, identifier: string): Promise<void> {
  await db.deleteFrom('climate_share').where('iati_identifier', '=', identifier).execute();
}

export async function insertShares(
  db: Db,
  shares: ActivityShares,
  meta: { recordedBy: string; recordedAt: string; isDemo: boolean },
): Promise<void> {
  await db
    .insertInto('climate_share')
    .values(
      shares.components.map((c) => {
        const view = componentView(c);
        return {
          iati_identifier: shares.iatiIdentifier,
          component: c.component,
          component_percent: view.componentPercent,
          mitigation_percent: view.mitigationPercent,
          adaptation_percent: view.adaptationPercent,
          dual_percent: view.dualPercent,
          source: shares.source,
          assessed_on: shares.assessedOn,
          recorded_by: meta.recordedBy,
          recorded_at: meta.recordedAt,
          is_demo: meta.isDemo ? 1 : 0,
        };
      }),
    )
    .execute();
}
