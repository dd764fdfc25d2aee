import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { documented } from '../server/zod-route.ts';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { callerOf } from './caller.ts';
import { addDocument, DOCUMENT_MAX_BYTES, readDocument } from './document.service.ts';
import { milestonesOf } from './milestone.repository.ts';
import {
  addMilestone,
  disburse,
  markMilestoneMet,
  recordFinancing,
} from './preparation.service.ts';
import { proposalDetail, summaryOf } from './proposal-detail.service.ts';
import { parseProposalId } from './proposal.repository.ts';
import { createDraft, endorse, listProposals, updateDraft } from './proposal.service.ts';
import { ranking, reviewQueue, submitScore } from './review.service.ts';
import type { FacilityRules } from './rules.ts';
import { overrideVerdict, rescreen } from './screening.service.ts';
import { transition } from './workflow.service.ts';
import { STATES, TRANSITION_ACTIONS } from './workflow.ts';

const DOCUMENT_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
];

const IdParams = z.object({ id: z.string().max(20) });
const ListQuery = z
  .object({
    state: z.enum(STATES).optional(),
    country: z.string().length(2).toUpperCase().optional(),
  })
  .strict();
const NewProposal = z
  .object({ leadCountry: z.string().length(2).optional(), content: z.unknown() })
  .strict();
const TransitionBody = z
  .object({
    action: z.enum(TRANSITION_ACTIONS as [string, ...string[]]),
    reason: z.string().max(5000).optional(),
  })
  .strict();
const EndorseBody = z
  .object({ country: z.string().length(2).optional() })
  .strict()
  .optional();
const DocumentQuery = z
  .object({
    kind: z.string().max(40),
    country: z.string().length(2).optional(),
    filename: z.string().min(1).max(255),
  })
  .strict();
const OverrideBody = z
  .object({
    rule: z.string().max(60),
    verdict: z.enum(['pass', 'fail']),
    reason: z.string().max(5000),
  })
  .strict();
const ScoreBody = z
  .object({
    scores: z.record(z.string().max(40), z.number()),
    comment: z.string().max(5000).optional(),
  })
  .strict();
const MilestoneBody = z
  .object({ title: z.string().max(300), dueOn: z.string().max(10), amountUsd: z.string().max(20) })
  .strict();
const MetBody = z.object({ deliverable: z.string().max(2000) }).strict();
const DisbursementBody = z
  .object({
    amountUsd: z.string().max(20),
    valueDate: z.string().max(10),
    reference: z.string().max(200).optional(),
  })
  .strict();
const FinancingBody = z
  .object({
    iatiIdentifier: z.string().max(200),
    amountUsd: z.string().max(20).optional(),
    financier: z.string().max(200).optional(),
    reason: z.string().max(5000).optional(),
  })
  .strict();

const docs = (summary: string, parts: Parameters<typeof documented>[1] = {}) =>
  documented({ summary, tags: ['facility'] }, parts);
const proposalId = (params: unknown) => parseProposalId(IdParams.parse(params).id);
const numericId = (params: unknown, what: string) => {
  const id = Number(IdParams.parse(params).id);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('bad_request', `not a ${what} id`);
  return id;
};

