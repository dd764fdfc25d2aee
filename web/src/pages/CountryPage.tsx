import { useTranslation } from 'react-i18next';
import { useParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import type { CountrySummary } from '../features/portfolio/api.ts';
import { SummaryPage, SummaryView } from '../features/places/SummaryView.tsx';

export default function CountryPage() {
  const { iso = '' } = useParams();
  const { t } = useTranslation();
  const names = useNames();
  return (
    <SummaryPage<CountrySummary>
      path={`/api/countries/${encodeURIComponent(iso)}`}
      render={(summary) => (
        <SummaryView
          kicker={summary.country.member ? t('summary.member') : t('common.country')}
          title={names.country(summary.country.iso2)}
          summary={summary}
          filter={`country=${summary.country.iso2}`}
          show={['sector', 'partner']}
          highlight={[summary.country.iso2]}
        />
      )}
    />
  );
}
