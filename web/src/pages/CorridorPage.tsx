import { useTranslation } from 'react-i18next';
import { useParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import type { CorridorSummary } from '../features/portfolio/api.ts';
import { SummaryPage, SummaryView } from '../features/places/SummaryView.tsx';

export default function CorridorPage() {
  const { n = '' } = useParams();
  const { t } = useTranslation();
  const names = useNames();
  return (
    <SummaryPage<CorridorSummary>
      path={`/api/corridors/${encodeURIComponent(n)}`}
      render={(summary) => (
        <SummaryView
          kicker={t('map.corridor', { number: summary.corridor.number })}
          title={names.corridor(summary.corridor.number)}
          intro={t('summary.corridorCountries', {
            countries: summary.corridor.countries.map((c) => names.country(c)).join(', '),
          })}
          summary={summary}
          filter={`corridor=${summary.corridor.number}`}
          show={['sector', 'partner', 'country']}
          highlight={summary.corridor.countries}
        />
      )}
    />
  );
}
