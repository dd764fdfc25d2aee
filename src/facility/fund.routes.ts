import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { documented } from '../server/zod-route.ts';
import { requireAccess } from '../accounts/access.ts';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { callerOf } from './caller.ts';
import {
  addToAgenda,
  castVote,
  createMeeting,
  decide,
  DECISIONS,
  getMeeting,
  listMeetings,
  VOTES,
} from './committee.service.ts';
import { formatUsd, fromMinorUnits } from './currency.ts';
import { fundStatement, recordFundEntry } from './fund.service.ts';
import { listLedger, type LedgerEntry } from './ledger.service.ts';
import { MANUAL_ENTRY_TYPES } from './ledger.model.ts';
import { facilityOutcomes, publicPipeline } from './outcomes.service.ts';
import { parseProposalId, referenceOf } from './proposal.repository.ts';
import type { FacilityRules } from './rules.ts';
import { isCalendarDate } from '../calendar.ts';

const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
const StatementQuery = z.object({ asOf: date.optional() }).strict();
const EntryBody = z
  .object({
    type: z.enum(MANUAL_ENTRY_TYPES),
    contributor: z.string().max(200).optional(),
    proposal: z.string().max(20).optional(),
    amount: z.string().max(30),
    currency: z.string().max(3),
    usd: z.string().max(30).optional(),
    valueDate: z.string().max(10),
    reference: z.string().max(200).optional(),
    memo: z.string().max(2000).optional(),
  })
  .strict();
const MeetingBody = z
  .object({
    title: z.string().max(300),
    heldOn: z.string().max(10),
    quorum: z.number().int().optional(),
  })
  .strict();
const AgendaBody = z.object({ proposal: z.string().max(20) }).strict();
const VoteBody = z
  .object({
    proposal: z.string().max(20),
    vote: z.enum(VOTES),
    comment: z.string().max(5000).optional(),
  })
  .strict();
const DecisionBody = z
  .object({
    proposal: z.string().max(20),
    decision: z.enum(DECISIONS),
    amountUsd: z.string().max(20).optional(),
    conditions: z.string().max(5000).optional(),
    rationale: z.string().max(5000),
  })
  .strict();

const docs = (summary: string, parts: Parameters<typeof documented>[1] = {}) =>
  documented({ summary, tags: ['facility'] }, parts);
const meetingId = (params: unknown) => {
  const id = Number(z.object({ id: z.string().max(12) }).parse(params).id);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('bad_request', 'not a meeting id');
  return id;
};

/** A ledger entry as the API shows it, alike in a list and as just recorded. */
function entryView({ amountMinor, usdCents, proposalId, milestoneId, ...entry }: LedgerEntry) {
  return {
    ...entry,
    proposal: proposalId === null ? null : referenceOf(proposalId),
    milestoneId: milestoneId ?? null,
    amount: fromMinorUnits(amountMinor, entry.currency),
    usd: formatUsd(usdCents),
  };
}

/** The fund: its statement, ledger, public pipeline and outcomes, and the committee. */
export function registerFundRoutes(app: FastifyInstance, store: Store, rules: FacilityRules): void {
  const { db } = store;

  app.get(
    '/api/facility/statement',
    {
      config: { permission: 'public' },
      ...docs(
        'The fund statement: pledged, received, committed, disbursed, available, by contributor and country',
        { querystring: StatementQuery },
      ),
    },
    async (request) => fundStatement(db, StatementQuery.parse(request.query).asOf ?? null),
  );

  app.get(
    '/api/facility/pipeline',
    {
      config: { permission: 'public' },
      ...docs('The public pipeline: approved grants onwards, and the funnel'),
    },
    async () => publicPipeline(db),
  );

  app.get(
    '/api/facility/outcomes',
    {
      config: { permission: 'public' },
      ...docs('Leverage (investment per preparation dollar), time in each stage, funnel'),
    },
    async () => facilityOutcomes(db),
  );

  app.get(
    '/api/facility/rules',
    {
      config: { permission: 'public' },
      ...docs('The eligibility rules and scoring rubric in force, with their version'),
    },
    () => ({
      version: rules.version,
      note: rules.note,
      eligibility: rules.eligibility,
      scoring: rules.scoring,
      committee: rules.committee,
    }),
  );

  app.get(
    '/api/facility/ledger',
    { config: { permission: 'facility.read' }, ...docs('Every ledger entry, oldest first') },
    async (request) => {
      requireAccess(request.actor, 'facility.read');
      const entries = await listLedger(db);
      return { entries: entries.map(entryView) };
    },
  );

  app.post(
    '/api/facility/ledger',
    {
      config: { permission: 'facility.manage' },
      ...docs('Record a pledge, receipt, refund or repayment (secretariat)', { body: EntryBody }),
    },
    async (request, reply) => {
      const body = EntryBody.parse(request.body);
      const entry = await recordFundEntry(db, callerOf(request), {
        ...body,
        proposal: body.proposal === undefined ? undefined : parseProposalId(body.proposal),
      });
      return reply
        .status(201)
        .send({ entry: entryView(entry), statement: await fundStatement(db) });
    },
  );

  app.get(
    '/api/facility/meetings',
    { config: { permission: 'facility.read' }, ...docs('Committee meetings, latest first') },
    async (request) => ({ meetings: await listMeetings(db, callerOf(request)) }),
  );

  app.post(
    '/api/facility/meetings',
    {
      config: { permission: 'facility.manage' },
      ...docs('Convene a committee meeting (secretariat)', { body: MeetingBody }),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMeeting(db, callerOf(request), MeetingBody.parse(request.body), rules)),
  );

  app.get(
    '/api/facility/meetings/:id',
    {
      config: { permission: 'facility.read' },
      ...docs('A meeting with its agenda, votes and decisions'),
    },
    async (request) => getMeeting(db, callerOf(request), meetingId(request.params)),
  );

  app.post(
    '/api/facility/meetings/:id/agenda',
    {
      config: { permission: 'facility.manage' },
      ...docs('Put a proposal before the committee on this meeting’s agenda (secretariat)', {
        body: AgendaBody,
      }),
    },
    async (request) =>
      addToAgenda(
        db,
        callerOf(request),
        meetingId(request.params),
        parseProposalId(AgendaBody.parse(request.body).proposal),
      ),
  );

  app.post(
    '/api/facility/meetings/:id/votes',
    {
      config: { permission: 'facility.decide' },
      ...docs('Vote on an agenda item (committee member)', { body: VoteBody }),
    },
    async (request) => {
      const body = VoteBody.parse(request.body);
      return castVote(
        db,
        callerOf(request),
        meetingId(request.params),
        parseProposalId(body.proposal),
        body,
      );
    },
  );

  app.post(
    '/api/facility/meetings/:id/decisions',
    {
      config: { permission: 'facility.decide' },
      ...docs('Record the committee’s decision; approval commits the grant (committee member)', {
        body: DecisionBody,
      }),
    },
    async (request) => {
      const body = DecisionBody.parse(request.body);
      return decide(
        db,
        callerOf(request),
        meetingId(request.params),
        parseProposalId(body.proposal),
        body,
      );
    },
  );
}
