import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useRanking, useReviewQueue, useRules } from '../features/facility/api.ts';
import { FacilityHead } from '../features/facility/FacilityNav.tsx';
import { useMoney } from '../features/facility/money.ts';
import { proposalHref, ProposalList } from '../features/facility/ProposalList.tsx';
import { useFacilityText } from '../features/facility/text.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/facility/facility.css';

/** A reviewer's queue, the ranking of proposals whose reviews are complete, and the rubric. */
function Reviews() {
  const { t } = useFacilityText();
  const { i18n } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const money = useMoney();
  const names = useNames();
  const local = useLocalPath();
  const reviewer = session.can('facility.review');
  const queue = useReviewQueue(reviewer);
  const ranking = useRanking();
  const rules = useRules();
  return (
    <>
      <FacilityHead title={t('facility.workspace.reviews')} lead={t('facility.reviews.lead')} />
      {reviewer ? (
        <section className="card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('facility.reviews.queue')}</h2>
          {queue.state === 'failed' ? <ErrorMessage error={queue.error} /> : null}
          {queue.state === 'loading' ? <Loading /> : null}
          {queue.data ? (
            <ProposalList
              proposals={queue.data.proposals}
              caption={t('facility.reviews.queue')}
              empty={t('facility.reviews.queueNone')}
            />
          ) : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('facility.reviews.ranking')}</h2>
        <p className="note">{t('facility.reviews.rankingLead')}</p>
        {ranking.state === 'failed' ? <ErrorMessage error={ranking.error} /> : null}
        {ranking.state === 'loading' ? <Loading /> : null}
        {ranking.data ? (
          <DataTable
            caption={t('facility.reviews.ranking')}
            captionHidden
            rows={ranking.data.ranking.map((r, i) => ({ ...r, rank: i + 1 }))}
            rowKey={(r) => r.reference}
            empty={t('facility.none')}
            columns={[
              {
                key: 'rank',
                header: t('facility.reviews.rank'),
                numeric: true,
                cell: (r) => r.rank,
              },
              {
                key: 'reference',
                header: t('facility.list.reference'),
                cell: (r) => <Link to={local(proposalHref(r.reference))}>{r.reference}</Link>,
              },
              { key: 'title', header: t('facility.list.title'), cell: (r) => r.title },
              {
                key: 'countries',
                header: t('facility.list.countries'),
                cell: (r) => r.countries.map((c) => names.country(c)).join(', '),
              },
              {
                key: 'requested',
                header: t('facility.list.requested'),
                numeric: true,
                cell: (r) => money.usdCents(r.requestedCents),
              },
              {
                key: 'reviewers',
                header: t('facility.reviews.reviewers'),
                numeric: true,
                cell: (r) => r.reviewers,
              },
              {
                key: 'average',
                header: t('facility.reviews.averageScore'),
                numeric: true,
                cell: (r) => format.number(r.average),
              },
            ]}
          />
        ) : null}
      </section>
      {rules.data ? (
        <section className="card" aria-labelledby="rubric-title">
          <h2 id="rubric-title">{t('facility.reviews.rubric')}</h2>
          <p className="note">
            {t('facility.reviews.rubricLead', {
              min: rules.data.scoring.scale.min,
              max: rules.data.scoring.scale.max,
              reviewers: rules.data.scoring.minReviewers,
              version: rules.data.version,
            })}
          </p>
          <DataTable
            caption={t('facility.reviews.rubric')}
            captionHidden
            rows={rules.data.scoring.criteria}
            rowKey={(c) => c.id}
            columns={[
              {
                key: 'criterion',
                header: t('facility.reviews.criterion'),
                cell: (c) => (i18n.language === 'ru' ? c.ru : c.en),
              },
              {
                key: 'weight',
                header: t('facility.reviews.weightHeader'),
                numeric: true,
                cell: (c) => c.weight,
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}

export default function FacilityReviewsPage() {
  const { t } = useFacilityText();
  usePageTitle(t('facility.workspace.reviews'));
  return (
    <RequireAccess permission="facility.read">
      <Reviews />
    </RequireAccess>
  );
}
