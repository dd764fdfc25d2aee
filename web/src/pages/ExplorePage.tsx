import { useTranslation } from 'react-i18next';
import type { ActivitiesPage } from '../../../src/portfolio/activities.schema.ts';
import { useApi } from '../app/useApi.ts';
import { usePageTitle } from '../app/title.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { FilterPanel } from '../features/explore/FilterPanel.tsx';
import { ProjectList } from '../features/explore/ProjectList.tsx';
import { ACTIVITY_SORTS, apiQuery, useExploreState } from '../features/explore/filters.ts';
import { useAggregate } from '../features/portfolio/api.ts';

const PAGE_SIZE = 25;

export default function ExplorePage() {
  const { t } = useTranslation();
  usePageTitle(t('explore.title'));
  const { filters, sort, cursor, update, page, clear } = useExploreState();
  const query = apiQuery(filters, sort);
  const listQuery = new URLSearchParams(query);
  listQuery.set('limit', String(PAGE_SIZE));
  if (cursor) listQuery.set('cursor', cursor);
  const list = useApi<ActivitiesPage>(`/api/activities?${listQuery.toString()}`);
  const partners = useAggregate('partner');
  const download = query.toString();
  const suffix = download ? `?${download}` : '';

  return (
    <>
      <div className="page-head">
        <h1>{t('explore.title')}</h1>
        <p className="lead">{t('explore.lead')}</p>
      </div>
      <div className="explore">
        <FilterPanel
          filters={filters}
          partners={(partners.data?.rows ?? []).map((r) => String(r['partner'])).filter(Boolean)}
          onChange={update}
          onClear={clear}
        />
        <section className="card" aria-labelledby="results-title">
          <div className="results-head">
            <h2 id="results-title">{t('explore.results')}</h2>
            <div className="field">
              <label htmlFor="explore-sort">{t('explore.sort')}</label>
              <select
                id="explore-sort"
                value={sort}
                onChange={(e) => update({ sort: e.target.value })}
              >
                {ACTIVITY_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`explore.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="downloads">
            <span>{t('explore.download')}</span>
            <a href={`/api/activities.csv${suffix}`} download>
              CSV
            </a>
            <a href={`/api/activities.xlsx${suffix}`} download>
              XLSX
            </a>
            <a href={`/api/activities.xml${suffix}`} download="caravan-activities.xml">
              IATI XML
            </a>
          </div>
          <div aria-live="polite" aria-busy={list.state === 'loading'}>
            {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
            {list.state === 'loading' ? <Loading /> : null}
            {list.data ? (
              list.data.items.length === 0 ? (
                <p className="note">{t('explore.nothing')}</p>
              ) : (
                <ProjectList items={list.data.items} />
              )
            ) : null}
          </div>
          <nav className="actions" aria-label={t('explore.pages')}>
            {cursor ? (
              <button type="button" className="button secondary" onClick={() => page(null)}>
                {t('explore.first')}
              </button>
            ) : null}
            {list.data?.nextCursor ? (
              <button
                type="button"
                className="button"
                onClick={() => page(list.data?.nextCursor ?? null)}
              >
                {t('explore.next')}
              </button>
            ) : null}
          </nav>
        </section>
      </div>
    </>
  );
}
