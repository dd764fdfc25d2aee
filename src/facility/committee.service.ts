import { isCalendarDate } from '../calendar.ts';
import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ClosedWithoutDecision } from './agenda.repository.ts';
import { now, type Caller } from './caller.ts';
import { formatUsd, usdCents } from './currency.ts';
import { appendLedgerEntry, lockFund } from './ledger.service.ts';
import {
  moveProposal,
  recordTransition,
  referenceOf,
  requireProposal,
} from './proposal.repository.ts';
import { isVisible } from './proposal.service.ts';
import type { FacilityRules } from './rules.ts';
import { checkAction } from './workflow.service.ts';

export const VOTES = ['approve', 'approve_with_conditions', 'defer', 'reject'] as const;
export type Vote = (typeof VOTES)[number];
export const DECISIONS = VOTES;
export type Decision = Vote;

export interface AgendaItem {
  proposalId: number;
  reference: string;
  title: string;
  state: string;
  requestedCents: number;
  votes: { member: string; vote: Vote; comment: string | null; at: string }[];
  /** The committee's decision, or how the item closed without one (see agenda.repository.ts). */
  decision: {
    decision: Decision | ClosedWithoutDecision;
    amountCents: number | null;
    conditions: string | null;
    rationale: string;
    decidedBy: string;
    decidedAt: string;
  } | null;
}

export interface Meeting {
  id: number;
  title: string;
  heldOn: string;
  quorum: number;
  createdBy: string;
  agenda: AgendaItem[];
}

export async function createMeeting(
  db: Db,
  caller: Caller,
  input: { title: string; heldOn: string; quorum?: number | undefined },
  rules: FacilityRules,
): Promise<Meeting> {
  requireAccess(caller.actor, 'facility.manage');
  const title = input.title.trim();
  if (!title) throw new AppError('bad_request', 'title: name the meeting');
  if (!isCalendarDate(input.heldOn)) {
    throw new AppError(
      'bad_request',
      `heldOn: ${JSON.stringify(input.heldOn)} is not a date YYYY-MM-DD`,
    );
  }
  const quorum = input.quorum ?? rules.committee.defaultQuorum;
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > 50) {
    throw new AppError('bad_request', 'quorum: a whole number of members from 1 to 50');
  }
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('facility_meeting')
      .values({
        title,
        held_on: input.heldOn,
        quorum,
        created_by: caller.name,
        created_at: now(caller),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'meeting.create',
      targetType: 'meeting',
      targetId: String(id),
      after: { title, heldOn: input.heldOn, quorum },
      origin: caller.origin,
    });
    return requireMeeting(trx, id);
  });
}

export async function listMeetings(db: Db, caller: Caller): Promise<Omit<Meeting, 'agenda'>[]> {
  requireAccess(caller.actor, 'facility.read');
  const rows = await db
    .selectFrom('facility_meeting')
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    heldOn: r.held_on,
    quorum: r.quorum,
    createdBy: r.created_by,
  }));
}

export async function requireMeeting(db: Db, id: number): Promise<Meeting> {
  const row = await db
    .selectFrom('facility_meeting')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `no committee meeting ${id}`);
  const items = await db
    .selectFrom('facility_agenda_item as a')
    .innerJoin('facility_proposal as p', 'p.id', 'a.proposal_id')
    .select([
      'a.proposal_id',
      'a.decision',
      'a.amount_cents',
      'a.conditions',
      'a.rationale',
      'a.decided_by',
      'a.decided_at',
    ])
    .select(['p.title', 'p.state', 'p.requested_cents'])
    .where('a.meeting_id', '=', id)
    .orderBy('a.added_at')
    .orderBy('a.proposal_id')
    .execute();
  const votes = await db
    .selectFrom('facility_vote')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('at')
    .execute();
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    quorum: row.quorum,
    createdBy: row.created_by,
    agenda: items.map((item) => ({
      proposalId: item.proposal_id,
      reference: referenceOf(item.proposal_id),
      title: item.title,
      state: item.state,
      requestedCents: Number(item.requested_cents),
      votes: votes
        .filter((v) => v.proposal_id === item.proposal_id)
        .map((v) => ({ member: v.member, vote: v.vote as Vote, comment: v.comment, at: v.at })),
      decision:
        item.decision === null
          ? null
          : {
              decision: item.decision as Decision | ClosedWithoutDecision,
              amountCents: item.amount_cents === null ? null : Number(item.amount_cents),
              conditions: item.conditions,
              rationale: item.rationale ?? '',
              decidedBy: item.decided_by ?? '',
              decidedAt: item.decided_at ?? '',
            },
    })),
  };
}

