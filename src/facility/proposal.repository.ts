import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { FacilityProposalTable } from './facility.table.ts';
import type { ProposalContent } from './proposal.model.ts';
import type { ProposalState } from './workflow.ts';

export interface ProposalCountry {
  country: string;
  endorsedBy: string | null;
  endorsedAt: string | null;
}

export interface ProposalRecord {
  id: number;
  reference: string;
  state: ProposalState;
  leadCountry: string;
  title: string;
  content: ProposalContent;
  version: number;
  requestedCents: number;
  conditions: string | null;
  investment: {
    iatiIdentifier: string;
    cents: number;
    financier: string | null;
  } | null;
  countries: ProposalCountry[];
  /** It has been submitted at least once: a draft withdrawn before that stays its country's. */
  everSubmitted: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A proposal's public reference: PPF-0007. */
export const referenceOf = (id: number) => `PPF-${String(id).padStart(4, '0')}`;

export function parseProposalId(text: string): number {
  const match = /^(?:PPF-)?0*(\d{1,9})$/i.exec(text.trim());
  if (!match)
    throw new AppError(
      'bad_request',
      `${JSON.stringify(text)} is not a proposal id (PPF-0001 or 1)`,
    );
  return Number(match[1]);
}

function toRecord(
  row: Selectable<FacilityProposalTable> & { ever_submitted: unknown },
  countries: ProposalCountry[],
): ProposalRecord {
  return {
    id: row.id,
    reference: referenceOf(row.id),
    state: row.state as ProposalState,
    leadCountry: row.lead_country,
    title: row.title,
    content: JSON.parse(row.content) as ProposalContent,
    version: row.version,
    requestedCents: Number(row.requested_cents),
    conditions: row.conditions,
    investment:
      row.investment_iati_identifier === null
        ? null
        : {
            iatiIdentifier: row.investment_iati_identifier,
            cents: Number(row.investment_cents ?? 0),
            financier: row.investment_financier,
          },
    countries,
    // SQLite answers 0 or 1, PostgreSQL a boolean.
    everSubmitted: Boolean(Number(row.ever_submitted)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function countriesOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ProposalCountry[]>> {
  const byProposal = new Map<number, ProposalCountry[]>();
  if (ids.length === 0) return byProposal;
  const rows = await db
    .selectFrom('facility_proposal_country')
    .selectAll()
    .where('proposal_id', 'in', ids)
    .orderBy('proposal_id')
    .orderBy('country')
    .execute();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id) ?? [];
    list.push({ country: row.country, endorsedBy: row.endorsed_by, endorsedAt: row.endorsed_at });
    byProposal.set(row.proposal_id, list);
  }
  return byProposal;
}

/** The proposals with whether each was ever submitted. */
function selectProposals(db: Db) {
  return db
    .selectFrom('facility_proposal')
    .selectAll()
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('facility_transition')
            .select('facility_transition.id')
            .whereRef('facility_transition.proposal_id', '=', 'facility_proposal.id')
            .where('facility_transition.to_state', '=', 'submitted'),
        )
        .as('ever_submitted'),
    );
}

export async function findProposal(db: Db, id: number): Promise<ProposalRecord | undefined> {
  const row = await selectProposals(db).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row, (await countriesOf(db, [id])).get(id) ?? []);
}

export async function requireProposal(db: Db, id: number): Promise<ProposalRecord> {
  const found = await findProposal(db, id);
  if (!found) throw new AppError('not_found', `no proposal ${referenceOf(id)}`);
  return found;
}

export interface ProposalFilter {
  ids?: readonly number[];
  states?: readonly ProposalState[];
  country?: string;
}

export async function findProposals(
  db: Db,
  filter: ProposalFilter = {},
): Promise<ProposalRecord[]> {
  let query = selectProposals(db);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', [...filter.ids]);
  }
  if (filter.states) query = query.where('state', 'in', [...filter.states]);
  if (filter.country) {
    const country = filter.country;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('facility_proposal_country')
        .select('proposal_id')
        .where('country', '=', country),
    );
  }
  const rows = await query.orderBy('id').execute();
  const countries = await countriesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toRecord(row, countries.get(row.id) ?? []));
}

/**
 * Moves a proposal from the state it was read in; a proposal another request moved meanwhile
 * is not touched, and the caller gets a conflict to retry on fresh data.
 */
export async function moveProposal(
  db: Db,
  proposal: ProposalRecord,
  to: ProposalState,
  changes: Partial<{
    version: number;
    conditions: string | null;
    investment_iati_identifier: string;
    investment_cents: number;
    investment_financier: string | null;
  }>,
  at: string,
): Promise<void> {
  const result = await db
    .updateTable('facility_proposal')
    .set({ state: to, updated_at: at, ...changes })
    .where('id', '=', proposal.id)
    .where('state', '=', proposal.state)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) {
    throw new AppError(
      'conflict',
      `${proposal.reference} changed while this request ran; reload it and try again`,
    );
  }
}

export async function recordTransition(
  db: Db,
  entry: {
    proposalId: number;
    action: string;
    from: ProposalState | null;
    to: ProposalState;
    actor: string;
    reason: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('facility_transition')
    .values({
      proposal_id: entry.proposalId,
      action: entry.action,
      from_state: entry.from,
      to_state: entry.to,
      actor: entry.actor,
      reason: entry.reason,
      at: entry.at,
    })
    .execute();
}
