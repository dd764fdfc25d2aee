import type { Db } from '../db/database.ts';
import { formatUsd, usdCents } from '../facility/currency.ts';
import { grantOf } from '../facility/ledger.model.ts';
import { ledgerTotals } from '../facility/ledger.service.ts';
import { findProposals } from '../facility/proposal.repository.ts';
import { FUNNEL, PUBLIC_STATES, type ProposalState } from '../facility/workflow.ts';
import { roundScaled } from './apportion.ts';
import { WHOLE_BP } from './percent.ts';

export interface PipelineProposal {
  reference: string;
  title: { en: string; ru: string | null };
  state: ProposalState;
  countries: string[];
  cluster: number | null;
  markers: { mitigation: boolean; adaptation: boolean; disasterRisk: boolean };
  sharePercent: number;
  /** The investment the preparation leads to: as financed, else as the proposal sizes it. */
  investmentUsd: string;
  climateInvestmentUsd: string;
  grantUsd: string;
  disbursedUsd: string;
}

export interface ClimatePipeline {
  asOf: string | null;
  proposals: PipelineProposal[];
  totals: {
    proposals: number;
    /** Those that claim a climate share of the investment they prepare. */
    climateProposals: number;
    investmentUsd: string;
    climateInvestmentUsd: string;
    grantUsd: string;
    disbursedUsd: string;
  };
  byState: { state: ProposalState; proposals: number; climateInvestmentUsd: string }[];
  /** Proposals that had reached each stage by the date, climate or not. */
  funnel: { state: ProposalState; proposals: number }[];
}

/** Each proposal's state at the end of a day, and the stages it had reached, from its transitions. */
async function statesAsOf(db: Db, asOf: string | null) {
  let query = db
    .selectFrom('facility_transition')
    .select(['proposal_id', 'to_state'])
    .orderBy('proposal_id')
    .orderBy('id');
  if (asOf !== null) query = query.where('at', '<=', `${asOf}T23:59:59.999Z`);
  const state = new Map<number, ProposalState>();
  const reached = new Map<ProposalState, Set<number>>();
  for (const t of await query.execute()) {
    const to = t.to_state as ProposalState;
    state.set(t.proposal_id, to);
    reached.set(to, (reached.get(to) ?? new Set()).add(t.proposal_id));
  }
  return { state, reached };
}

/**
 * The facility's pipeline as of a day, as the public sees it (approved onwards), with the
 * climate part of the investment each proposal prepares (none where it claims no climate share).
 */
export async function climatePipeline(
  db: Db,
  asOf: string | null = null,
): Promise<ClimatePipeline> {
  const { state, reached } = await statesAsOf(db, asOf);
  const totals = await ledgerTotals(db, asOf);
  const proposals: PipelineProposal[] = [];
  const sums = { investment: 0, climate: 0, grant: 0, disbursed: 0 };
  const byState = new Map<ProposalState, { proposals: number; climate: number }>();
  for (const p of await findProposals(db)) {
    const current = state.get(p.id);
    if (!current || !PUBLIC_STATES.includes(current)) continue;
    const climate = p.content.climate;
    const marked = !!climate && (climate.mitigation || climate.adaptation || climate.disasterRisk);
    const sharePercent = marked ? climate.sharePercent : 0;
    const investment =
      current === 'financed' && p.investment
        ? p.investment.cents
        : p.content.investment
          ? usdCents(p.content.investment.sizeUsd)
          : 0;
    const shareBp = Math.round(sharePercent * 100);
    const climateCents = roundScaled(BigInt(investment) * BigInt(shareBp), BigInt(WHOLE_BP));
    const grant = grantOf(totals, p.id);
    proposals.push({
      reference: p.reference,
      title: { en: p.content.title.en, ru: p.content.title.ru ?? null },
      state: current,
      countries: p.countries.map((c) => c.country),
      cluster: p.content.cluster ?? null,
      markers: {
        mitigation: marked && climate.mitigation,
        adaptation: marked && climate.adaptation,
        disasterRisk: marked && climate.disasterRisk,
      },
      sharePercent,
      investmentUsd: formatUsd(investment),
      climateInvestmentUsd: formatUsd(climateCents),
      grantUsd: formatUsd(grant.committed),
      disbursedUsd: formatUsd(grant.disbursed),
    });
    sums.investment += investment;
    sums.climate += climateCents;
    sums.grant += grant.committed;
    sums.disbursed += grant.disbursed;
    const s = byState.get(current) ?? { proposals: 0, climate: 0 };
    byState.set(current, { proposals: s.proposals + 1, climate: s.climate + climateCents });
  }
  return {
    asOf,
    proposals,
    totals: {
      proposals: proposals.length,
      climateProposals: proposals.filter((p) => p.sharePercent > 0).length,
      investmentUsd: formatUsd(sums.investment),
      climateInvestmentUsd: formatUsd(sums.climate),
      grantUsd: formatUsd(sums.grant),
      disbursedUsd: formatUsd(sums.disbursed),
    },
    byState: PUBLIC_STATES.filter((s) => byState.has(s)).map((s) => ({
      state: s,
      proposals: byState.get(s)!.proposals,
      climateInvestmentUsd: formatUsd(byState.get(s)!.climate),
    })),
    funnel: FUNNEL.map((s) => ({ state: s, proposals: reached.get(s)?.size ?? 0 })),
  };
}
