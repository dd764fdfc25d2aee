import type { ReactNode } from 'react';
import { NavLink } from '../../app/router.tsx';
import { useLocalPath } from '../../app/url.ts';
import { useFacilityText } from './text.ts';

const SECTIONS = [
  { path: '/workspace/facility', key: 'proposals', end: true },
  { path: '/workspace/facility/reviews', key: 'reviews', end: false },
  { path: '/workspace/facility/meetings', key: 'meetings', end: false },
  { path: '/workspace/facility/ledger', key: 'ledger', end: false },
  { path: '/facility', key: 'public', end: true },
] as const;

/** The facility workspace's heading and its sections. */
export function FacilityHead({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useFacilityText();
  const local = useLocalPath();
  return (
    <div className="page-head">
      <span className="kicker">{t('facility.title')}</span>
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      <nav className="facility-nav" aria-label={t('facility.workspace.sections')}>
        {SECTIONS.map((s) => (
          <NavLink key={s.key} to={local(s.path)} end={s.end}>
            {t(`facility.workspace.${s.key}`)}
          </NavLink>
        ))}
      </nav>
      {children}
    </div>
  );
}
