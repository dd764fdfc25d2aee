import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { grantsOf, now, type Caller } from './caller.ts';
import { parseProposalContent, requestedCents, type ProposalContent } from './proposal.model.ts';
import {
  findProposals,
  recordTransition,
  referenceOf,
  requireProposal,
  type ProposalFilter,
  type ProposalRecord,
} from './proposal.repository.ts';
import { PRIVATE_STATES, type ProposalState } from './workflow.ts';

const EDITABLE: readonly ProposalState[] = ['draft', 'returned'];

/**
 * Throws unless the caller may see this proposal: a draft, or a draft withdrawn without ever
 * being submitted, only by its lead country's focal points; otherwise by the facility's roles,
 * and by focal points of the countries it names.
 */
export function requireVisible(caller: Caller, proposal: ProposalRecord): void {
  const withdrawnDraft = proposal.state === 'withdrawn' && !proposal.everSubmitted;
  if (PRIVATE_STATES.includes(proposal.state) || withdrawnDraft) {
    requireAccess(caller.actor, 'facility.propose', { country: proposal.leadCountry });
    return;
  }
  requireAccess(caller.actor, 'facility.read', {
    countries: proposal.countries.map((c) => c.country),
  });
}

export function isVisible(caller: Caller, proposal: ProposalRecord): boolean {
  try {
    requireVisible(caller, proposal);
    return true;
  } catch {
    return false;
  }
}

export async function visibleProposal(db: Db, caller: Caller, id: number): Promise<ProposalRecord> {
  requireAccess(caller.actor, 'facility.read');
  const proposal = await requireProposal(db, id);
  requireVisible(caller, proposal);
  return proposal;
}

export async function listProposals(
  db: Db,
  caller: Caller,
  filter: ProposalFilter = {},
): Promise<ProposalRecord[]> {
  requireAccess(caller.actor, 'facility.read');
  return (await findProposals(db, filter)).filter((p) => isVisible(caller, p));
}

/** The member country a focal point drafts for: their only one, or the one they name. */
function draftingCountry(caller: Caller, requested: string | undefined): string {
  const countries = grantsOf(caller, 'focal_point').map((g) => g.country!);
  const lead = requested?.toUpperCase() ?? (countries.length === 1 ? countries[0] : undefined);
  if (!lead) {
    throw new AppError(
      'bad_request',
      `leadCountry: name one of your countries (${countries.join(', ')})`,
    );
  }
  requireAccess(caller.actor, 'facility.propose', { country: lead });
  return lead;
}

function checkCountries(content: ProposalContent, lead: string): void {
  if (!content.countries.includes(lead)) {
    throw new AppError('bad_request', `countries: must include the lead country ${lead}`);
  }
}

async function writeCountries(db: Db, id: number, countries: readonly string[]): Promise<void> {
  await db.deleteFrom('facility_proposal_country').where('proposal_id', '=', id).execute();
  await db
    .insertInto('facility_proposal_country')
    .values(countries.map((country) => ({ proposal_id: id, country })))
    .execute();
}

/** A focal point starts a draft for their country; only that country's focal points see it. */
export async function createDraft(
  db: Db,
  caller: Caller,
  input: { content: unknown; leadCountry?: string | undefined },
): Promise<ProposalRecord> {
  requireAccess(caller.actor, 'facility.propose');
  const lead = draftingCountry(caller, input.leadCountry);
  const content = parseProposalContent(input.content);
  checkCountries(content, lead);
  const at = now(caller);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('facility_proposal')
      .values({
        lead_country: lead,
        state: 'draft',
        title: content.title.en,
        content: JSON.stringify(content),
        requested_cents: requestedCents(content),
        conditions: null,
        investment_iati_identifier: null,
        investment_cents: null,
        investment_financier: null,
        created_by: caller.name,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeCountries(trx, id, content.countries);
    await recordTransition(trx, {
      proposalId: id,
      action: 'create',
      from: null,
      to: 'draft',
      actor: caller.name,
      reason: null,
      at,
    });
    const created = await requireProposal(trx, id);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.create',
      targetType: 'proposal',
      targetId: referenceOf(id),
      after: { state: 'draft', content },
      origin: caller.origin,
    });
    return created;
  });
}

/** Replaces a draft's content; only while it is a draft or returned for revision. */
export async function updateDraft(
  db: Db,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<ProposalRecord> {
  const content = parseProposalContent(input);
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    requireAccess(caller.actor, 'facility.propose', { country: proposal.leadCountry });
    if (!EDITABLE.includes(proposal.state)) {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state.replaceAll('_', ' ')}: only a draft or a returned proposal can be edited`,
      );
    }
    checkCountries(content, proposal.leadCountry);
    await trx
      .updateTable('facility_proposal')
      .set({
        title: content.title.en,
        content: JSON.stringify(content),
        requested_cents: requestedCents(content),
        updated_at: now(caller),
      })
      .where('id', '=', id)
      .where('state', '=', proposal.state)
      .execute();
    // Endorsements stand for the countries that stay; a new country has yet to endorse.
    const kept = new Map(proposal.countries.map((c) => [c.country, c]));
    await writeCountries(trx, id, content.countries);
    for (const country of content.countries) {
      const before = kept.get(country);
      if (before?.endorsedBy) {
        await trx
          .updateTable('facility_proposal_country')
          .set({ endorsed_by: before.endorsedBy, endorsed_at: before.endorsedAt })
          .where('proposal_id', '=', id)
          .where('country', '=', country)
          .execute();
      }
    }
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.edit',
      targetType: 'proposal',
      targetId: proposal.reference,
      before: { content: proposal.content },
      after: { content },
      origin: caller.origin,
    });
    return requireProposal(trx, id);
  });
}

/**
 * A named country's focal point endorses a regional proposal for their government. The lead
 * country endorses its own too, so every country's consent is one explicit act.
 */
export async function endorse(
  db: Db,
  caller: Caller,
  id: number,
  countryInput: string | undefined,
): Promise<ProposalRecord> {
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    requireVisible(caller, proposal);
    const mine = grantsOf(caller, 'focal_point')
      .map((g) => g.country!)
      .filter((c) => proposal.countries.some((p) => p.country === c));
    const country = countryInput?.toUpperCase() ?? (mine.length === 1 ? mine[0] : undefined);
    if (!country || !proposal.countries.some((p) => p.country === country)) {
      requireAccess(caller.actor, 'facility.propose', {
        countries: proposal.countries.map((c) => c.country),
      });
      throw new AppError(
        'bad_request',
        `country: name which of the proposal's countries you endorse for (${proposal.countries.map((c) => c.country).join(', ')})`,
      );
    }
    requireAccess(caller.actor, 'facility.propose', { country });
    if (proposal.state === 'draft' && country !== proposal.leadCountry) {
      throw new AppError(
        'conflict',
        `${proposal.reference} is a draft: other countries endorse it once it is submitted`,
      );
    }
    if (!['draft', 'returned', 'submitted', 'screening'].includes(proposal.state)) {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state.replaceAll('_', ' ')}: endorsements are closed`,
      );
    }
    const endorsedAt = now(caller);
    await trx
      .updateTable('facility_proposal_country')
      .set({ endorsed_by: caller.name, endorsed_at: endorsedAt })
      .where('proposal_id', '=', id)
      .where('country', '=', country)
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.endorse',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: { country, endorsedAt },
      origin: caller.origin,
    });
    return requireProposal(trx, id);
  });
}
