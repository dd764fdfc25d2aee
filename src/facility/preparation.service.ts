import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { organisationByRef } from '../reference/index.ts';
import { now, type Caller } from './caller.ts';
import { formatUsd, usdCents } from './currency.ts';
import { grantOf } from './ledger.model.ts';
import { appendLedgerEntry, ledgerTotals, lockFund } from './ledger.service.ts';
import {
  moveProposal,
  recordTransition,
  requireProposal,
  type ProposalRecord,
} from './proposal.repository.ts';
import { checkAction } from './workflow.service.ts';
import { milestonesOf, type Milestone } from './milestone.repository.ts';
import { isCalendarDate } from '../calendar.ts';

async function requireMilestone(
  db: Db,
  id: number,
): Promise<{ milestone: Milestone; proposal: ProposalRecord }> {
  const row = await db
    .selectFrom('facility_milestone')
    .select('proposal_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `no milestone ${id}`);
  const proposal = await requireProposal(db, row.proposal_id);
  const milestone = (await milestonesOf(db, proposal.id)).find((m) => m.id === id)!;
  return { milestone, proposal };
}

const isoDate = (text: string, field: string) => {
  if (!isCalendarDate(text)) {
    throw new AppError('bad_request', `${field}: a date YYYY-MM-DD`);
  }
  return text;
};

/** Plans a milestone of an approved grant; together they may not exceed the grant. */
export async function addMilestone(
  db: Db,
  caller: Caller,
  proposalId: number,
  input: { title: string; dueOn: string; amountUsd: string },
): Promise<Milestone> {
  requireAccess(caller.actor, 'facility.manage');
  const title = input.title.trim();
  if (!title) throw new AppError('bad_request', 'title: name the milestone');
  const dueOn = isoDate(input.dueOn, 'dueOn');
  const amount = usdCents(input.amountUsd, 'amountUsd');
  return db.transaction().execute(async (trx) => {
    // Two milestones planned at once must not both fit in what is left of the grant.
    await lockFund(trx);
    const proposal = await requireProposal(trx, proposalId);
    if (!['approved', 'in_preparation'].includes(proposal.state)) {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}: milestones belong to an approved grant`,
      );
    }
    const grant = grantOf(await ledgerTotals(trx), proposalId);
    const planned = (await milestonesOf(trx, proposalId)).reduce((s, m) => s + m.amountCents, 0);
    if (planned + amount > grant.committed) {
      throw new AppError(
        'conflict',
        `milestones would plan $${formatUsd(planned + amount)}, more than the $${formatUsd(grant.committed)} grant`,
      );
    }
    const { id } = await trx
      .insertInto('facility_milestone')
      .values({
        proposal_id: proposalId,
        title,
        due_on: dueOn,
        amount_cents: amount,
        deliverable: null,
        met_at: null,
        met_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'milestone.add',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: { milestone: id, title, dueOn, amountUsd: formatUsd(amount) },
      origin: caller.origin,
    });
    return (await requireMilestone(trx, id)).milestone;
  });
}

/** Records that a milestone's deliverable has been received and accepted. */
export async function markMilestoneMet(
  db: Db,
  caller: Caller,
  milestoneId: number,
  input: { deliverable: string },
): Promise<Milestone> {
  requireAccess(caller.actor, 'facility.manage');
  const deliverable = input.deliverable.trim();
  if (!deliverable) throw new AppError('bad_request', 'deliverable: name what was delivered');
  return db.transaction().execute(async (trx) => {
    const { milestone, proposal } = await requireMilestone(trx, milestoneId);
    if (proposal.state !== 'in_preparation') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}, not in preparation`,
      );
    }
    if (milestone.metAt) throw new AppError('conflict', `milestone ${milestoneId} is already met`);
    const metAt = now(caller);
    await trx
      .updateTable('facility_milestone')
      .set({ deliverable, met_at: metAt, met_by: caller.name })
      .where('id', '=', milestoneId)
      .where('met_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'milestone.met',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: { milestone: milestoneId, deliverable, metAt },
      origin: caller.origin,
    });
    return (await requireMilestone(trx, milestoneId)).milestone;
  });
}

