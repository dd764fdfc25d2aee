import type { Db } from '../db/database.ts';

/** How an agenda item closed without a committee decision: the proposal left the committee. */
export const CLOSED_WITHOUT_DECISION = { return: 'returned', withdraw: 'withdrawn' } as const;
export type ClosedWithoutDecision =
  (typeof CLOSED_WITHOUT_DECISION)[keyof typeof CLOSED_WITHOUT_DECISION];

/**
 * Closes a proposal's open agenda item when it leaves the committee undecided (returned to its
 * proponent, or withdrawn): the votes cast on it stay on the meeting's record but can decide
 * nothing, and a resubmitted version goes on a later agenda to be voted on afresh.
 */
export async function closeOpenAgendaItem(
  db: Db,
  proposalId: number,
  outcome: ClosedWithoutDecision,
  closing: { reason: string | null; by: string; at: string },
): Promise<void> {
  await db
    .updateTable('facility_agenda_item')
    .set({
      decision: outcome,
      rationale: closing.reason,
      decided_by: closing.by,
      decided_at: closing.at,
    })
    .where('proposal_id', '=', proposalId)
    .where('decision', 'is', null)
    .execute();
}
