import { requireAccess, type AccessTarget } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { CLOSED_WITHOUT_DECISION, closeOpenAgendaItem } from './agenda.repository.ts';
import { now, type Caller } from './caller.ts';
import { formatUsd } from './currency.ts';
import { grantOf } from './ledger.model.ts';
import { appendLedgerEntry, ledgerTotals, lockFund } from './ledger.service.ts';
import { submissionProblems } from './proposal.model.ts';
import {
  moveProposal,
  recordTransition,
  requireProposal,
  type ProposalRecord,
} from './proposal.repository.ts';
import { milestonesOf } from './milestone.repository.ts';
import { countScores } from './review.service.ts';
import type { FacilityRules } from './rules.ts';
import { runScreening, screeningOf } from './screening.service.ts';
import { ACTIONS, stateRefusal, type ProposalAction } from './workflow.ts';

/** Actions that move money, and so take the fund's lock before anything else. */
const MOVES_MONEY: readonly ProposalAction[] = ['approve', 'complete', 'cancel'];

/** Whose scope an action is checked against: the focal point's own country for theirs. */
function targetOf(action: ProposalAction, proposal: ProposalRecord): AccessTarget | undefined {
  return ACTIONS[action].permission === 'facility.propose'
    ? { country: proposal.leadCountry }
    : undefined;
}

/**
 * Checks that an action is allowed for this caller and state, before anything changes; throws
 * the reason otherwise. Role first (a reviewer learns nothing about states), then state.
 */
export function checkAction(
  caller: Caller,
  proposal: ProposalRecord,
  action: ProposalAction,
  reason: string | null,
): void {
  requireAccess(caller.actor, ACTIONS[action].permission, targetOf(action, proposal));
  const refusal = stateRefusal(action, proposal.state);
  if (refusal) throw new AppError('conflict', `${proposal.reference}: ${refusal}`);
  if (ACTIONS[action].needsReason && !reason) {
    throw new AppError(
      'bad_request',
      `reason: say why (${action.replaceAll('_', ' ')} needs a written reason)`,
    );
  }
}

/** Releases what a grant has not paid out: on completion and on cancellation. */
async function releaseUndisbursed(db: Db, caller: Caller, proposal: ProposalRecord, why: string) {
  const grant = grantOf(await ledgerTotals(db), proposal.id);
  if (grant.undisbursed <= 0) return null;
  return appendLedgerEntry(db, {
    type: 'cancellation',
    contributor: null,
    proposalId: proposal.id,
    currency: 'USD',
    amountMinor: grant.undisbursed,
    usdCents: grant.undisbursed,
    usdSource: 'grant in US dollars',
    valueDate: now(caller).slice(0, 10),
    memo: `${why}: undisbursed balance released`,
    recordedBy: caller.name,
  });
}

/** The checks that depend on more than the state; each throws what is missing. */
async function checkPreconditions(
  db: Db,
  proposal: ProposalRecord,
  action: ProposalAction,
  rules: FacilityRules,
): Promise<void> {
  switch (action) {
    case 'submit': {
      const problems = submissionProblems(proposal.content);
      if (problems.length) {
        throw new AppError(
          'bad_request',
          `${proposal.reference} is not complete: ${problems.join('; ')}`,
        );
      }
      return;
    }
    case 'pass_screening': {
      const screening = await screeningOf(db, proposal);
      const failed = screening?.verdicts.filter((v) => !v.passed) ?? [];
      if (!screening || screening.version !== proposal.version) {
        throw new AppError(
          'conflict',
          `${proposal.reference} has not been screened in its current version`,
        );
      }
      if (failed.length) {
        throw new AppError(
          'conflict',
          `${proposal.reference} fails ${failed.map((v) => `${v.rule} (${v.detail})`).join('; ')}`,
        );
      }
      return;
    }
    case 'send_to_committee': {
      const received = await countScores(db, proposal);
      if (received < rules.scoring.minReviewers) {
        throw new AppError(
          'conflict',
          `${proposal.reference} has ${received} of the ${rules.scoring.minReviewers} reviews it needs`,
        );
      }
      return;
    }
    case 'start_preparation': {
      const grant = grantOf(await ledgerTotals(db), proposal.id);
      const planned = (await milestonesOf(db, proposal.id)).reduce((s, m) => s + m.amountCents, 0);
      if (planned !== grant.committed) {
        throw new AppError(
          'conflict',
          `${proposal.reference}: milestones plan $${formatUsd(planned)} of the $${formatUsd(grant.committed)} grant; plan all of it first`,
        );
      }
      return;
    }
    case 'complete': {
      const open = (await milestonesOf(db, proposal.id)).filter((m) => m.metAt === null);
      if (open.length) {
        throw new AppError(
          'conflict',
          `${proposal.reference}: milestones not yet met: ${open.map((m) => m.title).join('; ')}`,
        );
      }
      return;
    }
    case 'start_screening':
    case 'return':
    case 'reject':
    case 'approve':
    case 'decline':
    case 'finance':
    case 'withdraw':
    case 'cancel':
      return;
  }
}

/**
 * Performs one of the workflow's plain actions (those that carry no more than a reason):
 * checks role, state and preconditions, applies its effects, records the transition and the
 * audit entry, all in one transaction.
 */
export async function transition(
  db: Db,
  caller: Caller,
  id: number,
  action: ProposalAction,
  reasonInput: string | undefined,
  rules: FacilityRules,
): Promise<ProposalRecord> {
  if (ACTIONS[action].route !== 'transition') {
    throw new AppError(
      'bad_request',
      `action: ${action} is made through its own route (${ACTIONS[action].route})`,
    );
  }
  const reason = reasonInput?.trim() || null;
  return db.transaction().execute(async (trx) => {
    if (MOVES_MONEY.includes(action)) await lockFund(trx);
    const proposal = await requireProposal(trx, id);
    checkAction(caller, proposal, action, reason);
    await checkPreconditions(trx, proposal, action, rules);
    const to = ACTIONS[action].to;
    const effects: Record<string, unknown> = {};

    if (action === 'submit') {
      const version = proposal.version + 1;
      await trx
        .insertInto('facility_proposal_version')
        .values({
          proposal_id: id,
          version,
          content: JSON.stringify(proposal.content),
          frozen_by: caller.name,
          frozen_at: now(caller),
        })
        .execute();
      await moveProposal(trx, proposal, to, { version }, now(caller));
      effects['version'] = version;
    } else {
      await moveProposal(trx, proposal, to, {}, now(caller));
    }
    if (action === 'start_screening') {
      effects['screening'] = await runScreening(trx, caller, { ...proposal, state: to }, rules);
    }
    if (action === 'complete' || action === 'cancel') {
      const released = await releaseUndisbursed(trx, caller, proposal, action);
      if (released) effects['released'] = formatUsd(released.usdCents);
    }
    if (proposal.state === 'committee' && (action === 'return' || action === 'withdraw')) {
      const outcome = CLOSED_WITHOUT_DECISION[action];
      await closeOpenAgendaItem(trx, id, outcome, { reason, by: caller.name, at: now(caller) });
    }

    await recordTransition(trx, {
      proposalId: id,
      action,
      from: proposal.state,
      to,
      actor: caller.name,
      reason,
      at: now(caller),
    });
    await appendAudit(trx, {
      actor: caller.name,
      action: `proposal.${action}`,
      targetType: 'proposal',
      targetId: proposal.reference,
      before: { state: proposal.state },
      after: { state: to, reason, ...effects },
      origin: caller.origin,
    });
    return requireProposal(trx, id);
  });
}