/** Pays against a met milestone: never beyond the milestone, the grant or the fund. */
export async function disburse(
  db: Db,
  caller: Caller,
  milestoneId: number,
  input: { amountUsd: string; valueDate: string; reference?: string | undefined },
): Promise<Milestone> {
  requireAccess(caller.actor, 'facility.manage');
  const amount = usdCents(input.amountUsd, 'amountUsd');
  const valueDate = isoDate(input.valueDate, 'valueDate');
  return db.transaction().execute(async (trx) => {
    await lockFund(trx);
    const { milestone, proposal } = await requireMilestone(trx, milestoneId);
    if (proposal.state !== 'in_preparation') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}: disbursements are made in preparation`,
      );
    }
    if (!milestone.metAt) {
      throw new AppError(
        'conflict',
        `milestone "${milestone.title}" is not met yet: record its deliverable first`,
      );
    }
    const left = milestone.amountCents - milestone.disbursedCents;
    if (amount > left) {
      throw new AppError(
        'conflict',
        `milestone "${milestone.title}" has $${formatUsd(left)} left to disburse, less than $${formatUsd(amount)}`,
      );
    }
    const entry = await appendLedgerEntry(trx, {
      type: 'disbursement',
      contributor: null,
      proposalId: proposal.id,
      milestoneId,
      currency: 'USD',
      amountMinor: amount,
      usdCents: amount,
      usdSource: 'grant in US dollars',
      valueDate,
      reference: input.reference?.trim() || null,
      recordedBy: caller.name,
    });
    await appendAudit(trx, {
      actor: caller.name,
      action: 'grant.disburse',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: {
        ledgerEntry: entry.id,
        milestone: milestoneId,
        amountUsd: formatUsd(amount),
        valueDate,
      },
      origin: caller.origin,
    });
    return (await requireMilestone(trx, milestoneId)).milestone;
  });
}

const IATI_IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,199}$/;

/**
 * Links a completed proposal to the investment it led to (an IATI activity) and records how
 * much that investment mobilised: as given, or the activity's commitments in the portfolio.
 */
export async function recordFinancing(
  db: Db,
  caller: Caller,
  id: number,
  input: {
    iatiIdentifier: string;
    amountUsd?: string | undefined;
    financier?: string | undefined;
    reason?: string | undefined;
  },
): Promise<ProposalRecord> {
  const identifier = input.iatiIdentifier.trim();
  if (!IATI_IDENTIFIER.test(identifier)) {
    throw new AppError(
      'bad_request',
      `iatiIdentifier: ${JSON.stringify(input.iatiIdentifier)} is not an IATI activity identifier`,
    );
  }
  const financier = input.financier ? organisationByRef(input.financier)?.ref : null;
  if (input.financier && !financier) {
    throw new AppError(
      'bad_request',
      `financier: ${input.financier} is not a known organisation ref`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    checkAction(caller, proposal, 'finance', null);
    const activity = await trx
      .selectFrom('activity')
      .select(['commitments_cents', 'reporting_org_ref'])
      .where('iati_identifier', '=', identifier)
      .executeTakeFirst();
    const cents = input.amountUsd
      ? usdCents(input.amountUsd, 'amountUsd')
      : activity && Number(activity.commitments_cents) > 0
        ? Number(activity.commitments_cents)
        : null;
    if (cents === null) {
      throw new AppError(
        'bad_request',
        `amountUsd: ${identifier} is not in the portfolio with commitments; give the investment's amount`,
      );
    }
    const at = now(caller);
    await moveProposal(
      trx,
      proposal,
      'financed',
      {
        investment_iati_identifier: identifier,
        investment_cents: cents,
        // Whoever reports the investment finances it, unless told otherwise.
        investment_financier:
          financier ??
          (activity && organisationByRef(activity.reporting_org_ref)?.ref) ??
          proposal.content.investment?.likelyFinancier ??
          null,
      },
      at,
    );
    const reason = input.reason?.trim() || null;
    await recordTransition(trx, {
      proposalId: id,
      action: 'finance',
      from: proposal.state,
      to: 'financed',
      actor: caller.name,
      reason,
      at,
    });
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.finance',
      targetType: 'proposal',
      targetId: proposal.reference,
      before: { state: proposal.state },
      after: {
        state: 'financed',
        iatiIdentifier: identifier,
        investmentUsd: formatUsd(cents),
        inPortfolio: Boolean(activity),
      },
      origin: caller.origin,
    });
    return requireProposal(trx, id);
  });
}