/** A meeting, its agenda cut to the proposals the caller may see (a focal point: its country's). */
export async function getMeeting(db: Db, caller: Caller, id: number): Promise<Meeting> {
  requireAccess(caller.actor, 'facility.read');
  const meeting = await requireMeeting(db, id);
  const agenda: AgendaItem[] = [];
  for (const item of meeting.agenda) {
    if (isVisible(caller, await requireProposal(db, item.proposalId))) agenda.push(item);
  }
  return { ...meeting, agenda };
}

/** Puts a proposal that awaits the committee on a meeting's agenda. */
export async function addToAgenda(
  db: Db,
  caller: Caller,
  meetingId: number,
  proposalId: number,
): Promise<Meeting> {
  requireAccess(caller.actor, 'facility.manage');
  return db.transaction().execute(async (trx) => {
    await requireMeeting(trx, meetingId);
    const proposal = await requireProposal(trx, proposalId);
    if (proposal.state !== 'committee') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state.replaceAll('_', ' ')}: only a proposal sent to the committee goes on its agenda`,
      );
    }
    const pending = await trx
      .selectFrom('facility_agenda_item')
      .select('meeting_id')
      .where('proposal_id', '=', proposalId)
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (pending) {
      throw new AppError(
        'conflict',
        `${proposal.reference} is already on the agenda of meeting ${pending.meeting_id}`,
      );
    }
    await trx
      .insertInto('facility_agenda_item')
      .values({
        meeting_id: meetingId,
        proposal_id: proposalId,
        added_at: now(caller),
        decision: null,
        amount_cents: null,
        conditions: null,
        rationale: null,
        decided_by: null,
        decided_at: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'meeting.agenda',
      targetType: 'meeting',
      targetId: String(meetingId),
      after: { proposal: proposal.reference },
      origin: caller.origin,
    });
    return requireMeeting(trx, meetingId);
  });
}

async function openItem(db: Db, meetingId: number, proposalId: number) {
  const meeting = await requireMeeting(db, meetingId);
  const item = meeting.agenda.find((i) => i.proposalId === proposalId);
  if (!item)
    throw new AppError(
      'not_found',
      `${referenceOf(proposalId)} is not on the agenda of meeting ${meetingId}`,
    );
  const closed = item.decision?.decision;
  if (closed === 'returned' || closed === 'withdrawn') {
    throw new AppError(
      'conflict',
      `${item.reference} was ${closed} before the committee decided at this meeting: a resubmitted version is voted on at a later meeting`,
    );
  }
  if (closed)
    throw new AppError(
      'conflict',
      `${item.reference} was decided at this meeting: ${closed.replaceAll('_', ' ')}`,
    );
  if (item.state !== 'committee')
    throw new AppError('conflict', `${item.reference} is ${item.state}, not before the committee`);
  return { meeting, item };
}

/** A committee member votes on an agenda item; a later vote of theirs replaces the earlier. */
export async function castVote(
  db: Db,
  caller: Caller,
  meetingId: number,
  proposalId: number,
  input: { vote: Vote; comment?: string | undefined },
): Promise<Meeting> {
  requireAccess(caller.actor, 'facility.decide');
  return db.transaction().execute(async (trx) => {
    const { item } = await openItem(trx, meetingId, proposalId);
    const row = {
      vote: input.vote,
      comment: input.comment?.trim() || null,
      at: now(caller),
    };
    await trx
      .insertInto('facility_vote')
      .values({ meeting_id: meetingId, proposal_id: proposalId, member: caller.name, ...row })
      .onConflict((oc) => oc.columns(['meeting_id', 'proposal_id', 'member']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.vote',
      targetType: 'proposal',
      targetId: item.reference,
      after: { meeting: meetingId, ...row },
      origin: caller.origin,
    });
    return requireMeeting(trx, meetingId);
  });
}

/**
 * Whether the votes support a decision: a quorum voted, and more than half of those who voted
 * chose it (approving with conditions counts for approving). Deferral is also what remains when
 * no decision has a majority.
 */
export function voteRefusal(
  votes: readonly Vote[],
  quorum: number,
  decision: Decision,
): string | null {
  if (votes.length < quorum)
    return `${votes.length} of the ${quorum} votes the quorum needs have been cast`;
  const count = (...kinds: Vote[]) => votes.filter((v) => kinds.includes(v)).length;
  const approving = count('approve', 'approve_with_conditions');
  const majority = (n: number) => 2 * n > votes.length;
  const supported: Record<Decision, boolean> = {
    approve: majority(approving),
    approve_with_conditions: majority(approving),
    reject: majority(count('reject')),
    defer: majority(count('defer')) || !(majority(approving) || majority(count('reject'))),
  };
  if (supported[decision]) return null;
  return `the votes (${approving} approving, ${count('defer')} deferring, ${count('reject')} rejecting) do not support ${decision.replaceAll('_', ' ')}`;
}

/**
 * Records the committee's decision on an agenda item. Approval commits the grant in the same
 * transaction, under the fund's lock, and only if the available balance covers it.
 */
export async function decide(
  db: Db,
  caller: Caller,
  meetingId: number,
  proposalId: number,
  input: {
    decision: Decision;
    amountUsd?: string | undefined;
    conditions?: string | undefined;
    rationale: string;
  },
): Promise<Meeting> {
  requireAccess(caller.actor, 'facility.decide');
  const rationale = input.rationale.trim();
  if (!rationale)
    throw new AppError('bad_request', 'rationale: record why the committee decided so');
  const approving = input.decision === 'approve' || input.decision === 'approve_with_conditions';
  const conditions = input.conditions?.trim() || null;
  if (input.decision === 'approve_with_conditions' && !conditions) {
    throw new AppError('bad_request', 'conditions: state the conditions of the approval');
  }
  if (approving && !input.amountUsd)
    throw new AppError('bad_request', 'amountUsd: the grant amount is required to approve');
  const amount = approving ? usdCents(input.amountUsd!, 'amountUsd') : null;

  return db.transaction().execute(async (trx) => {
    if (approving) await lockFund(trx);
    const { meeting, item } = await openItem(trx, meetingId, proposalId);
    const proposal = await requireProposal(trx, proposalId);
    const action = approving ? 'approve' : input.decision === 'reject' ? 'decline' : null;
    if (action) checkAction(caller, proposal, action, rationale);
    else if (proposal.state !== 'committee') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}, not before the committee`,
      );
    }
    const refusal = voteRefusal(
      item.votes.map((v) => v.vote),
      meeting.quorum,
      input.decision,
    );
    if (refusal) throw new AppError('conflict', `${proposal.reference}: ${refusal}`);
    if (amount !== null && amount > proposal.requestedCents) {
      throw new AppError(
        'bad_request',
        `amountUsd: $${formatUsd(amount)} is more than the $${formatUsd(proposal.requestedCents)} requested`,
      );
    }

    const decidedAt = now(caller);
    const effects: Record<string, unknown> = {};
    if (amount !== null) {
      const entry = await appendLedgerEntry(trx, {
        type: 'commitment',
        contributor: null,
        proposalId,
        currency: 'USD',
        amountMinor: amount,
        usdCents: amount,
        usdSource: 'grant in US dollars',
        valueDate: now(caller).slice(0, 10),
        reference: `committee meeting ${meetingId}`,
        recordedBy: caller.name,
      });
      effects['ledgerEntry'] = entry.id;
      effects['grantUsd'] = formatUsd(amount);
    }
    const to = approving ? 'approved' : input.decision === 'reject' ? 'rejected' : 'committee';
    if (to !== proposal.state) await moveProposal(trx, proposal, to, { conditions }, decidedAt);
    const recorded = await trx
      .updateTable('facility_agenda_item')
      .set({
        decision: input.decision,
        amount_cents: amount,
        conditions,
        rationale,
        decided_by: caller.name,
        decided_at: decidedAt,
      })
      .where('meeting_id', '=', meetingId)
      .where('proposal_id', '=', proposalId)
      // A deferral takes no fund lock: of two decisions made at once, the later finds it closed.
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (recorded.numUpdatedRows !== 1n) {
      throw new AppError('conflict', `${proposal.reference} was decided at this meeting meanwhile`);
    }
    await recordTransition(trx, {
      proposalId,
      action: action ?? 'defer',
      from: proposal.state,
      to,
      actor: caller.name,
      reason: rationale,
      at: decidedAt,
    });
    await appendAudit(trx, {
      actor: caller.name,
      action: `proposal.${action ?? 'defer'}`,
      targetType: 'proposal',
      targetId: proposal.reference,
      before: { state: proposal.state },
      after: {
        state: to,
        meeting: meetingId,
        decision: input.decision,
        conditions,
        rationale,
        ...effects,
      },
      origin: caller.origin,
    });
    return requireMeeting(trx, meetingId);
  });
}
