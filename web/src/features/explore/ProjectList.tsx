import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import type { ActivitySummary } from '../../../../src/portfolio/activities.schema.ts';
import { useCodeNames } from '../../app/codes.ts';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { useLocalPath } from '../../app/url.ts';

export const isDemo = (identifier: string) => identifier.includes('CARAVAN-DEMO');

/** Projects as a list: title (in the current language where published), who, where, how much. */
export function ProjectList({ items }: { items: readonly ActivitySummary[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const codes = useCodeNames();
  const format = useFormat();
  const local = useLocalPath();
  return (
    <ul className="project-list">
      {items.map((a) => (
        <li key={a.iatiIdentifier}>
          <Link
            className="project-title"
            to={local(`/projects/${encodeURIComponent(a.iatiIdentifier)}`)}
          >
            {names.narrative(a.titles) || a.title}
          </Link>
          <div className="project-meta">
            <span>{names.partner(a.reportingOrg)}</span>
            <span>
              {a.countries.map((c) => names.country(c)).join(', ') || t('common.unknown')}
            </span>
            <span>{codes.status(a.status)}</span>
            <span>
              {format.date(a.start)} – {format.date(a.end)}
            </span>
            <span className="amounts">
              {t('measures.committed')} {format.money(a.commitments)} · {t('measures.disbursed')}{' '}
              {format.money(a.disbursements)}
            </span>
            {isDemo(a.iatiIdentifier) ? (
              <span className="badge demo">{t('explore.demo')}</span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
