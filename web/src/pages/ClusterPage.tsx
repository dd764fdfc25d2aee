import { useTranslation } from 'react-i18next';
import { useParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import type { ClusterSummary } from '../features/portfolio/api.ts';
import { SummaryPage, SummaryView } from '../features/places/SummaryView.tsx';

export default function ClusterPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const names = useNames();
  return (
    <SummaryPage<ClusterSummary>
      path={`/api/clusters/${encodeURIComponent(code)}`}
      render={(summary) => (
        <SummaryView
          kicker={t('summary.cluster', { code: summary.cluster.code })}
          title={names.cluster(summary.cluster.code)}
          summary={summary}
          filter={`cluster=${summary.cluster.code}`}
          show={['sector', 'partner', 'country']}
        />
      )}
    />
  );
}
