import type { Db } from '../db/database.ts';
import { hasRole, type Caller } from './caller.ts';
import { formatUsd } from './currency.ts';
import { listDocuments, type DocumentInfo } from './document.service.ts';
import { grantOf } from './ledger.model.ts';
import { ledgerTotals, listLedger, type LedgerEntry } from './ledger.service.ts';
import { milestonesOf, type Milestone } from './milestone.repository.ts';
import type { ProposalContent } from './proposal.model.ts';
import type { ProposalCountry, ProposalRecord } from './proposal.repository.ts';
import { visibleProposal } from './proposal.service.ts';
import { scoresOf, type ScoresView } from './review.service.ts';
import type { FacilityRules } from './rules.ts';
import { screeningOf, type Screening } from './screening.service.ts';
import { checkAction } from './workflow.service.ts';
import { ACTIONS, type ProposalAction, type ProposalState } from './workflow.ts';

export interface ProposalSummary {
  id: number;
  reference: string;
  state: ProposalState;
  leadCountry: string;
  title: string;
  countries: ProposalCountry[];
  requestedUsd: string;
  version: number;
  updatedAt: string;
}

export interface ProposalDetail extends ProposalSummary {
  content: ProposalContent;
  conditions: string | null;
  investment: { iatiIdentifier: string; amountUsd: string; financier: string | null } | null;
  createdBy: string;
  createdAt: string;
  versions: { version: number; frozenBy: string; frozenAt: string }[];
  transitions: {
    action: string;
    from: string | null;
    to: string;
    actor: string;
    reason: string | null;
    at: string;
  }[];
  documents: DocumentInfo[];
  screening: Screening | null;
  scores: ScoresView;
  grant: { committedUsd: string; disbursedUsd: string; undisbursedUsd: string; repaidUsd: string };
  milestones: (Omit<Milestone, 'amountCents' | 'disbursedCents'> & {
    amountUsd: string;
    disbursedUsd: string;
  })[];
  ledger: (Omit<LedgerEntry, 'amountMinor' | 'usdCents'> & { amountUsd: string })[];
  /** Actions of the workflow this caller may take now (their preconditions are checked on use). */
  allowedActions: ProposalAction[];
}

export function summaryOf(p: ProposalRecord): ProposalSummary {
  return {
    id: p.id,
    reference: p.reference,
    state: p.state,
    leadCountry: p.leadCountry,
    title: p.title,
    countries: p.countries,
    requestedUsd: formatUsd(p.requestedCents),
    version: p.version,
    updatedAt: p.updatedAt,
  };
}

function allowedActions(caller: Caller, proposal: ProposalRecord): ProposalAction[] {
  return (Object.keys(ACTIONS) as ProposalAction[]).filter((action) => {
    try {
      checkAction(caller, proposal, action, 'check');
      return true;
    } catch {
      return false;
    }
  });
}

/** Everything about one proposal that this caller may see. */
export async function proposalDetail(
  db: Db,
  caller: Caller,
  id: number,
  rules: FacilityRules,
): Promise<ProposalDetail> {
  const p = await visibleProposal(db, caller, id);
  const [versions, transitions, documents, screening, scores, totals, milestones, ledger] =
    await Promise.all([
      db
        .selectFrom('facility_proposal_version')
        .select(['version', 'frozen_by', 'frozen_at'])
        .where('proposal_id', '=', id)
        .orderBy('version')
        .execute(),
      db
        .selectFrom('facility_transition')
        .selectAll()
        .where('proposal_id', '=', id)
        .orderBy('id')
        .execute(),
      listDocuments(db, id),
      screeningOf(db, p),
      scoresOf(db, caller, p, rules),
      ledgerTotals(db),
      milestonesOf(db, id),
      listLedger(db, { proposalId: id }),
    ]);
  // The proposing countries see how their proposal fares, not who scored what.
  const seesReviews = ['admin', 'secretariat', 'reviewer', 'committee'].some((role) =>
    hasRole(caller, role as 'admin'),
  );
  const grant = grantOf(totals, id);
  return {
    ...summaryOf(p),
    content: p.content,
    conditions: p.conditions,
    investment: p.investment
      ? {
          iatiIdentifier: p.investment.iatiIdentifier,
          amountUsd: formatUsd(p.investment.cents),
          financier: p.investment.financier,
        }
      : null,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    versions: versions.map((v) => ({
      version: v.version,
      frozenBy: v.frozen_by,
      frozenAt: v.frozen_at,
    })),
    transitions: transitions.map((t) => ({
      action: t.action,
      from: t.from_state,
      to: t.to_state,
      actor: t.actor,
      reason: t.reason,
      at: t.at,
    })),
    documents,
    screening,
    scores: seesReviews ? scores : { ...scores, scores: [] },
    grant: {
      committedUsd: formatUsd(grant.committed),
      disbursedUsd: formatUsd(grant.disbursed),
      undisbursedUsd: formatUsd(grant.undisbursed),
      repaidUsd: formatUsd(grant.repaid),
    },
    milestones: milestones.map(({ amountCents, disbursedCents, ...m }) => ({
      ...m,
      amountUsd: formatUsd(amountCents),
      disbursedUsd: formatUsd(disbursedCents),
    })),
    ledger: ledger.map(({ amountMinor, usdCents, ...e }) => ({
      ...e,
      amountUsd: formatUsd(usdCents || amountMinor),
    })),
    allowedActions: allowedActions(caller, p),
  };
}
