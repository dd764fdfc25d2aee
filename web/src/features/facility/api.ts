import type { Meeting } from '../../../../src/facility/committee.service.ts';
import type { DocumentInfo } from '../../../../src/facility/document.service.ts';
import type { FundStatement } from '../../../../src/facility/fund.service.ts';
import type { LedgerEntry } from '../../../../src/facility/ledger.service.ts';
import type { Outcomes, PipelineEntry } from '../../../../src/facility/outcomes.service.ts';
import type {
  ProposalDetail,
  ProposalSummary,
} from '../../../../src/facility/proposal-detail.service.ts';
import type { RankedProposal } from '../../../../src/facility/review.service.ts';
import type { FacilityRules } from '../../../../src/facility/rules.ts';
import { csrfHeader, queryString, request, sendJson } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';

export type { DocumentInfo, FundStatement, Meeting, Outcomes, PipelineEntry };
export type { ProposalDetail, ProposalSummary, RankedProposal };
export type { AgendaItem, Decision, Vote } from '../../../../src/facility/committee.service.ts';
export type { DocumentKind, ProposalContent } from '../../../../src/facility/proposal.model.ts';
export type { ProposalAction, ProposalState } from '../../../../src/facility/workflow.ts';

/** `GET /api/facility/rules`: the rules in force, without the caps the server derives. */
export type RulesAnswer = Omit<FacilityRules, 'caps'>;

/** A row of `GET /api/facility/ledger`. */
export type LedgerRow = Omit<LedgerEntry, 'amountMinor' | 'usdCents' | 'proposalId'> & {
  proposal: string | null;
  amount: string;
  usd: string;
};

export type MeetingSummary = Omit<Meeting, 'agenda'>;

const BASE = '/api/facility';
// Facility data changes with every workflow step; pages always ask the server afresh.
const FRESH = { fresh: true };

export const proposalPath = (reference: string) =>
  `${BASE}/proposals/${encodeURIComponent(reference)}`;

export const useStatement = () => useApi<FundStatement>(`${BASE}/statement`, FRESH);
export const usePipeline = () =>
  useApi<{ proposals: PipelineEntry[]; funnel: Outcomes['funnel'] }>(`${BASE}/pipeline`, FRESH);
export const useOutcomes = () => useApi<Outcomes>(`${BASE}/outcomes`, FRESH);
/** The rules change only when the server restarts with another rules file. */
export const useRules = () => useApi<RulesAnswer>(`${BASE}/rules`);
export const useProposals = () =>
  useApi<{ proposals: ProposalSummary[] }>(`${BASE}/proposals`, FRESH);
export const useProposal = (reference: string | null) =>
  useApi<ProposalDetail>(reference ? proposalPath(reference) : null, FRESH);
export const useReviewQueue = (enabled: boolean) =>
  useApi<{ proposals: ProposalSummary[] }>(enabled ? `${BASE}/reviews` : null, FRESH);
export const useRanking = () => useApi<{ ranking: RankedProposal[] }>(`${BASE}/ranking`, FRESH);
export const useLedger = () => useApi<{ entries: LedgerRow[] }>(`${BASE}/ledger`, FRESH);
export const useMeetings = () => useApi<{ meetings: MeetingSummary[] }>(`${BASE}/meetings`, FRESH);
export const useMeeting = (id: string) =>
  useApi<Meeting>(`${BASE}/meetings/${encodeURIComponent(id)}`, FRESH);

/** A write to the facility's API; the answer, or an ApiError with the API's message. */
export async function post<T>(path: string, body?: unknown): Promise<T> {
  return (await sendJson<T>('POST', `${BASE}${path}`, body)) as T;
}

export async function put<T>(path: string, body: unknown): Promise<T> {
  return (await sendJson<T>('PUT', `${BASE}${path}`, body)) as T;
}

/** The largest document the API takes (src/facility/document.service.ts). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Attaches a file to a proposal: the file itself is the body; the server judges it by its bytes. */
export async function uploadDocument(
  reference: string,
  file: File,
  kind: string,
  country: string | null,
): Promise<DocumentInfo> {
  const response = await request(
    `${proposalPath(reference)}/documents${queryString({ kind, filename: file.name, country })}`,
    {
      method: 'POST',
      headers: { ...csrfHeader(), 'content-type': 'application/octet-stream' },
      body: file,
    },
  );
  return (await response.json()) as DocumentInfo;
}
