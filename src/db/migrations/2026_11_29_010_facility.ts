import { sql } from 'kysely';
import { isPostgres, primaryKeyId, serialType, type AnyDb } from '../schema-helpers.ts';

/** The project preparation facility: proposals and their workflow, reviews, committee, ledger. */
export async function up(db: AnyDb): Promise<void> {
  const serial = serialType(db);
  const pk = primaryKeyId(db);

  // One row a fund. Its `lock_version` is bumped first thing in every transaction that moves
  // money, so concurrent ones queue on the row (PostgreSQL) or the write lock (SQLite) and each
  // reads the balance the previous one left.
  await db.schema
    .createTable('facility_fund')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('facility_fund')
    .values({
      id: 'ppf',
      name: 'CAREC Climate and Sustainable Development Project Preparation Facility',
    })
    .execute();

  await db.schema
    .createTable('facility_proposal')
    .addColumn('id', serial, pk)
    .addColumn('lead_country', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // The last version frozen by a submission; 0 until the first.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_cents', 'bigint', (c) => c.notNull())
    .addColumn('conditions', 'text')
    .addColumn('investment_iati_identifier', 'text')
    .addColumn('investment_cents', 'bigint')
    .addColumn('investment_financier', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facility_proposal_state')
    .on('facility_proposal')
    .column('state')
    .execute();

  await db.schema
    .createTable('facility_proposal_country')
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('endorsed_by', 'text')
    .addColumn('endorsed_at', 'text')
    .addPrimaryKeyConstraint('facility_proposal_country_pk', ['proposal_id', 'country'])
    .execute();
  await db.schema
    .createIndex('facility_proposal_country_by_country')
    .on('facility_proposal_country')
    .columns(['country', 'proposal_id'])
    .execute();

  await db.schema
    .createTable('facility_proposal_version')
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('frozen_by', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_proposal_version_pk', ['proposal_id', 'version'])
    .execute();

  await db.schema
    .createTable('facility_document')
    .addColumn('id', serial, pk)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facility_document_proposal')
    .on('facility_document')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('facility_transition')
    .addColumn('id', serial, pk)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facility_transition_proposal')
    .on('facility_transition')
    .columns(['proposal_id', 'id'])
    .execute();

  await db.schema
    .createTable('facility_screening')
    .addColumn('proposal_id', 'integer', (c) =>
      c.primaryKey().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('screened_by', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('facility_screening_override')
    .addColumn('id', serial, pk)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('facility_score')
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    // The weighted score in hundredths of a point, so ranking never compares floats.
    .addColumn('weighted', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_score_pk', ['proposal_id', 'version', 'reviewer'])
    .execute();

  await db.schema
    .createTable('facility_meeting')
    .addColumn('id', serial, pk)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('quorum', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('facility_agenda_item')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('facility_meeting.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('amount_cents', 'bigint')
    .addColumn('conditions', 'text')
    .addColumn('rationale', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('facility_agenda_item_pk', ['meeting_id', 'proposal_id'])
    .execute();
  await db.schema
    .createTable('facility_vote')
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'integer', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('vote', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_vote_pk', ['meeting_id', 'proposal_id', 'member'])
    .addForeignKeyConstraint(
      'facility_vote_item',
      ['meeting_id', 'proposal_id'],
      'facility_agenda_item',
      ['meeting_id', 'proposal_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('facility_milestone')
    .addColumn('id', serial, pk)
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('facility_proposal.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('deliverable', 'text')
    .addColumn('met_at', 'text')
    .addColumn('met_by', 'text')
    .execute();

  // Append-only: corrections are new entries (a cancellation, a refund), never edits.
  await db.schema
    .createTable('facility_ledger')
    .addColumn('id', serial, pk)
    .addColumn('fund_id', 'text', (c) => c.notNull().references('facility_fund.id'))
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('contributor', 'text')
    .addColumn('proposal_id', 'integer', (c) => c.references('facility_proposal.id'))
    .addColumn('milestone_id', 'integer', (c) => c.references('facility_milestone.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('usd_cents', 'bigint', (c) => c.notNull())
    .addColumn('usd_source', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('memo', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('facility_ledger_positive', sql`amount_minor > 0 and usd_cents > 0`)
    .execute();
  await db.schema
    .createIndex('facility_ledger_proposal')
    .on('facility_ledger')
    .column('proposal_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'facility_ledger',
    'facility_milestone',
    'facility_vote',
    'facility_agenda_item',
    'facility_meeting',
    'facility_score',
    'facility_screening_override',
    'facility_screening',
    'facility_transition',
    'facility_document',
    'facility_proposal_version',
    'facility_proposal_country',
    'facility_proposal',
    'facility_fund',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
