import { useTranslation } from 'react-i18next';
import { useParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import type { PartnerSummary } from '../features/portfolio/api.ts';
import { SummaryPage, SummaryView } from '../features/places/SummaryView.tsx';

export default function PartnerPage() {
  const { ref = '' } = useParams();
  const { t } = useTranslation();
  const names = useNames();
  return (
    <SummaryPage<PartnerSummary>
      path={`/api/partners/${encodeURIComponent(ref)}`}
      render={(summary) => (
        <SummaryView
          kicker={t('common.partner')}
          title={names.partner(summary.partner.ref)}
          summary={summary}
          filter={`partner=${encodeURIComponent(summary.partner.ref)}`}
          show={['sector', 'country']}
        />
      )}
    />
  );
}