/** Proposals: drafting, documents, the workflow, screening, reviews and preparation. */
export function registerProposalRoutes(
  app: FastifyInstance,
  store: Store,
  rules: FacilityRules,
): void {
  const { db } = store;

  app.get(
    '/api/facility/proposals',
    {
      config: { permission: 'facility.read' },
      ...docs('Proposals you may see (drafts only your own country’s)', { querystring: ListQuery }),
    },
    async (request) => {
      const query = ListQuery.parse(request.query);
      const proposals = await listProposals(db, callerOf(request), {
        ...(query.state ? { states: [query.state] } : {}),
        ...(query.country ? { country: query.country } : {}),
      });
      return { proposals: proposals.map(summaryOf) };
    },
  );

  app.post(
    '/api/facility/proposals',
    {
      config: { permission: 'facility.propose' },
      ...docs('Start a draft proposal (country focal point)', { body: NewProposal }),
    },
    async (request, reply) => {
      const body = NewProposal.parse(request.body);
      const created = await createDraft(db, callerOf(request), {
        content: body.content,
        leadCountry: body.leadCountry,
      });
      return reply.status(201).send(await proposalDetail(db, callerOf(request), created.id, rules));
    },
  );

  app.get(
    '/api/facility/proposals/:id',
    {
      config: { permission: 'facility.read' },
      ...docs('One proposal with its versions, documents, screening, reviews, grant and history'),
    },
    async (request) => proposalDetail(db, callerOf(request), proposalId(request.params), rules),
  );

  app.put(
    '/api/facility/proposals/:id',
    {
      config: { permission: 'facility.propose' },
      ...docs('Replace a draft’s content (its country’s focal point)'),
    },
    async (request) => {
      const id = proposalId(request.params);
      await updateDraft(db, callerOf(request), id, request.body);
      return proposalDetail(db, callerOf(request), id, rules);
    },
  );

  app.post(
    '/api/facility/proposals/:id/transitions',
    {
      // Each action checks its own permission: submit and withdraw a focal point's, the others
      // the secretariat's. The route lets every facility role through to that check.
      config: { permission: 'facility.read' },
      ...docs(`Move a proposal through the workflow: ${TRANSITION_ACTIONS.join(', ')}`, {
        body: TransitionBody,
      }),
    },
    async (request) => {
      const id = proposalId(request.params);
      const body = TransitionBody.parse(request.body);
      await transition(
        db,
        callerOf(request),
        id,
        body.action as (typeof TRANSITION_ACTIONS)[number],
        body.reason,
        rules,
      );
      return proposalDetail(db, callerOf(request), id, rules);
    },
  );

  app.post(
    '/api/facility/proposals/:id/endorsements',
    {
      config: { permission: 'facility.propose' },
      ...docs('Endorse a proposal for your country (a named country’s focal point)', {
        body: EndorseBody,
      }),
    },
    async (request) => {
      const id = proposalId(request.params);
      await endorse(
        db,
        callerOf(request),
        id,
        EndorseBody.parse(request.body ?? undefined)?.country,
      );
      return proposalDetail(db, callerOf(request), id, rules);
    },
  );

  app.register((uploads, _options, done) => {
    // This context holds only the upload route: it reads documents as bytes, whatever IATI's
    // upload route (which streams) registered for the same types.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      DOCUMENT_TYPES,
      { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES },
      (_r, body, done) => done(null, body),
    );
    uploads.post(
      '/api/facility/proposals/:id/documents',
      {
        config: { permission: 'facility.propose' },
        bodyLimit: DOCUMENT_MAX_BYTES,
        ...docs(
          'Attach a document: the file as the body, ?kind=&filename=[&country=] (checked by content)',
          { querystring: DocumentQuery },
        ),
      },
      async (request, reply) => {
        const id = proposalId(request.params);
        const query = DocumentQuery.parse(request.query);
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            'bad_request',
            `send the file as the body, with a content type of ${DOCUMENT_TYPES.join(', ')}`,
          );
        }
        const info = await addDocument(db, callerOf(request), id, { ...query, body: request.body });
        return reply.status(201).send(info);
      },
    );
    done();
  });

  app.get(
    '/api/facility/proposals/:id/documents/:documentId',
    { config: { permission: 'facility.read' }, ...docs('Download an attached document') },
    async (request, reply) => {
      const params = z
        .object({ id: z.string().max(20), documentId: z.coerce.number().int().positive() })
        .parse(request.params);
      const document = await readDocument(
        db,
        callerOf(request),
        parseProposalId(params.id),
        params.documentId,
      );
      return reply
        .type(document.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${document.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
        )
        .send(Buffer.from(document.content));
    },
  );

  app.post(
    '/api/facility/proposals/:id/screening',
    {
      config: { permission: 'facility.manage' },
      ...docs('Apply the eligibility rules again (secretariat, during screening)'),
    },
    async (request) => rescreen(db, callerOf(request), proposalId(request.params), rules),
  );

  app.post(
    '/api/facility/proposals/:id/screening/overrides',
    {
      config: { permission: 'facility.manage' },
      ...docs('Override one rule’s verdict, with a written reason (secretariat)', {
        body: OverrideBody,
      }),
    },
    async (request) =>
      overrideVerdict(
        db,
        callerOf(request),
        proposalId(request.params),
        OverrideBody.parse(request.body),
      ),
  );

  app.post(
    '/api/facility/proposals/:id/scores',
    {
      config: { permission: 'facility.review' },
      ...docs('Score a proposal in technical review against the rubric (reviewer)', {
        body: ScoreBody,
      }),
    },
    async (request, reply) => {
      const view = await submitScore(
        db,
        callerOf(request),
        proposalId(request.params),
        ScoreBody.parse(request.body),
        rules,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/facility/ranking',
    {
      config: { permission: 'facility.read' },
      ...docs('Proposals with complete reviews, by mean weighted score'),
    },
    async (request) => ({ ranking: await ranking(db, callerOf(request), rules) }),
  );

  app.get(
    '/api/facility/reviews',
    {
      config: { permission: 'facility.review' },
      ...docs('Proposals awaiting your review, without conflicts of interest (reviewer)'),
    },
    async (request) => ({ proposals: (await reviewQueue(db, callerOf(request))).map(summaryOf) }),
  );

  app.post(
    '/api/facility/proposals/:id/milestones',
    {
      config: { permission: 'facility.manage' },
      ...docs('Plan a milestone of an approved grant (secretariat)', { body: MilestoneBody }),
    },
    async (request, reply) => {
      const milestone = await addMilestone(
        db,
        callerOf(request),
        proposalId(request.params),
        MilestoneBody.parse(request.body),
      );
      return reply.status(201).send(milestone);
    },
  );

  app.post(
    '/api/facility/milestones/:id/met',
    {
      config: { permission: 'facility.manage' },
      ...docs('Record a milestone’s deliverable as received (secretariat)', { body: MetBody }),
    },
    async (request) =>
      markMilestoneMet(
        db,
        callerOf(request),
        numericId(request.params, 'milestone'),
        MetBody.parse(request.body),
      ),
  );

  app.post(
    '/api/facility/milestones/:id/disbursements',
    {
      config: { permission: 'facility.manage' },
      ...docs('Disburse against a met milestone (secretariat)', { body: DisbursementBody }),
    },
    async (request, reply) => {
      const milestone = await disburse(
        db,
        callerOf(request),
        numericId(request.params, 'milestone'),
        DisbursementBody.parse(request.body),
      );
      return reply
        .status(201)
        .send({ milestone, milestones: await milestonesOf(db, milestone.proposalId) });
    },
  );

  app.post(
    '/api/facility/proposals/:id/financing',
    {
      config: { permission: 'facility.manage' },
      ...docs('Link a completed proposal to the investment it led to (secretariat)', {
        body: FinancingBody,
      }),
    },
    async (request) => {
      const id = proposalId(request.params);
      await recordFinancing(db, callerOf(request), id, FinancingBody.parse(request.body));
      return proposalDetail(db, callerOf(request), id, rules);
    },
  );
}
