import type { AuditRecord, AuditView } from '../accounts/audit.schema.ts';
import type { Db } from '../db/database.ts';
import { callerOf } from './caller.ts';
import { findProposals, parseProposalId } from './proposal.repository.ts';
import { isVisible } from './proposal.service.ts';
import { countScores } from './review.service.ts';
import type { FacilityRules } from './rules.ts';

/** A proposal's id from an entry's target (PPF-0007), or null for a target that names none. */
function idOf(targetId: string): number | null {
  try {
    return parseProposalId(targetId);
  } catch {
    return null;
  }
}

/**
 * The audit trail shows the facility's entries only as far as the facility itself would: an
 * entry on a proposal the reader may not see (a draft outside their country) and a reviewer's
 * score before the scores are complete keep their place in the chain, without their content.
 */
export function facilityAuditView(rules: FacilityRules): AuditView {
  return async (db: Db, request, entries) => {
    const proposalOf = (entry: AuditRecord) =>
      entry.targetType === 'proposal' ? idOf(entry.targetId) : null;
    const ids = new Set(entries.map(proposalOf).filter((id) => id !== null));
    if (ids.size === 0) return entries;
    const caller = callerOf(request);
    const withheld = new Map<number, { whole: boolean; scores: boolean }>();
    for (const proposal of await findProposals(db, { ids: [...ids] })) {
      const scored = await countScores(db, proposal);
      withheld.set(proposal.id, {
        whole: !isVisible(caller, proposal),
        scores: scored < rules.scoring.minReviewers,
      });
    }
    return entries.map((entry): AuditRecord => {
      const id = proposalOf(entry);
      const rule = id === null ? undefined : withheld.get(id);
      if (rule?.whole) {
        return { ...entry, before: null, after: null, withheld: 'proposal' };
      }
      if (rule?.scores && entry.action === 'proposal.score') {
        return { ...entry, before: null, after: null, withheld: 'scores' };
      }
      return entry;
    });
  };
}
