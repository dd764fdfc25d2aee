import type { Db } from '../db/database.ts';

export interface Milestone {
  id: number;
  proposalId: number;
  title: string;
  dueOn: string;
  amountCents: number;
  disbursedCents: number;
  deliverable: string | null;
  metAt: string | null;
  metBy: string | null;
}

export async function milestonesOf(db: Db, proposalId: number): Promise<Milestone[]> {
  const rows = await db
    .selectFrom('facility_milestone as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('facility_ledger as l')
        .select((l) => l.fn.coalesce(l.fn.sum<number | string>('l.usd_cents'), l.lit(0)).as('s'))
        .whereRef('l.milestone_id', '=', 'm.id')
        .where('l.entry_type', '=', 'disbursement')
        .as('disbursed'),
    )
    .where('m.proposal_id', '=', proposalId)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    title: r.title,
    dueOn: r.due_on,
    amountCents: Number(r.amount_cents),
    disbursedCents: Number(r.disbursed ?? 0),
    deliverable: r.deliverable,
    metAt: r.met_at,
    metBy: r.met_by,
  }));
}
