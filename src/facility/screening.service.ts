import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { now, type Caller } from './caller.ts';
import type { DocumentKind } from './proposal.model.ts';
import { requireProposal, type ProposalRecord } from './proposal.repository.ts';
import type { FacilityRules } from './rules.ts';
import { screen, withOverrides, type EffectiveVerdict, type RuleVerdict } from './screening.ts';

export interface Screening {
  version: number;
  rulesVersion: string;
  screenedBy: string;
  screenedAt: string;
  verdicts: EffectiveVerdict[];
  /** Every verdict passes, after the secretariat's overrides. */
  passed: boolean;
}

/** States whose requests count against their country's yearly cap. */
const COUNTED_STATES = [
  'submitted',
  'screening',
  'technical_review',
  'committee',
  'approved',
  'in_preparation',
  'completed',
  'financed',
];

async function countryYearRequested(
  db: Db,
  proposal: ProposalRecord,
  year: string,
): Promise<number> {
  const row = await db
    .selectFrom('facility_proposal as p')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number | string>('p.requested_cents'), eb.lit(0)).as('total'),
    )
    .where('p.lead_country', '=', proposal.leadCountry)
    .where('p.state', 'in', COUNTED_STATES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('facility_transition as t')
          .select('t.id')
          .whereRef('t.proposal_id', '=', 'p.id')
          .where('t.action', '=', 'submit')
          .where('t.at', '>=', `${year}-01-01`)
          .where('t.at', '<', `${Number(year) + 1}-01-01`),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * Applies the rules to the proposal's submitted version and stores the verdicts, replacing an
 * earlier screening (endorsements may have arrived since). Overrides of an earlier version lapse.
 */
export async function runScreening(
  db: Db,
  caller: Caller,
  proposal: ProposalRecord,
  rules: FacilityRules,
): Promise<RuleVerdict[]> {
  const documents = await db
    .selectFrom('facility_document')
    .select(['kind', 'country'])
    .where('proposal_id', '=', proposal.id)
    .execute();
  // The cap counts a year's submissions: this one's year, not the screening's (a proposal sent
  // in December and screened in January still counts in December's year).
  const submitted = await db
    .selectFrom('facility_transition')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('proposal_id', '=', proposal.id)
    .where('action', '=', 'submit')
    .executeTakeFirst();
  const year = (submitted?.at ?? now(caller)).slice(0, 4);
  const verdicts = screen(rules, {
    content: proposal.content,
    leadCountry: proposal.leadCountry,
    endorsedCountries: new Set(
      proposal.countries.filter((c) => c.endorsedBy).map((c) => c.country),
    ),
    documents: documents.map((d) => ({ kind: d.kind as DocumentKind, country: d.country })),
    countryYearRequestedCents: await countryYearRequested(db, proposal, year),
    year: Number(year),
  });
  const row = {
    version: proposal.version,
    rules_version: rules.version,
    results: JSON.stringify(verdicts),
    screened_by: caller.name,
    screened_at: now(caller),
  };
  await db.deleteFrom('facility_screening').where('proposal_id', '=', proposal.id).execute();
  await db
    .insertInto('facility_screening')
    .values({ proposal_id: proposal.id, ...row })
    .execute();
  return verdicts;
}

export async function screeningOf(db: Db, proposal: ProposalRecord): Promise<Screening | null> {
  const row = await db
    .selectFrom('facility_screening')
    .selectAll()
    .where('proposal_id', '=', proposal.id)
    .executeTakeFirst();
  if (!row) return null;
  const overrides = await db
    .selectFrom('facility_screening_override')
    .selectAll()
    .where('proposal_id', '=', proposal.id)
    .where('version', '=', row.version)
    .orderBy('id')
    .execute();
  const verdicts = withOverrides(
    JSON.parse(row.results) as RuleVerdict[],
    overrides.map((o) => ({
      rule: o.rule,
      passed: o.verdict === 'pass',
      reason: o.reason,
      actor: o.actor,
      at: o.at,
    })),
  );
  return {
    version: row.version,
    rulesVersion: row.rules_version,
    screenedBy: row.screened_by,
    screenedAt: row.screened_at,
    verdicts,
    passed: verdicts.every((v) => v.passed),
  };
}

/** Re-applies the rules while a proposal is in screening, e.g. after an endorsement arrived. */
export async function rescreen(
  db: Db,
  caller: Caller,
  id: number,
  rules: FacilityRules,
): Promise<Screening> {
  requireAccess(caller.actor, 'facility.manage');
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    if (proposal.state !== 'screening') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}, not in screening`,
      );
    }
    const verdicts = await runScreening(trx, caller, proposal, rules);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.screen',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: { rulesVersion: rules.version, verdicts },
      origin: caller.origin,
    });
    return (await screeningOf(trx, proposal))!;
  });
}

/** A secretariat analyst overrides one rule's verdict, and must say why. */
export async function overrideVerdict(
  db: Db,
  caller: Caller,
  id: number,
  input: { rule: string; verdict: 'pass' | 'fail'; reason: string },
): Promise<Screening> {
  requireAccess(caller.actor, 'facility.manage');
  const reason = input.reason.trim();
  if (reason.length < 10) {
    throw new AppError(
      'bad_request',
      'reason: an override needs a written reason (10 characters or more)',
    );
  }
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, id);
    if (proposal.state !== 'screening') {
      throw new AppError(
        'conflict',
        `${proposal.reference} is ${proposal.state}: verdicts are overridden during screening`,
      );
    }
    const screening = await screeningOf(trx, proposal);
    const before = screening?.verdicts.find((v) => v.rule === input.rule);
    if (!screening || !before) {
      throw new AppError(
        'bad_request',
        `rule: ${input.rule} is not one of ${screening?.verdicts.map((v) => v.rule).join(', ') ?? 'the screened rules'}`,
      );
    }
    await trx
      .insertInto('facility_screening_override')
      .values({
        proposal_id: id,
        version: screening.version,
        rule: input.rule,
        verdict: input.verdict,
        reason,
        actor: caller.name,
        at: now(caller),
      })
      .execute();
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.override',
      targetType: 'proposal',
      targetId: proposal.reference,
      before: { rule: input.rule, passed: before.passed },
      after: { rule: input.rule, passed: input.verdict === 'pass', reason },
      origin: caller.origin,
    });
    return (await screeningOf(trx, proposal))!;
  });
}
