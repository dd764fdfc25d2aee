import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { RoleGrant } from '../accounts/role.model.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { organisationByRef } from '../reference/index.ts';
import { grantsOf, hasRole, now, type Caller } from './caller.ts';
import { findProposals, requireProposal, type ProposalRecord } from './proposal.repository.ts';
import { isVisible } from './proposal.service.ts';
import type { FacilityRules } from './rules.ts';

export interface Score {
  reviewer: string;
  scores: Record<string, number>;
  /** Weighted on the rubric's scale, to two decimals. */
  weighted: number;
  comment: string | null;
  submittedAt: string;
}

export interface ScoresView {
  required: number;
  received: number;
  complete: boolean;
  /** The mean of the weighted scores, once complete. */
  average: number | null;
  /** Every score once complete; before that, only the caller's own. */
  scores: Score[];
}

/** The weighted score in hundredths of a point, in integers (no float in a ranking). */
export function weightedHundredths(rules: FacilityRules, scores: Record<string, number>): number {
  const { criteria, scale } = rules.scoring;
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const points = scores[criterion.id];
    if (points === undefined) throw new AppError('bad_request', `scores.${criterion.id}: missing`);
    if (!Number.isInteger(points) || points < scale.min || points > scale.max) {
      throw new AppError(
        'bad_request',
        `scores.${criterion.id}: a whole number from ${scale.min} to ${scale.max}`,
      );
    }
    total += points * criterion.weight;
    weights += criterion.weight;
  }
  const unknown = Object.keys(scores).filter((id) => !criteria.some((c) => c.id === id));
  if (unknown.length) {
    throw new AppError('bad_request', `scores: unknown criteria ${unknown.join(', ')}`);
  }
  return Math.round((total * 100) / weights);
}

/** The organisations a proposal involves: its likely financier and its co-financiers. */
function organisationsOf(proposal: ProposalRecord): Set<string> {
  const refs = new Set<string>();
  const financier = proposal.content.investment?.likelyFinancier;
  if (financier) refs.add(financier);
  for (const c of proposal.content.cofinancing ?? []) {
    const found = organisationByRef(c.source);
    if (found) refs.add(found.ref);
  }
  return refs;
}

/** Why this reviewer may not score this proposal (their own country or organisation), or null. */
export function reviewerConflict(
  grants: readonly RoleGrant[],
  proposal: ProposalRecord,
): string | null {
  const countries = new Set(proposal.countries.map((c) => c.country));
  const organisations = organisationsOf(proposal);
  for (const grant of grants) {
    if (grant.country && countries.has(grant.country)) {
      return `you are a reviewer from ${grant.country}, one of the proposal's countries`;
    }
    if (grant.organisation && organisations.has(grant.organisation)) {
      return `you are a reviewer from ${grant.organisation}, which would finance or co-finance it`;
    }
  }
  return null;
}

async function scoreRows(db: Db, proposal: ProposalRecord): Promise<Score[]> {
  const rows = await db
    .selectFrom('facility_score')
    .selectAll()
    .where('proposal_id', '=', proposal.id)
    .where('version', '=', proposal.version)
    .orderBy('submitted_at')
    .execute();
  return rows.map((r) => ({
    reviewer: r.reviewer,
    scores: JSON.parse(r.scores) as Record<string, number>,
    weighted: r.weighted / 100,
    comment: r.comment,
    submittedAt: r.submitted_at,
  }));
}

export async function scoresOf(
  db: Db,
  caller: Caller,
  proposal: ProposalRecord,
  rules: FacilityRules,
): Promise<ScoresView> {
  const all = await scoreRows(db, proposal);
  const required = rules.scoring.minReviewers;
  const complete = all.length >= required;
  const average = complete
    ? Math.round(all.reduce((sum, s) => sum + s.weighted * 100, 0) / all.length) / 100
    : null;
  return {
    required,
    received: all.length,
    complete,
    average,
    scores: complete ? all : all.filter((s) => s.reviewer === caller.name),
  };
}

export async function countScores(db: Db, proposal: ProposalRecord): Promise<number> {
  return (await scoreRows(db, proposal)).length;
}

/**
 * A reviewer scores a proposal in technical review against the rubric, once. A reviewer from one
 * of its countries or from an organisation that would finance it is refused.
 */
export async function submitScore(
  db: Db,
  caller: Caller,
  id: number,
  input: { scores: Record<string, number>; comment?: string | undefined },
  rules: FacilityRules,
): Promise<ScoresView> {
  requireAccess(caller.actor, 'facility.review');
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    if (proposal.state !== 'technical_review') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state.replaceAll('_', ' ')}, not in technical review`,
      );
    }
    const conflict = reviewerConflict(grantsOf(caller, 'reviewer'), proposal);
    if (conflict)
      throw new AppError(
        'forbidden',
        `${conflict}: another reviewer must score ${proposal.reference}`,
      );
    const weighted = weightedHundredths(rules, input.scores);
    const existing = await trx
      .selectFrom('facility_score')
      .select('reviewer')
      .where('proposal_id', '=', id)
      .where('version', '=', proposal.version)
      .where('reviewer', '=', caller.name)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', `you have already scored ${proposal.reference}`);
    const comment = input.comment?.trim() || null;
    await trx
      .insertInto('facility_score')
      .values({
        proposal_id: id,
        version: proposal.version,
        reviewer: caller.name,
        scores: JSON.stringify(input.scores),
        weighted,
        comment,
        submitted_at: now(caller),
      })
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.score',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: { version: proposal.version, scores: input.scores, weighted: weighted / 100, comment },
      origin: caller.origin,
    });
    return scoresOf(trx, caller, proposal, rules);
  });
}

export interface RankedProposal {
  id: number;
  reference: string;
  title: string;
  state: string;
  countries: string[];
  requestedCents: number;
  average: number;
  reviewers: number;
}

/** Proposals in review or before the committee whose scoring is complete, best first. */
export async function ranking(
  db: Db,
  caller: Caller,
  rules: FacilityRules,
): Promise<RankedProposal[]> {
  requireAccess(caller.actor, 'facility.read');
  const proposals = await findProposals(db, { states: ['technical_review', 'committee'] });
  const ranked: RankedProposal[] = [];
  for (const proposal of proposals) {
    if (!isVisible(caller, proposal)) continue;
    const view = await scoresOf(db, caller, proposal, rules);
    if (view.average === null) continue;
    ranked.push({
      id: proposal.id,
      reference: proposal.reference,
      title: proposal.title,
      state: proposal.state,
      countries: proposal.countries.map((c) => c.country),
      requestedCents: proposal.requestedCents,
      average: view.average,
      reviewers: view.received,
    });
  }
  return ranked.sort((a, b) => b.average - a.average || a.id - b.id);
}

/** For the workspace: proposals awaiting this reviewer's score, without conflicts. */
export async function reviewQueue(db: Db, caller: Caller): Promise<ProposalRecord[]> {
  requireAccess(caller.actor, 'facility.review');
  if (!hasRole(caller, 'reviewer')) return [];
  const proposals = await findProposals(db, { states: ['technical_review'] });
  const queue: ProposalRecord[] = [];
  for (const proposal of proposals) {
    if (reviewerConflict(grantsOf(caller, 'reviewer'), proposal)) continue;
    const mine = await db
      .selectFrom('facility_score')
      .select('reviewer')
      .where('proposal_id', '=', proposal.id)
      .where('version', '=', proposal.version)
      .where('reviewer', '=', caller.name)
      .executeTakeFirst();
    if (!mine) queue.push(proposal);
  }
  return queue;
}
