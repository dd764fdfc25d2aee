import { useTranslation } from 'react-i18next';
import { useParams } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useProposal, type ProposalDetail } from '../features/facility/api.ts';
import { Documents } from '../features/facility/Documents.tsx';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { History } from '../features/facility/History.tsx';
import { useMoney } from '../features/facility/money.ts';
import { PreparationPanel } from '../features/facility/PreparationPanel.tsx';
import { ProposalContentView } from '../features/facility/ProposalContentView.tsx';
import { ReviewsPanel } from '../features/facility/ReviewsPanel.tsx';
import { ScreeningPanel } from '../features/facility/ScreeningPanel.tsx';
import { StateBadge } from '../features/facility/StateBadge.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { WorkflowActions } from '../features/facility/WorkflowActions.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

const REVIEWED = [
  'technical_review',
  'committee',
  'approved',
  'in_preparation',
  'completed',
  'financed',
];

function Proposal({ detail, reload }: { detail: ProposalDetail; reload: () => void }) {
  const { t } = useFacilityText();
  const format = useFormat();
  const names = useNames();
  const money = useMoney();
  const { i18n } = useTranslation();
  const title = (i18n.language === 'ru' && detail.content.title.ru) || detail.title;
  usePageTitle(`${detail.reference} ${title}`);
  return (
    <>
      <FacilityHead title={title}>
        <div className="tags">
          <span className="badge">{detail.reference}</span>
          <StateBadge state={detail.state} />
          <span>{t('facility.proposal.version', { version: detail.version })}</span>
        </div>
        <dl className="summary-list">
          <dt>{t('facility.proposal.lead')}</dt>
          <dd>{names.country(detail.leadCountry)}</dd>
          <dt>{t('facility.list.requested')}</dt>
          <dd>{money.usd(detail.requestedUsd)}</dd>
          <dt>{t('facility.proposal.endorsements')}</dt>
          <dd>
            <ul className="plain-list">
              {detail.countries.map((c) => (
                <li key={c.country}>
                  {names.country(c.country)}:{' '}
                  {c.endorsedBy
                    ? t('facility.proposal.endorsedBy', {
                        who: c.endorsedBy,
                        date: format.date(c.endorsedAt),
                      })
                    : t('facility.proposal.notEndorsed')}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('facility.proposal.created')}</dt>
          <dd>
            {detail.createdBy}, {format.date(detail.createdAt)}
          </dd>
        </dl>
      </FacilityHead>
      <WorkflowActions detail={detail} onChanged={reload} />
      <ProposalContentView content={detail.content} />
      <Documents detail={detail} onChanged={reload} />
      <ScreeningPanel detail={detail} onChanged={reload} />
      {REVIEWED.includes(detail.state) || detail.scores.received > 0 ? (
        <ReviewsPanel detail={detail} onChanged={reload} />
      ) : null}
      <PreparationPanel detail={detail} onChanged={reload} />
      <History detail={detail} />
    </>
  );
}

export default function FacilityProposalPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.proposals'));
  const { reference = '' } = useParams();
  return (
    <RequireAccess permission="facility.read">
      <Loaded reference={reference} />
    </RequireAccess>
  );
}

function Loaded({ reference }: { reference: string }) {
  const proposal = useProposal(reference);
  if (proposal.state === 'failed') return <ErrorMessage error={proposal.error} />;
  if (proposal.state === 'loading') return <Loading />;
  return <Proposal detail={proposal.data} reload={proposal.reload} />;
}
