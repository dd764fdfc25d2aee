import { sql } from 'kysely';
import type { AnyDb } from '../schema-helpers.ts';

/**
 * Agenda items left open by proposals that were returned or withdrawn while before the
 * committee are closed as `returned` or `withdrawn` (facility/agenda.repository.ts), with the
 * reason, actor and time of the first such move after the item was added. Until now their votes
 * stayed open to decide a resubmitted version.
 */
export async function up(db: AnyDb): Promise<void> {
  const leaving = (column: string) =>
    sql.raw(`(select t.${column} from facility_transition t
    where t.proposal_id = facility_agenda_item.proposal_id and t.from_state = 'committee'
      and t.action in ('return', 'withdraw') and t.at >= facility_agenda_item.added_at
    order by t.at, t.id limit 1)`);
  await sql`update facility_agenda_item set
      decision = case ${leaving('action')} when 'withdraw' then 'withdrawn' else 'returned' end,
      rationale = ${leaving('reason')},
      decided_by = ${leaving('actor')},
      decided_at = ${leaving('at')}
    where decision is null and ${leaving('id')} is not null`.execute(db);
}

/** Closed items cannot be told from decided ones once reopened, so nothing is undone. */
export async function down(): Promise<void> {}
