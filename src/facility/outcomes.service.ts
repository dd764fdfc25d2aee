import type { Db } from '../db/database.ts';
import { splitCents } from '../portfolio/allocation.ts';
import { formatUsd } from './currency.ts';
import { grantOf } from './ledger.model.ts';
import { ledgerTotals } from './ledger.service.ts';
import { findProposals } from './proposal.repository.ts';
import { FUNNEL, PUBLIC_STATES, STATES, type ProposalState } from './workflow.ts';

/** Investment per preparation dollar, to two decimals; null when nothing was spent. */
function leverage(investmentCents: number, preparationCents: number): number | null {
  if (preparationCents <= 0) return null;
  return Math.round((investmentCents * 100) / preparationCents) / 100;
}

export interface Outcomes {
  /**
   * The facility's leverage: investment mobilised by financed proposals per dollar the facility
   * has disbursed for preparation (all grants, financed or not, so failures count too).
   */
  facility: { investmentUsd: string; preparationUsd: string; leverage: number | null };
  byProposal: {
    reference: string;
    /** As the public pipeline gives it: English, and Russian when the proposal has it. */
    title: { en: string; ru: string | null };
    countries: string[];
    iatiIdentifier: string;
    investmentUsd: string;
    preparationUsd: string;
    leverage: number | null;
  }[];
  /** Per country, with regional proposals' amounts split equally among their countries. */
  byCountry: {
    country: string;
    investmentUsd: string;
    preparationUsd: string;
    leverage: number | null;
  }[];
  /** Days proposals spent in each state they have left: count, mean and longest. */
  stageDays: { state: ProposalState; proposals: number; meanDays: number; maxDays: number }[];
  /** How many proposals reached each stage of the pipeline. */
  funnel: { state: ProposalState; proposals: number }[];
}

const DAY = 24 * 60 * 60 * 1000;

export async function facilityOutcomes(db: Db): Promise<Outcomes> {
  const totals = await ledgerTotals(db);
  const proposals = await findProposals(db);
  const transitions = await db
    .selectFrom('facility_transition')
    .select(['proposal_id', 'from_state', 'to_state', 'at'])
    .orderBy('proposal_id')
    .orderBy('id')
    .execute();

  const byCountry = new Map<string, { investment: number; preparation: number }>();
  const addCountry = (countries: string[], investment: number, preparation: number) => {
    const weights = countries.map(() => 1n);
    const inv = splitCents(investment, weights);
    const prep = splitCents(preparation, weights);
    countries.forEach((c, i) => {
      const sum = byCountry.get(c) ?? { investment: 0, preparation: 0 };
      sum.investment += inv[i]!;
      sum.preparation += prep[i]!;
      byCountry.set(c, sum);
    });
  };

  let investment = 0;
  let preparation = 0;
  const byProposal: Outcomes['byProposal'] = [];
  for (const p of proposals) {
    const spent = grantOf(totals, p.id).disbursed;
    preparation += spent;
    const countries = p.countries.map((c) => c.country);
    const mobilised = p.investment?.cents ?? 0;
    investment += mobilised;
    if (spent > 0 || mobilised > 0) addCountry(countries, mobilised, spent);
    if (p.investment) {
      byProposal.push({
        reference: p.reference,
        title: { en: p.content.title.en, ru: p.content.title.ru ?? null },
        countries,
        iatiIdentifier: p.investment.iatiIdentifier,
        investmentUsd: formatUsd(mobilised),
        preparationUsd: formatUsd(spent),
        leverage: leverage(mobilised, spent),
      });
    }
  }

  const stays = new Map<ProposalState, number[]>();
  const reached = new Map<ProposalState, Set<number>>();
  // A proposal never submitted is its country's alone, even withdrawn: the public figures
  // leave its time in draft out, or they would tell how many such drafts there were.
  const shared = new Set(proposals.filter((p) => p.everSubmitted).map((p) => p.id));
  let previous: { proposal: number; at: number } | null = null;
  for (const t of transitions) {
    if (!shared.has(t.proposal_id)) continue;
    const at = Date.parse(t.at);
    if (
      previous &&
      previous.proposal === t.proposal_id &&
      t.from_state &&
      t.from_state !== t.to_state
    ) {
      const list = stays.get(t.from_state as ProposalState) ?? [];
      list.push((at - previous.at) / DAY);
      stays.set(t.from_state as ProposalState, list);
    }
    if (!previous || previous.proposal !== t.proposal_id || t.from_state !== t.to_state) {
      previous = { proposal: t.proposal_id, at };
    }
    const set = reached.get(t.to_state as ProposalState) ?? new Set();
    set.add(t.proposal_id);
    reached.set(t.to_state as ProposalState, set);
  }

  return {
    facility: {
      investmentUsd: formatUsd(investment),
      preparationUsd: formatUsd(preparation),
      leverage: leverage(investment, preparation),
    },
    byProposal,
    byCountry: [...byCountry]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([country, s]) => ({
        country,
        investmentUsd: formatUsd(s.investment),
        preparationUsd: formatUsd(s.preparation),
        leverage: leverage(s.investment, s.preparation),
      })),
    stageDays: STATES.filter((s) => stays.has(s)).map((state) => {
      const days = stays.get(state)!;
      return {
        state,
        proposals: days.length,
        meanDays: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
        maxDays: Math.round(Math.max(...days) * 10) / 10,
      };
    }),
    funnel: FUNNEL.map((state) => ({ state, proposals: reached.get(state)?.size ?? 0 })),
  };
}

export interface PipelineEntry {
  reference: string;
  title: { en: string; ru: string | null };
  state: ProposalState;
  countries: string[];
  cluster: number | null;
  grantUsd: string;
  disbursedUsd: string;
  investment: { iatiIdentifier: string; amountUsd: string } | null;
}

/** What the public sees of the pipeline: approved grants onwards, and the funnel's counts. */
export async function publicPipeline(
  db: Db,
): Promise<{ proposals: PipelineEntry[]; funnel: Outcomes['funnel'] }> {
  const totals = await ledgerTotals(db);
  const proposals = await findProposals(db, { states: PUBLIC_STATES });
  const { funnel } = await facilityOutcomes(db);
  return {
    proposals: proposals.map((p) => {
      const grant = grantOf(totals, p.id);
      return {
        reference: p.reference,
        title: { en: p.content.title.en, ru: p.content.title.ru ?? null },
        state: p.state,
        countries: p.countries.map((c) => c.country),
        cluster: p.content.cluster ?? null,
        grantUsd: formatUsd(grant.committed),
        disbursedUsd: formatUsd(grant.disbursed),
        investment: p.investment
          ? {
              iatiIdentifier: p.investment.iatiIdentifier,
              amountUsd: formatUsd(p.investment.cents),
            }
          : null,
      };
    }),
    funnel,
  };
}
