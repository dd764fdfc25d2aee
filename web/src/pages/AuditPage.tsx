import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../src/accounts/audit.schema.ts';
import { useFormat } from '../app/format.ts';
import { usePageTitle } from '../app/title.ts';
import { useUrlParam } from '../app/url.ts';
import { useApi } from '../app/useApi.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';

const LIMITS = ['50', '200', '1000'];

function Audit() {
  const { t } = useTranslation();
  const format = useFormat();
  const [limit, setLimit] = useUrlParam('limit');
  const shown = limit && LIMITS.includes(limit) ? limit : '50';
  const entries = useApi<AuditRecord[]>(`/api/audit?limit=${shown}`, { fresh: true });
  return (
    <>
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.lead')}</p>
      </div>
      <section className="card">
        <div className="field">
          <label htmlFor="audit-limit">{t('audit.limit')}</label>
          <select id="audit-limit" value={shown} onChange={(e) => setLimit(e.target.value)}>
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {entries.state === 'failed' ? <ErrorMessage error={entries.error} /> : null}
        {entries.state === 'loading' ? <Loading /> : null}
        {entries.data ? (
          <DataTable
            caption={t('audit.title')}
            captionHidden
            rows={entries.data}
            rowKey={(e) => String(e.id)}
            empty={t('common.none')}
            columns={[
              { key: 'at', header: t('audit.at'), cell: (e) => format.dateTime(e.at) },
              { key: 'actor', header: t('audit.actor'), cell: (e) => e.actor },
              { key: 'action', header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
              {
                key: 'target',
                header: t('audit.target'),
                cell: (e) => `${e.targetType} ${e.targetId}`,
              },
              { key: 'origin', header: t('audit.origin'), cell: (e) => e.origin },
              {
                key: 'change',
                header: t('audit.change'),
                cell: (e) =>
                  e.withheld ? (
                    <span className="note">{t(`audit.withheld.${e.withheld}`)}</span>
                  ) : e.after === null && e.before === null ? null : (
                    <details>
                      <summary>{t('audit.details')}</summary>
                      <pre className="json">
                        {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                      </pre>
                    </details>
                  ),
              },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireAccess permission="audit.read">
      <Audit />
    </RequireAccess>
  );
}
