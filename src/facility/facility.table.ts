import type { ColumnType, Generated } from 'kysely';

/** Inserted once, never updated. */
type AppendOnly<T> = ColumnType<T, T, never>;

export interface FacilityFundTable {
  id: string;
  name: string;
  lock_version: Generated<number>;
}

export interface FacilityProposalTable {
  id: Generated<number>;
  lead_country: string;
  state: string;
  title: string;
  /** The draft's content as JSON (ProposalContent). */
  content: string;
  version: Generated<number>;
  requested_cents: number;
  conditions: string | null;
  investment_iati_identifier: string | null;
  investment_cents: number | null;
  investment_financier: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FacilityProposalCountryTable {
  proposal_id: number;
  country: string;
  endorsed_by: string | null;
  endorsed_at: string | null;
}

export interface FacilityProposalVersionTable {
  proposal_id: AppendOnly<number>;
  version: AppendOnly<number>;
  content: AppendOnly<string>;
  frozen_by: AppendOnly<string>;
  frozen_at: AppendOnly<string>;
}

export interface FacilityDocumentTable {
  id: Generated<number>;
  proposal_id: number;
  kind: string;
  country: string | null;
  filename: string;
  media_type: string;
  bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
}

export interface FacilityTransitionTable {
  id: Generated<number>;
  proposal_id: AppendOnly<number>;
  action: AppendOnly<string>;
  from_state: AppendOnly<string | null>;
  to_state: AppendOnly<string>;
  actor: AppendOnly<string>;
  reason: AppendOnly<string | null>;
  at: AppendOnly<string>;
}

export interface FacilityScreeningTable {
  proposal_id: number;
  version: number;
  rules_version: string;
  /** JSON: RuleVerdict[] as the rules computed them. */
  results: string;
  screened_by: string;
  screened_at: string;
}

export interface FacilityScreeningOverrideTable {
  id: Generated<number>;
  proposal_id: number;
  version: number;
  rule: string;
  verdict: string;
  reason: string;
  actor: string;
  at: string;
}

export interface FacilityScoreTable {
  proposal_id: number;
  version: number;
  /** The reviewer's email. */
  reviewer: string;
  /** JSON: criterion → points. */
  scores: string;
  weighted: number;
  comment: string | null;
  submitted_at: string;
}

export interface FacilityMeetingTable {
  id: Generated<number>;
  title: string;
  held_on: string;
  quorum: number;
  created_by: string;
  created_at: string;
}

export interface FacilityAgendaItemTable {
  meeting_id: number;
  proposal_id: number;
  added_at: string;
  decision: string | null;
  amount_cents: number | null;
  conditions: string | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface FacilityVoteTable {
  meeting_id: number;
  proposal_id: number;
  member: string;
  vote: string;
  comment: string | null;
  at: string;
}

export interface FacilityMilestoneTable {
  id: Generated<number>;
  proposal_id: number;
  title: string;
  due_on: string;
  amount_cents: number;
  deliverable: string | null;
  met_at: string | null;
  met_by: string | null;
}

export interface FacilityLedgerTable {
  id: Generated<number>;
  fund_id: AppendOnly<string>;
  entry_type: AppendOnly<string>;
  contributor: AppendOnly<string | null>;
  proposal_id: AppendOnly<number | null>;
  milestone_id: AppendOnly<number | null>;
  currency: AppendOnly<string>;
  amount_minor: AppendOnly<number>;
  usd_cents: AppendOnly<number>;
  /** Where the US dollar value comes from: as received, or the exchange rate used. */
  usd_source: AppendOnly<string>;
  value_date: AppendOnly<string>;
  reference: AppendOnly<string | null>;
  memo: AppendOnly<string | null>;
  recorded_by: AppendOnly<string>;
  recorded_at: AppendOnly<string>;
}

export interface FacilityTables {
  facility_fund: FacilityFundTable;
  facility_proposal: FacilityProposalTable;
  facility_proposal_country: FacilityProposalCountryTable;
  facility_proposal_version: FacilityProposalVersionTable;
  facility_document: FacilityDocumentTable;
  facility_transition: FacilityTransitionTable;
  facility_screening: FacilityScreeningTable;
  facility_screening_override: FacilityScreeningOverrideTable;
  facility_score: FacilityScoreTable;
  facility_meeting: FacilityMeetingTable;
  facility_agenda_item: FacilityAgendaItemTable;
  facility_vote: FacilityVoteTable;
  facility_milestone: FacilityMilestoneTable;
  facility_ledger: FacilityLedgerTable;
}
